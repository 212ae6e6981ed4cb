using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EmpathyBot.Channels.Tests.Slack;
using EmpathyBot.Host.Tests.Infrastructure;

namespace EmpathyBot.Host.Tests.Slack;

/// <summary>The pair card through the real host's Slack endpoints: both replies labelled in the text, A / B / Tie / Both bad as buttons.</summary>
public sealed class SlackPairwiseTests : IAsyncLifetime
{
    private const string Secret = "e2e-signing-secret";

    private FakeSlackApi slack = null!;
    private BotHost host = null!;

    public async Task InitializeAsync()
    {
        slack = await FakeSlackApi.StartAsync();
        host = await BotHost.StartAsync(new Dictionary<string, string?>
        {
            ["Slack:SigningSecret"] = Secret,
            ["Slack:BotToken"] = "xoxb-e2e",
            ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl,
            ["Rating:Mode"] = "pairwise",
        });
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await slack.DisposeAsync();
    }

    [Fact]
    public async Task A_slack_rater_compares_a_persons_reply_with_the_baselines()
    {
        const string reply = "That sounds really frightening. I'm glad you're safe & sound.";
        var writer = new SlackUser(host.Client, slack, Secret, "UWRITER", "DWRITER");
        await writer.PressAsync((await writer.SayAsync("hi", "Nothing is stored until you agree"))!, "I am 18 or older and agree", "Thank you for taking part");
        await writer.CommandAsync("respond", "They say");
        await writer.SayAsync(reply, "Your reply is saved");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while ((await host.Client.GetFromJsonAsync<JsonObject>("api/summary"))!["overall"]!["sources"]!["baseline"]?["replies"]?.GetValue<long>() is not >= 1)
        {
            Assert.True(DateTime.UtcNow < deadline, "the baseline never answered the prompt");
            await Task.Delay(50);
        }

        var rater = new SlackUser(host.Client, slack, Secret, "URATER", "DRATER");
        await rater.PressAsync((await rater.SayAsync("hello", "Nothing is stored until you agree"))!, "I am 18 or older and agree", "Thank you for taking part");
        var card = await rater.CommandAsync("rate", "Which reply is more empathetic?");

        var text = SlackUser.Text(card);
        Assert.Contains("Reply A", text);
        Assert.Contains("Reply B", text);
        Assert.Contains(reply, text);
        Assert.Equal(["A", "B", "Tie", "Both bad"], SlackUser.Buttons(card).Select(b => b["text"]!["text"]!.GetValue<string>()));
        Assert.All(SlackUser.Buttons(card), b => Assert.Null(b["style"]));

        await rater.PressAsync(card, "Tie", "the two replies are equally empathetic");
        await rater.PressAsync(card, "A", "already compared these replies");

        var pairwise = (await host.Client.GetFromJsonAsync<JsonObject>("api/summary"))!["pairwise"]!;
        Assert.Equal(1, pairwise["battles"]!.GetValue<long>());
        Assert.Equal(1, pairwise["sources"]!["baseline"]!["ties"]!.GetValue<long>());
    }
}
