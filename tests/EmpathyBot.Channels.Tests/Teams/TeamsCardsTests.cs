using System.Text.Json.Nodes;
using EmpathyBot.Channels.Activities;
using EmpathyBot.Channels.Teams;
using EmpathyBot.Conversation.Messages;

namespace EmpathyBot.Channels.Tests.Teams;

public sealed class TeamsCardsTests
{
    private static readonly Message RatingCard = new("Rate this reply", [new Heading("Rate a reply"), new Paragraph("How empathetic is it?")],
    [
        new MessageAction("Good", new Dictionary<string, string> { ["action"] = "rate", ["reply"] = "r1", ["rating"] = "good" }, ActionStyle.Positive),
        MessageAction.Command("Menu", "menu"),
    ]);

    [Fact]
    public void Rating_buttons_become_action_execute_with_the_submit_as_fallback()
    {
        var card = TeamsCards.Render(RatingCard);

        var good = card["actions"]![0]!.AsObject();
        Assert.Equal("1.5", card["version"]!.GetValue<string>());
        Assert.Equal("Action.Execute", good["type"]!.GetValue<string>());
        Assert.Equal("rate", good["verb"]!.GetValue<string>());
        Assert.Equal("positive", good["style"]!.GetValue<string>());
        Assert.Equal("r1", good["data"]!["reply"]!.GetValue<string>());
        var fallback = good["fallback"]!.AsObject();
        Assert.Equal("Action.Submit", fallback["type"]!.GetValue<string>());
        Assert.Equal("good", fallback["data"]!["rating"]!.GetValue<string>());
        Assert.Equal("Action.Submit", card["actions"]![1]!["type"]!.GetValue<string>());
    }

    [Fact]
    public void Plain_text_stays_text_and_rich_messages_carry_the_teams_card()
    {
        var inbound = new Activity
        {
            Id = "in-1", ChannelId = "msteams", ServiceUrl = "https://smba.example/",
            From = new ChannelAccount { Id = "29:u" }, Recipient = new ChannelAccount { Id = "28:bot" },
            Conversation = new ConversationAccount { Id = "c1" },
        };

        var text = TeamsCards.ToActivity(Message.Text("hello"), inbound);
        var card = TeamsCards.ToActivity(RatingCard, inbound);

        Assert.Equal("hello", text.Text);
        Assert.Null(text.Attachments);
        Assert.Equal("28:bot", card.From!.Id);
        Assert.Equal("29:u", card.Recipient!.Id);
        Assert.Equal("Action.Execute", Assert.Single(card.Attachments!).Content!["actions"]![0]!["type"]!.GetValue<string>());
    }

    [Fact]
    public void Only_the_bots_own_mention_is_stripped()
    {
        var activity = new Activity
        {
            Type = "message",
            Text = "<at>EmpathyBot</at> rate <at>Megan</at>",
            Recipient = new ChannelAccount { Id = "28:bot" },
            Entities = new JsonArray(
                new JsonObject { ["type"] = "mention", ["text"] = "<at>EmpathyBot</at>", ["mentioned"] = new JsonObject { ["id"] = "28:bot" } },
                new JsonObject { ["type"] = "mention", ["text"] = "<at>Megan</at>", ["mentioned"] = new JsonObject { ["id"] = "29:megan" } }),
        };

        Assert.True(TeamsTurns.MentionsBot(activity));
        Assert.Equal("rate <at>Megan</at>", TeamsTurns.StripBotMention(activity));
    }
}
