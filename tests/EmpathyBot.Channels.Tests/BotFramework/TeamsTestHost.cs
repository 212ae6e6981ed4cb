using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EmpathyBot.Channels.BotFramework;
using EmpathyBot.Conversation;
using EmpathyBot.Conversation.Engine;
using EmpathyBot.Conversation.Messages;
using EmpathyBot.Core.Ports;
using EmpathyBot.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Moq;

namespace EmpathyBot.Channels.Tests.BotFramework;

/// <summary>
/// Only the Teams endpoint on Kestrel (127.0.0.1), with a recording engine and an in-memory claim/state store,
/// to test the protocol: status codes, auth, dedupe, mentions, invoke responses.
/// </summary>
public sealed class TeamsTestHost : IAsyncDisposable
{
    private readonly WebApplication app;

    private TeamsTestHost(WebApplication app, RecordingEngine engine)
    {
        this.app = app;
        Engine = engine;
        Client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
    }

    public RecordingEngine Engine { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => app.Services;

    public static async Task<TeamsTestHost> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        var engine = new RecordingEngine();
        builder.Services.AddSingleton<IConnectorTokenProvider>(new FixedTokenProvider("connector-token"));
        builder.Services.AddEmpathyBotTeams(builder.Configuration);
        builder.Services.AddSingleton<IConversationEngine>(engine);
        builder.Services.AddSingleton(MemoryStore().Object).AddStudyStorePorts();
        builder.Services.Configure<StudyOptions>(o => o.ParticipantSecret = "test-secret");
        builder.Services.AddSingleton<Participants>();
        var app = builder.Build();
        app.MapBotFrameworkMessages();
        await app.StartAsync();
        return new TeamsTestHost(app, engine);
    }

    public Task<HttpResponseMessage> PostAsync(JsonObject activity, string? authorization = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = JsonContent.Create(activity) };
        if (authorization is not null) request.Headers.TryAddWithoutValidation("Authorization", authorization);
        return Client.SendAsync(request);
    }

    public Task DrainAsync() => Services.GetRequiredService<TurnQueue>().DrainAsync(TimeSpan.FromSeconds(10));

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

    private static Mock<IStudyStore> MemoryStore()
    {
        var claims = new ConcurrentDictionary<string, bool>();
        var states = new ConcurrentDictionary<string, VersionedState>();
        var store = new Mock<IStudyStore>();
        store.Setup(s => s.TryClaimAsync(It.IsAny<string>(), It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string key, TimeSpan _, CancellationToken _) => claims.TryAdd(key, true));
        store.Setup(s => s.GetConsentAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync(DateTimeOffset.UtcNow);
        store.Setup(s => s.GetStateAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string key, CancellationToken _) => states.GetValueOrDefault(key));
        store.Setup(s => s.TrySaveStateAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<long>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string key, string json, long expected, CancellationToken _) =>
            {
                var current = states.GetValueOrDefault(key);
                if ((current?.Version ?? 0) != expected) return false;
                states[key] = new VersionedState(json, expected + 1);
                return true;
            });
        return store;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
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

    public Task<TurnResult> HandleAsync(Turn turn, CancellationToken ct = default)
    {
        Turns.Enqueue(turn);
        if (Throw is not null) throw Throw;
        if (turn.Kind == TurnKind.ConversationStart) return Task.FromResult(TurnResult.Of(Message.Text("welcome")));
        if (turn.Value?.GetValueOrDefault(ActionKeys.Action) == "rate")
        {
            var thanks = new Message("thanks", [new Paragraph("Thanks for rating", Tone.Good)], [MessageAction.Command("Rate another", "rate")]);
            return Task.FromResult(new TurnResult([], thanks));
        }

        return Task.FromResult(TurnResult.Of(Message.Text($"echo: {turn.Text ?? string.Join(",", turn.Value!.Select(p => p.Key + "=" + p.Value))}")));
    }
}
