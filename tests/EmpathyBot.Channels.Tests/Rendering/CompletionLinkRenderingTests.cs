using System.Net;
using System.Text.Json.Nodes;
using EmpathyBot.Channels.DirectLine;
using EmpathyBot.Channels.Rendering;
using EmpathyBot.Channels.Slack;
using EmpathyBot.Channels.Teams;
using EmpathyBot.Channels.Tests.Slack;
using EmpathyBot.Conversation.Messages;
using EmpathyBot.Core.Ports;
using Microsoft.Extensions.Options;

namespace EmpathyBot.Channels.Tests.Rendering;

/// <summary>The completion link is a button that opens the panel's page on every channel, and sends the bot nothing.</summary>
public sealed class CompletionLinkRenderingTests : IAsyncLifetime
{
    private const string Url = "https://app.prolific.com/submissions/complete?cc=C0DE";
    private static readonly Message Done = new("done", [new Paragraph("Your completion code: C0DE")], [MessageAction.OpenUrl("Finish and return", Url)]);

    private FakeSlackApi slack = null!;
    private SlackTestApp app = null!;

    public async Task InitializeAsync()
    {
        slack = await FakeSlackApi.StartAsync();
        app = await SlackTestApp.StartAsync(slack);
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await slack.DisposeAsync();
    }

    [Fact]
    public void Adaptive_cards_and_teams_get_an_open_url_action()
    {
        foreach (var card in new[] { AdaptiveCardRenderer.Render(Done), TeamsCards.Render(Done) })
        {
            var action = card["actions"]!.AsArray().Single()!.AsObject();
            Assert.Equal("Action.OpenUrl", (string?)action["type"]);
            Assert.Equal(Url, (string?)action["url"]);
            Assert.Null(action["data"]);
        }
    }

    [Fact]
    public void Slack_gets_a_link_button_without_a_value()
    {
        var part = Assert.Single(new BlockKitRenderer("https://bot.example.org/dashboard").Render(Done));
        var button = part.Blocks.Select(b => b!.AsObject()).Single(b => (string?)b["type"] == "actions")["elements"]!.AsArray().Single()!.AsObject();
        Assert.Equal(Url, (string?)button["url"]);
        Assert.Null(button["value"]);
        Assert.EndsWith("_link", (string?)button["action_id"]);
    }

    [Fact]
    public async Task A_slack_link_click_is_acknowledged_and_is_no_turn()
    {
        var payload = new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = new JsonObject { ["id"] = "U7" },
            ["channel"] = new JsonObject { ["id"] = "D7" },
            ["actions"] = new JsonArray(new JsonObject { ["action_id"] = "empathy_0_link", ["block_id"] = "actions_0", ["url"] = Url }),
        };

        var response = await app.PostFormAsync(SlackEndpoints.InteractionsPath, new Dictionary<string, string> { ["payload"] = payload.ToJsonString() });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // A direct message after it: once its answer is out, anything the click had queued would have run.
        var before = slack.Posts.Count();
        await app.PostEventAsync("""{"type":"event_callback","team_id":"T1","event_id":"Ev-after-link","authorizations":[{"user_id":"UBOT","is_bot":true}],"event":{"type":"message","channel_type":"im","channel":"D7","user":"U7","text":"help","ts":"1.1"}}""");
        await slack.WaitForAsync(_ => slack.Posts.Count() > before);
        Assert.Equal(["help"], app.Turns.Select(t => t.Text));
    }

    [Fact]
    public void A_direct_line_token_carries_the_panel_ids_it_was_issued_with()
    {
        var tokens = new DirectLineTokens(Options.Create(new DirectLineOptions { TokenSigningKey = "k" }), TimeProvider.System);
        var ids = new ExternalIds("5f1e2d3c4b5a69788796a5b4", "study-1", null);

        Assert.Equal(ids, tokens.Validate(tokens.Issue("c1", "web-1", ids))!.Recruitment);
        Assert.Null(tokens.Validate(tokens.Issue("c1", "web-1", ExternalIds.None))!.Recruitment);
    }
}
