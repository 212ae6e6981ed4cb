using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EmpathyBot.Channels.Teams;
using EmpathyBot.Channels.Work;
using EmpathyBot.Conversation.Engine;
using EmpathyBot.Conversation.Messages;
using EmpathyBot.Core.Ports;
using EmpathyBot.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EmpathyBot.Channels.Tests.Teams;

/// <summary>
/// Only the Teams endpoint on Kestrel (127.0.0.1), with a recording engine and a real SQLite store in a temporary
/// directory for claims, to test the protocol: status codes, auth, dedupe, mentions, invoke responses.
/// Unless the settings say otherwise it runs in the unauthenticated development mode.
/// </summary>
public sealed class TeamsTestHost : IAsyncDisposable
{
    private readonly WebApplication app;

    private TeamsTestHost(WebApplication app, RecordingEngine engine, TempSqliteStore store)
    {
        this.app = app;
        Engine = engine;
        Store = store;
        Client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
    }

    public RecordingEngine Engine { get; }

    public TempSqliteStore Store { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => app.Services;

    public static async Task<TeamsTestHost> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?> { ["Bot:AllowUnauthenticated"] = "true" });
        var engine = new RecordingEngine();
        var store = TempSqliteStore.Create();
        builder.Services.AddSingleton<IConnectorTokenProvider>(new FixedTokenProvider("connector-token"));
        builder.Services.AddEmpathyBotTeams(builder.Configuration);
        builder.Services.AddSingleton<IConversationEngine>(engine);
        builder.Services.AddSingleton<IIdempotencyStore>(store.Store);
        var app = builder.Build();
        try
        {
            app.MapTeamsMessages();
            await app.StartAsync();
        }
        catch
        {
            await store.DisposeAsync();
            throw;
        }

        return new TeamsTestHost(app, engine, store);
    }

    public Task<HttpResponseMessage> PostAsync(JsonObject activity, string? authorization = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = JsonContent.Create(activity) };
        if (authorization is not null) request.Headers.TryAddWithoutValidation("Authorization", authorization);
        return Client.SendAsync(request);
    }

    /// <summary>Waits (at most 10 s) until every queued turn has run and its replies went out.</summary>
    public Task DrainAsync() => Services.GetRequiredService<ConversationWorkQueue>().WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(10));

    /// <summary>Stops the host as a shutdown does (the work queue drains within <paramref name="timeout"/>).</summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        await app.StopAsync(limit.Token);
    }

    /// <summary>A Teams activity as the channel sends it.</summary>
    public static JsonObject Activity(string serviceUrl, string type = "message", string? text = null, string? id = null,
        string conversationType = "personal", JsonNode? value = null, string user = "29:user-a")
    {
        var activity = new JsonObject
        {
            ["type"] = type,
            ["id"] = id ?? Guid.NewGuid().ToString("N"),
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
            ["serviceUrl"] = serviceUrl,
            ["channelId"] = "msteams",
            ["from"] = new JsonObject { ["id"] = user, ["name"] = "Alex", ["aadObjectId"] = "aad-a" },
            ["recipient"] = new JsonObject { ["id"] = "28:bot", ["name"] = "EmpathyBot" },
            ["conversation"] = new JsonObject { ["id"] = "conv-" + conversationType, ["conversationType"] = conversationType, ["tenantId"] = "tenant-1" },
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "tenant-1" } },
        };
        if (text is not null) activity["text"] = text;
        if (value is not null) activity["value"] = value;
        return activity;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
        await Store.DisposeAsync();
    }

    private sealed class FixedTokenProvider(string token) : IConnectorTokenProvider
    {
        public Task<string?> GetTokenAsync(CancellationToken ct) => Task.FromResult<string?>(token);
    }
}

/// <summary>Answers every turn with a text naming what it got; a "rate" action replaces its card.</summary>
public sealed class RecordingEngine : IConversationEngine
{
    public ConcurrentQueue<Turn> Turns { get; } = new();

    public Exception? Throw { get; set; }

    /// <summary>When set, every turn waits for it before answering (to hold work in the queue).</summary>
    public Task? Hold { get; set; }

    /// <summary>The most turns that were inside <see cref="HandleAsync"/> at one time.</summary>
    public int MaxRunning => Volatile.Read(ref maxRunning);

    private int running;
    private int maxRunning;

    public async Task<TurnResult> HandleAsync(Turn turn, CancellationToken ct = default)
    {
        var now = Interlocked.Increment(ref running);
        for (var seen = MaxRunning; now > seen; seen = MaxRunning) Interlocked.CompareExchange(ref maxRunning, now, seen);
        try
        {
            Turns.Enqueue(turn);
            if (Hold is { } hold) await hold.WaitAsync(ct);
            return Answer(turn);
        }
        finally
        {
            Interlocked.Decrement(ref running);
        }
    }

    private TurnResult Answer(Turn turn)
    {
        if (Throw is not null) throw Throw;
        if (turn.Kind == TurnKind.ConversationStart) return TurnResult.Of(Message.Text("welcome"));
        if (turn.Value?.GetValueOrDefault(ActionKeys.Action) == "rate")
        {
            var thanks = new Message("thanks", [new Paragraph("Thanks for rating", Tone.Good)], [MessageAction.Command("Rate another", "rate")]);
            return new TurnResult([], thanks);
        }

        return TurnResult.Of(Message.Text($"echo: {turn.Text ?? string.Join(",", turn.Value!.Select(p => p.Key + "=" + p.Value))}"));
    }
}
