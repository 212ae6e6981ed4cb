using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace EmpathyBot.Host.Tests.Teams;

/// <summary>The Bot Connector side of Teams (on 127.0.0.1 unless told otherwise): records what the bot sends, gives each message an id.</summary>
public sealed class FakeConnector : IAsyncDisposable
{
    public sealed record Call(string Id, string Method, string Path, JsonObject Body)
    {
        public JsonObject? Card => Body["attachments"]?[0]?["content"] as JsonObject;
    }

    private readonly WebApplication app;
    private int ids;

    private FakeConnector(WebApplication app) => this.app = app;

    public ConcurrentQueue<Call> Calls { get; } = new();

    public string ServiceUrl { get; private set; } = "";

    /// <param name="address">The IP address to listen on; loopback unless a test needs the bot to see another host.</param>
    public static async Task<FakeConnector> StartAsync(string address = "127.0.0.1")
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://{address}:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var connector = new FakeConnector(app);
        app.Map("/v3/conversations/{**rest}", async (HttpContext context) =>
        {
            var body = await JsonNode.ParseAsync(context.Request.Body) as JsonObject ?? [];
            var id = "msg-" + Interlocked.Increment(ref connector.ids);
            connector.Calls.Enqueue(new Call(id, context.Request.Method, context.Features.Get<IHttpRequestFeature>()!.RawTarget, body));
            return Results.Json(new { id }, statusCode: 201);
        });
        await app.StartAsync();
        connector.ServiceUrl = app.Urls.First() + "/";
        return connector;
    }

    /// <summary>Waits until <paramref name="count"/> calls arrived in all and returns the ones after <paramref name="skip"/>.</summary>
    public async Task<IReadOnlyList<Call>> WaitForAsync(int count, int skip = 0)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (Calls.Count < count && DateTime.UtcNow < deadline) await Task.Delay(20);
        var calls = Calls.ToArray();
        Assert.True(calls.Length >= count, $"expected {count} connector calls, got {calls.Length}");
        return calls.Skip(skip).ToArray();
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
