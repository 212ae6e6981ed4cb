using System.Text.Json.Nodes;
using EmpathyBot.Channels.Rendering;
using EmpathyBot.Channels.Slack;
using EmpathyBot.Conversation.Flows;
using EmpathyBot.Core.Ports;
using EmpathyBot.Core.Study;

namespace EmpathyBot.Channels.Tests.Rendering;

/// <summary>The pair card on every channel: both replies quoted verbatim under their own label, four answers styled alike.</summary>
public sealed class PairCardRenderingTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    // B is shown on the left, so it is "Reply A" on the card.
    private static readonly PairCard Card = new("h-0123456789abcdef",
        new StudyPrompt("p1", "afraid", "I heard a noise downstairs.", "I was sure someone had broken in.", "core"),
        new Reply("m1", "p1", "gpt", "**Stay calm** <b>and</b> call someone.", null, T0),
        new Reply("h1", "p1", Sources.Human, "That sounds terrifying.", "ann", T0),
        BattleSide.B, null);

    [Fact]
    public void Slack_shows_reply_a_then_reply_b_as_labelled_quotes_and_plain_buttons()
    {
        var part = Assert.Single(new BlockKitRenderer("https://bot.example.org/dashboard").Render(PairwiseFlow.Card(Card)));

        var quotes = part.Blocks.Select(b => b!.AsObject()).Where(b => (string?)b["type"] == "rich_text")
            .Select(b => b["elements"]!.AsArray())
            .Select(e => ((string)e[0]!["elements"]![0]!["text"]!, (string)e[1]!["elements"]![0]!["text"]!))
            .ToList();
        Assert.Equal(("Reply A", "That sounds terrifying."), quotes[^2]);
        Assert.Equal(("Reply B", "**Stay calm** <b>and</b> call someone."), quotes[^1]);

        var buttons = part.Blocks.Select(b => b!.AsObject()).Single(b => (string?)b["type"] == "actions")["elements"]!.AsArray().Select(b => b!.AsObject()).ToList();
        Assert.Equal(["A", "B", "Tie", "Both bad"], buttons.Select(b => (string)b["text"]!["text"]!));
        Assert.All(buttons, b => Assert.Null(b["style"]));
        Assert.Contains("\"choice\":\"left\"", (string)buttons[0]["value"]!);
        Assert.Contains("\"choice\":\"right\"", (string)buttons[1]["value"]!);
        // Text-only Slack clients (notifications, screen readers) still tell A from B.
        Assert.Contains("Reply A: \"That sounds terrifying.\" Reply B: \"**Stay calm**", part.Text.Replace("&lt;", "<").Replace("&gt;", ">"));
    }

    [Fact]
    public void Adaptive_cards_show_both_replies_as_text_runs_and_four_submit_actions_without_style()
    {
        var card = AdaptiveCardRenderer.Render(PairwiseFlow.Card(Card));

        var json = card.ToJsonString();
        Assert.True(json.IndexOf("Reply A", StringComparison.Ordinal) < json.IndexOf("Reply B", StringComparison.Ordinal));
        var runs = card["body"]!.AsArray().SelectMany(Runs).ToList();
        Assert.True(runs.IndexOf("That sounds terrifying.") < runs.IndexOf("**Stay calm** <b>and</b> call someone."));
        var actions = card["actions"]!.AsArray().Select(a => a!.AsObject()).ToList();
        Assert.Equal(["A", "B", "Tie", "Both bad"], actions.Select(a => (string)a["title"]!));
        Assert.All(actions, a => Assert.Equal("Action.Submit", (string)a["type"]!));
        Assert.All(actions, a => Assert.Null(a["style"]));
        Assert.Equal("h-0123456789abcdef", (string)actions[3]["data"]!["pair"]!);
        Assert.Equal("both_bad", (string)actions[3]["data"]!["choice"]!);
    }

    private static IEnumerable<string> Runs(JsonNode? node) => node switch
    {
        JsonObject o when (string?)o["type"] == "TextRun" => [(string)o["text"]!],
        JsonObject o => o.SelectMany(p => Runs(p.Value)),
        JsonArray a => a.SelectMany(Runs),
        _ => [],
    };
}
