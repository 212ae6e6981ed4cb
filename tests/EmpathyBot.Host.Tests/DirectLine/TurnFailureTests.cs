using EmpathyBot.Channels.DirectLine;
using EmpathyBot.Conversation.Engine;
using EmpathyBot.Host.Tests.Infrastructure;
using EmpathyBot.Core.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EmpathyBot.Host.Tests.DirectLine;

/// <summary>
/// A store outage and a bug are different things: only the first gets "try again shortly"; the second is logged
/// as an error and the participant is told plainly that something went wrong on our side.
/// </summary>
public sealed class TurnFailureTests : IAsyncLifetime
{
    private readonly CapturedLogs logs = new();
    private BotHost host = null!;

    public async Task InitializeAsync() => host = await BotHost.StartAsync(
        new Dictionary<string, string?> { ["Contenders:0:Enabled"] = "false" },
        builder =>
        {
            builder.Logging.AddProvider(logs);
            builder.Services.AddSingleton<ConversationEngine>();
            builder.Services.AddSingleton<IConversationEngine>(sp => new FaultyEngine(sp.GetRequiredService<ConversationEngine>()));
        });

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task A_store_outage_gets_try_again_shortly()
    {
        var client = new DirectLineClient(host.Client, "unlucky");
        await client.StartAsync();

        var answer = BotActivity.Text(await client.SayAsync(FaultyEngine.StoreDown));

        Assert.Contains("try again shortly", answer);
        Assert.DoesNotContain("went wrong on our side", answer);
        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Error && e.Category == typeof(DirectLineBot).FullName);
    }

    [Fact]
    public async Task A_bug_is_logged_as_an_error_and_answered_honestly()
    {
        var client = new DirectLineClient(host.Client, "unlucky");
        await client.StartAsync();

        var answer = BotActivity.Text(await client.SayAsync(FaultyEngine.Bug));

        Assert.Contains("Something went wrong on our side; it has been logged", answer);
        Assert.DoesNotContain("store is unavailable", answer);
        var logged = Assert.Single(logs.Entries, e => e.Level == LogLevel.Error && e.Category == typeof(DirectLineBot).FullName);
        Assert.IsType<InvalidOperationException>(logged.Exception);
        Assert.Contains("Welcome to EmpathyBot", BotActivity.Text(await client.SayAsync("help")));
    }

    /// <summary>The real engine, with two words that make it fail the way an outage or a bug would.</summary>
    private sealed class FaultyEngine(IConversationEngine inner) : IConversationEngine
    {
        public const string StoreDown = "simulate store outage";
        public const string Bug = "simulate bug";

        public Task<TurnResult> HandleAsync(Turn turn, CancellationToken ct = default) => turn.Text switch
        {
            StoreDown => throw new StoreUnavailableException("The study store (Redis) is unavailable: connection refused"),
            Bug => throw new InvalidOperationException("Sequence contains no elements"),
            _ => inner.HandleAsync(turn, ct),
        };
    }
}
