using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using EmpathyBot.Channels.Slack;
using EmpathyBot.Conversation.Engine;
using EmpathyBot.Conversation.Messages;
using EmpathyBot.Channels.Work;
using EmpathyBot.Core.Ports;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EmpathyBot.Channels.Tests.Slack;

/// <summary>An engine that records turns and answers with <see cref="Respond"/>.</summary>
public sealed class RecordingEngine : IConversationEngine
{
    public ConcurrentQueue<Turn> Turns { get; } = new();

    public Func<Turn, TurnResult> Respond { get; set; } = t => TurnResult.Of(Message.Text($"echo: {t.Text ?? t.Value?["action"]}"));

    /// <summary>When set, every turn waits for it before answering (to hold work in the queue).</summary>
    public Task? Hold { get; set; }

    public async Task<TurnResult> HandleAsync(Turn turn, CancellationToken ct = default)
    {
        Turns.Enqueue(turn);
        if (Hold is { } hold) await hold.WaitAsync(ct);
        return Respond(turn);
    }
}

/// <summary>A minimal host with only the Slack channel (AddEmpathyBotSlack + MapSlack) on real Kestrel, a recording engine and a real SQLite store for claims.</summary>
public sealed class SlackTestApp : IAsyncDisposable
{
    public const string Secret = "test-signing-secret";
    public const string BotToken = "xoxb-test-token";

    private readonly WebApplication app;

    private SlackTestApp(WebApplication app, HttpClient client, RecordingEngine engine, TempSqliteStore store)
    {
        this.app = app;
        Client = client;
        Engine = engine;
        Store = store;
    }

    public HttpClient Client { get; }

    public RecordingEngine Engine { get; }

    public TempSqliteStore Store { get; }

    public IReadOnlyList<Turn> Turns => Engine.Turns.ToArray();

    public IReadOnlyList<string> ClaimedKeys => Store.ClaimedKeys();

    public IServiceProvider Services => app.Services;

    public static async Task<SlackTestApp> StartAsync(FakeSlackApi? slack, IDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var values = new Dictionary<string, string?>
        {
            ["Slack:SigningSecret"] = Secret,
            ["Slack:BotToken"] = BotToken,
            ["Slack:ApiBaseUrl"] = slack?.ApiBaseUrl,
            ["PublicBaseUrl"] = "https://bot.example.org",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(values.Where(v => v.Value is not null));
        builder.Services.AddEmpathyBotSlack(builder.Configuration);
        var engine = new RecordingEngine();
        var store = TempSqliteStore.Create();
        builder.Services.AddSingleton<IConversationEngine>(engine);
        builder.Services.AddSingleton<IIdempotencyStore>(store.Store);
        var app = builder.Build();
        try
        {
            app.MapSlack();
            await app.StartAsync();
        }
        catch
        {
            await store.DisposeAsync();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var client = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(10) };
        return new SlackTestApp(app, client, engine, store);
    }

    /// <summary>Waits (at most 10 s) until every queued Slack request has been handled.</summary>
    public Task DrainAsync() => Services.GetRequiredService<ConversationWorkQueue>().WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(10));

    /// <summary>Stops the host as a shutdown does (the work queue drains within <paramref name="timeout"/>).</summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        await app.StopAsync(limit.Token);
    }

    public Task<HttpResponseMessage> PostSignedAsync(string path, string body, string contentType, long? timestamp = null, string secret = Secret, IDictionary<string, string>? headers = null)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var ts = (timestamp ?? DateTimeOffset.UtcNow.ToUnixTimeSeconds()).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Add(SlackSignatureVerifier.TimestampHeader, ts);
        request.Headers.Add(SlackSignatureVerifier.SignatureHeader, SlackSignatureVerifier.Sign(secret, ts, bytes));
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.Add(name, value);
        }

        return Client.SendAsync(request);
    }

    public Task<HttpResponseMessage> PostEventAsync(string json, IDictionary<string, string>? headers = null) =>
        PostSignedAsync(SlackEndpoints.EventsPath, json, "application/json", headers: headers);

    public Task<HttpResponseMessage> PostFormAsync(string path, IDictionary<string, string> fields) =>
        PostSignedAsync(path, new FormUrlEncodedContent(fields).ReadAsStringAsync().Result, "application/x-www-form-urlencoded");

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
        await Store.DisposeAsync();
    }
}
