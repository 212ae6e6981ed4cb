using System.Text.Json.Nodes;
using EmpathyBot.Channels.Rendering;
using EmpathyBot.Conversation.Messages;

namespace EmpathyBot.Channels.Activities;

/// <summary>Outbound activities: a plain text message stays text; anything richer becomes an Adaptive Card.</summary>
public static class BotActivities
{
    /// <param name="renderCard">The card of a message that is not plain text (a channel's own flavour of the Adaptive Card); the common one when null.</param>
    public static Activity FromMessage(Message message, Activity inReplyTo, Func<Message, JsonObject>? renderCard = null)
    {
        var plain = message.Actions.Count == 0 && message.Blocks is [Paragraph { Tone: Tone.Normal }];
        return new Activity
        {
            Type = ActivityTypes.Message,
            ChannelId = inReplyTo.ChannelId,
            ServiceUrl = inReplyTo.ServiceUrl,
            Conversation = inReplyTo.Conversation,
            From = inReplyTo.Recipient,
            Recipient = inReplyTo.From,
            ReplyToId = inReplyTo.Id,
            Text = plain ? message.Summary : null,
            // A message's text is plain text (it is never markup), so no channel may read it as markdown.
            TextFormat = plain ? "plain" : null,
            Attachments = plain ? null : [new Attachment
            {
                ContentType = AdaptiveCardRenderer.ContentType,
                Content = (renderCard ?? AdaptiveCardRenderer.Render)(message),
            }],
        };
    }
}
