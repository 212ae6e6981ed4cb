using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EmpathyBot.Host.Tests.Infrastructure;
using EmpathyBot.Storage.Tests.Redis;

namespace EmpathyBot.Host.Tests.Redis;

/// <summary>Two real hosts behind no balancer, sharing one real redis-server: one study, live across instances.</summary>
[Trait("Category", "EndToEnd")]
public sealed class TwoInstancesTests : IAsyncLifetime
{
    private readonly RedisServerFixture redis = new();
    private BotHost a = null!;
    private BotHost b = null!;

    public async Task InitializeAsync()
    {
        await redis.InitializeAsync();
        var shared = BotHost.SharedRedisSettings(redis.Configuration, "two-");
        a = await BotHost.StartAsync(shared);
        b = await BotHost.StartAsync(shared);
    }

    public async Task DisposeAsync()
    {
        await a.DisposeAsync();
        await b.DisposeAsync();
        await redis.DisposeAsync();
    }

    [Fact]
    public async Task A_rating_taken_by_instance_A_reaches_the_dashboard_stream_open_on_instance_B()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/summary/stream");
        using var stream = await b.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await stream.Content.ReadAsStreamAsync());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var initial = await SummaryStream.NextAsync(reader, timeout.Token);
        Assert.Null(initial["summary"]!["overall"]!["sources"]!["human"]);

        // The writer talks to A, the rater to B: the study (consent, prompts, replies) is one.
        var writer = new DirectLineClient(a.Client, "writer");
        await writer.StartAsync();
        await writer.SubmitAsync(BotActivity.Button(await writer.JoinAsync(), "I am 18 or older and agree"));
        await writer.SayAsync("respond");
        Assert.Contains("Your reply is saved", BotActivity.Text(await writer.SayAsync("That sounds so hard, I'm sorry.")));

        var rater = new DirectLineClient(a.Client, "rater");
        await rater.StartAsync();
        await rater.SubmitAsync(BotActivity.Button(await rater.JoinAsync(), "I am 18 or older and agree"));
        var card = await rater.SayAsync("rate");
        Assert.Contains("That sounds so hard", BotActivity.Text(card));
        await rater.SubmitAsync(BotActivity.Button(card, "Good"));

        JsonObject latest;
        do
        {
            latest = await SummaryStream.NextAsync(reader, timeout.Token);
        }
        while ((int?)latest["summary"]!["overall"]!["sources"]!["human"]?["ratings"] != 1);

        Assert.Equal(1, (int)latest["summary"]!["overall"]!["sources"]!["human"]!["good"]!);
        var onB = await b.Client.GetFromJsonAsync<JsonObject>("api/summary");
        Assert.Equal(1, (int)onB!["overall"]!["sources"]!["human"]!["ratings"]!);
    }

    [Fact]
    public async Task Without_Redis_health_turns_503_and_users_are_told_to_try_again_then_it_recovers_by_itself()
    {
        var user = new DirectLineClient(a.Client, "patient");
        await user.StartAsync();
        await user.SubmitAsync(BotActivity.Button(await user.JoinAsync(), "I am 18 or older and agree"));

        await redis.StopAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await a.Client.GetAsync("healthz")).StatusCode);
        // The transcript lives in Redis too: the message is refused, nothing is acknowledged, the client may retry.
        using var refused = await user.PostAsync("respond");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Contains("try again shortly", await refused.Content.ReadAsStringAsync());

        await redis.StartAsync();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((await a.Client.GetAsync("healthz")).StatusCode != HttpStatusCode.OK && DateTime.UtcNow < deadline) await Task.Delay(250);
        Assert.Equal(HttpStatusCode.OK, (await a.Client.GetAsync("healthz")).StatusCode);
        Assert.Contains("They say", BotActivity.Text(await user.SayAsync("respond")));
    }
}
