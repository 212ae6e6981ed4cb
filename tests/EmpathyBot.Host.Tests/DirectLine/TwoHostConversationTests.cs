using System.Net.WebSockets;
using System.Text.Json.Nodes;
using EmpathyBot.Host.Tests.Infrastructure;
using EmpathyBot.Storage.Tests.Redis;

namespace EmpathyBot.Host.Tests.DirectLine;

/// <summary>
/// Two real hosts on one real redis-server, as behind a plain load balancer: a web chat conversation started on
/// host A continues on host B (polling, posting and the WebSocket stream), also after A is stopped.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class TwoHostConversationTests : IAsyncLifetime
{
    private readonly RedisServerFixture redis = new();
    private BotHost a = null!;
    private BotHost b = null!;
    private bool aStopped;

    public async Task InitializeAsync()
    {
        await redis.InitializeAsync();
        var shared = BotHost.SharedRedisSettings(redis.Configuration, "dl-");
        a = await BotHost.StartAsync(shared);
        b = await BotHost.StartAsync(shared);
    }

    public async Task DisposeAsync()
    {
        if (!aStopped) await a.DisposeAsync();
        await b.DisposeAsync();
        await redis.DisposeAsync();
    }

    [Fact]
    public async Task A_conversation_started_on_host_A_continues_on_host_B_after_A_is_stopped()
    {
        var onA = new DirectLineClient(a.Client, "traveller");
        await onA.StartAsync();
        await onA.SubmitAsync(BotActivity.Button(await onA.JoinAsync(), "I am 18 or older and agree"));

        // B's stream sees what A appends (it polls the store).
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(onA.StreamUrlOn(b.BaseAddress), CancellationToken.None);
        Assert.Contains("Thank you for taking part", await NextBotTextAsync(socket, "Thank you for taking part"));
        await onA.SayAsync("respond");
        Assert.Contains("They say", await NextBotTextAsync(socket, "They say"));

        await a.DisposeAsync();
        aStopped = true;

        var onB = onA.On(b.Client);
        Assert.Contains("Welcome to EmpathyBot", BotActivity.Text(await onB.TranscriptAsync()));
        Assert.Contains("Your reply is saved", BotActivity.Text(await onB.SayAsync("I'm so sorry, that sounds frightening.")));
        Assert.Contains("Your reply is saved", await NextBotTextAsync(socket, "Your reply is saved"));

        // Coming back later through B with the resume credential A issued.
        var returning = new DirectLineClient(b.Client, "traveller");
        await returning.StartAsync(onA.Resume);
        Assert.Equal(onA.UserId, returning.UserId);
    }

    /// <summary>Reads stream frames until a bot activity's text contains <paramref name="expected"/>; returns all bot text seen.</summary>
    private static async Task<string> NextBotTextAsync(ClientWebSocket socket, string expected)
    {
        var seen = new List<string>();
        var buffer = new byte[1 << 20];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (!seen.Any(t => t.Contains(expected, StringComparison.Ordinal)))
        {
            var count = 0;
            ValueWebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer.AsMemory(count), timeout.Token);
                count += result.Count;
            }
            while (!result.EndOfMessage);

            if (count == 0) continue;
            var frame = JsonNode.Parse(buffer.AsSpan(0, count))!.AsObject();
            seen.AddRange(frame["activities"]!.AsArray().Select(x => x!.AsObject())
                .Where(x => (string?)x["from"]?["role"] == "bot").Select(BotActivity.Text));
        }

        return string.Join("\n", seen);
    }
}
