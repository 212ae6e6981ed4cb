using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EmpathyBot.Host.Tests.Infrastructure;

namespace EmpathyBot.Host.Tests.DirectLine;

/// <summary>The study loop through the Direct Line endpoints, as Web Chat drives it.</summary>
public sealed class StudyLoopTests : IAsyncLifetime
{
    private BotHost host = null!;

    // The bare loop: people only (no baseline contender; BotHost turns attention checks off), so every card is predictable.
    public async Task InitializeAsync() => host = await BotHost.StartAsync(new Dictionary<string, string?>
    {
        ["Contenders:0:Enabled"] = "false",
    });

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Health_answers_200_when_the_store_is_reachable()
    {
        var response = await host.Client.GetAsync("healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/", "webchat.js")]
    [InlineData("/privacy", "forget me")]
    [InlineData("/terms", "forget me")]
    public async Task The_pages_are_served_wherever_the_host_runs(string path, string expected)
    {
        var response = await host.Client.GetAsync(path.TrimStart('/'));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync());
    }

    // The bundle is fetched with npm when the host builds; without Node the build skips it.
    [Fact]
    [Trait("Category", "EndToEnd")]
    public Task The_web_chat_bundle_is_served_wherever_the_host_runs() =>
        The_pages_are_served_wherever_the_host_runs("/lib/webchat.js", "WebChat");

    [Fact]
    public async Task Consent_respond_rate_summary_end_to_end()
    {
        var writer = new DirectLineClient(host.Client, "writer");
        await writer.StartAsync();
        var greeting = await writer.JoinAsync();
        Assert.Contains("Welcome to EmpathyBot", BotActivity.Text(greeting));

        // Nothing is stored before consent: a command only brings the consent card back.
        var beforeConsent = await writer.SayAsync("respond");
        Assert.Contains("Nothing is stored until you agree", BotActivity.Text(beforeConsent));

        var menu = await writer.SubmitAsync(BotActivity.Button(greeting, "I am 18 or older and agree"));
        Assert.Contains("Thank you for taking part", BotActivity.Text(menu));

        var prompt = await writer.SubmitAsync(BotActivity.Button(menu, "Respond to a prompt"));
        Assert.Contains("They say", BotActivity.Text(prompt));

        var empty = await writer.SayAsync("   ");
        Assert.Contains("Your reply was empty", BotActivity.Text(empty));

        var tooLong = await writer.SayAsync(new string('x', 601));
        Assert.Contains("please keep it to 600", BotActivity.Text(tooLong));
        Assert.Contains("They say", BotActivity.Text(tooLong));

        var saved = await writer.SayAsync("That sounds really frightening. I'm glad you're safe. Do you want to talk about it?");
        Assert.Contains("Your reply is saved", BotActivity.Text(saved));

        var rater = new DirectLineClient(host.Client, "rater");
        await rater.StartAsync();
        var raterGreeting = await rater.JoinAsync();
        await rater.SubmitAsync(BotActivity.Button(raterGreeting, "I am 18 or older and agree"));
        var card = await rater.SayAsync("rate");
        Assert.Contains("That sounds really frightening", BotActivity.Text(card));
        Assert.Contains("compared to how you would have responded", BotActivity.Text(card));

        var good = BotActivity.Button(card, "Good");
        var thanks = await rater.SubmitAsync(good);
        // Blind by default: the thanks names no author.
        Assert.Equal("Thanks, you rated this reply Good.", BotActivity.Text(thanks).Split('\n')[0]);
        Assert.DoesNotContain("written by", BotActivity.Text(thanks));

        var again = await rater.SubmitAsync(good);
        Assert.Contains("already rated this reply", BotActivity.Text(again));

        // The writer never sees their own reply to rate.
        var own = await writer.SayAsync("rate");
        Assert.DoesNotContain("That sounds really frightening", BotActivity.Text(own));

        var summaryMessage = await rater.SayAsync("summary");
        Assert.Contains("People", BotActivity.Text(summaryMessage));

        var summary = await host.Client.GetFromJsonAsync<JsonObject>("api/summary");
        Assert.Equal("human", (string?)summary!["baseline"]);
        var human = summary["overall"]!["sources"]!["human"]!;
        Assert.Equal(1, (int)human["replies"]!);
        Assert.Equal(1, (int)human["ratings"]!);
        Assert.Equal(1, (int)human["good"]!);
        Assert.Equal(1.0, (double)human["goodRate"]!);
        var emotion = summary["emotions"]!.AsObject().Single();
        Assert.Contains((string?)emotion.Value!["valence"], new[] { "positive", "negative" });
    }

    [Fact]
    public async Task Forget_me_deletes_the_participant_and_their_counts()
    {
        var client = new DirectLineClient(host.Client, "leaver");
        await client.StartAsync();
        var greeting = await client.JoinAsync();
        await client.SubmitAsync(BotActivity.Button(greeting, "I am 18 or older and agree"));
        await client.SayAsync("respond");
        await client.SayAsync("I'm so sorry, that must have been awful.");

        var asked = await client.SayAsync("forget me");
        Assert.Contains("cannot be undone", BotActivity.Text(asked));
        Assert.Equal(1, (int)(await host.Client.GetFromJsonAsync<JsonObject>("api/summary"))!["overall"]!["sources"]!["human"]!["replies"]!);
        var forgotten = await client.SubmitAsync(BotActivity.Button(asked, "Yes, delete everything"));
        Assert.Contains("1 reply", BotActivity.Text(forgotten));

        var summary = await host.Client.GetFromJsonAsync<JsonObject>("api/summary");
        var human = summary!["overall"]!["sources"]!["human"];
        Assert.True(human is null || (int)human["replies"]! == 0);

        var after = await client.SayAsync("respond");
        Assert.Contains("Nothing is stored until you agree", BotActivity.Text(after));
    }

    [Fact]
    public async Task Activities_need_a_token_for_their_conversation()
    {
        var a = new DirectLineClient(host.Client, "a");
        await a.StartAsync();
        var b = new DirectLineClient(host.Client, "b");
        await b.StartAsync();

        using var request = new HttpRequestMessage(HttpMethod.Get, $"v3/directline/conversations/{a.ConversationId}/activities");
        request.Headers.Authorization = new("Bearer", b.Token);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Client.SendAsync(request)).StatusCode);

        var anonymous = await host.Client.GetAsync($"v3/directline/conversations/{a.ConversationId}/activities");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task The_stream_pushes_the_echo_and_the_reply_with_a_watermark()
    {
        var client = new DirectLineClient(host.Client, "streamer");
        await client.StartAsync();
        using var socket = new System.Net.WebSockets.ClientWebSocket();
        await socket.ConnectAsync(new Uri(client.StreamUrl), CancellationToken.None);

        await client.JoinAsync();
        var seen = new List<JsonObject>();
        var buffer = new byte[1 << 20];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!seen.Any(a => (string?)a["from"]?["role"] == "bot"))
        {
            var result = await socket.ReceiveAsync(buffer, timeout.Token);
            if (result.Count == 0) continue;
            var frame = JsonNode.Parse(buffer.AsSpan(0, result.Count))!.AsObject();
            Assert.NotNull((string?)frame["watermark"]);
            seen.AddRange(frame["activities"]!.AsArray().Select(x => x!.AsObject()));
        }

        Assert.Equal("event", (string?)seen[0]["type"]);
        Assert.Contains("Welcome to EmpathyBot", BotActivity.Text(seen.Last()));
    }
}
