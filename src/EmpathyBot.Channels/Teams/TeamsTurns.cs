using System.Text.Json.Nodes;
using EmpathyBot.Channels.Activities;
using EmpathyBot.Conversation.Engine;
using EmpathyBot.Conversation.Messages;

namespace EmpathyBot.Channels.Teams;

/// <summary>
/// Maps Teams activities to engine turns: the bot answers in group chats and channels only when @mentioned
/// (its mention is stripped), and greets when it is installed or added.
/// </summary>
public static class TeamsTurns
{
    /// <summary>
    /// The channel of every turn from the Teams endpoint, whatever <c>channelId</c> the body names: the body is the
    /// sender's word, and a Slack or web chat participant's key must never be reachable through this endpoint.
    /// </summary>
    public const string Channel = "msteams";

    public const string AdaptiveCardActionInvoke = "adaptiveCard/action";

    public static bool IsGroup(Activity activity) =>
        activity.Conversation?.ConversationType is "groupChat" or "channel" || activity.Conversation?.IsGroup == true;

    /// <summary>A turn for the engine, or null when the activity needs no answer (not addressed to us, typing, ...).</summary>
    public static Turn? ToTurn(Activity activity)
    {
        var user = activity.From?.Id;
        var conversation = activity.Conversation?.Id;
        if (string.IsNullOrEmpty(user) || string.IsNullOrEmpty(conversation)) return null;

        switch (activity.Type)
        {
            case ActivityTypes.Message:
                var value = ActivityTurns.Flatten(activity.Value);
                var mentioned = MentionsBot(activity);
                var text = StripBotMention(activity)?.Trim();
                if (value is null && IsGroup(activity) && !mentioned) return null;
                if (string.IsNullOrEmpty(text) && value is null) return null;
                return new Turn(Channel, user, conversation, TurnKind.Message, string.IsNullOrEmpty(text) ? null : text, value, activity.Id);

            case ActivityTypes.ConversationUpdate:
                // Teams tells us about our own arrival (install in a personal chat, added to a team or group chat).
                var botAdded = activity.MembersAdded?.Any(m => m.Id == activity.Recipient?.Id) ?? false;
                return botAdded ? new Turn(Channel, user, conversation, TurnKind.ConversationStart, null, null, activity.Id) : null;

            case ActivityTypes.InstallationUpdate when activity.Action is null or "add":
                return new Turn(Channel, user, conversation, TurnKind.ConversationStart, null, null, activity.Id);

            default:
                return null;
        }
    }

    /// <summary>The turn of an Action.Execute (<c>adaptiveCard/action</c> invoke): its data, with the verb as the action.</summary>
    public static Turn? ToInvokeTurn(Activity activity)
    {
        var user = activity.From?.Id;
        var conversation = activity.Conversation?.Id;
        if (string.IsNullOrEmpty(user) || string.IsNullOrEmpty(conversation)) return null;
        if (JsonText.Field(activity.Value, "action") is not JsonObject action) return null;
        var data = new Dictionary<string, string>(ActivityTurns.Flatten(action["data"]) ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        if (!data.ContainsKey(ActionKeys.Action) && JsonText.String(action["verb"]) is { Length: > 0 } verb) data[ActionKeys.Action] = verb;
        if (data.Count == 0) return null;
        return new Turn(Channel, user, conversation, TurnKind.Message, null, data, activity.Id);
    }

    public static bool MentionsBot(Activity activity) => BotMentions(activity).Any();

    /// <summary>The text without the bot's own &lt;at&gt;mention&lt;/at&gt;; other people's mentions stay.</summary>
    public static string? StripBotMention(Activity activity)
    {
        var text = activity.Text;
        if (string.IsNullOrEmpty(text)) return text;
        foreach (var mention in BotMentions(activity))
        {
            if (JsonText.String(mention["text"]) is { Length: > 0 } mentionText) text = text.Replace(mentionText, "", StringComparison.Ordinal);
        }

        return text.Trim();
    }

    private static IEnumerable<JsonObject> BotMentions(Activity activity)
    {
        var bot = activity.Recipient?.Id;
        if (bot is null || activity.Entities is null) yield break;
        foreach (var entity in activity.Entities)
        {
            if (entity is JsonObject e && JsonText.String(e["type"]) == "mention" && JsonText.String(JsonText.Field(e["mentioned"], "id")) == bot) yield return e;
        }
    }
}
