using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace EmpathyBot.Channels.Tests.Teams;

/// <summary>A Bot Connector on 127.0.0.1 that records every call and answers from a script (default 201 with an id).</summary>
public sealed class ConnectorRecorder : IAsyncDisposable
{
    public sealed record Call(string Method, string Path, string? Authorization, JsonObject Body, DateTime At);

    private readonly WebApplication app;
    private int ids;

    private ConnectorRecorder(WebApplication app) => this.app = app;

    public ConcurrentQueue<Call> Calls { get; } = new();

    /// <summary>Answers to give before falling back to 201: status and optional Retry-After seconds.</summary>
    public ConcurrentQueue<(int Status, int? RetryAfter)> Script { get; } = new();

    public string ServiceUrl { get; private set; } = "";

    public static async Task<ConnectorRecorder> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var recorder = new ConnectorRecorder(app);
        app.Map("/v3/conversations/{**rest}", async (HttpContext context) =>
        {
            var body = await JsonNode.ParseAsync(context.Request.Body) as JsonObject ?? [];
            recorder.Calls.Enqueue(new Call(context.Request.Method, context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()!.RawTarget, context.Request.Headers.Authorization.ToString(), body, DateTime.UtcNow));
            if (recorder.Script.TryDequeue(out var answer))
            {
                if (answer.RetryAfter is { } seconds) context.Response.Headers.RetryAfter = seconds.ToString();
                return Results.StatusCode(answer.Status);
            }

            return Results.Json(new { id = "sent-" + Interlocked.Increment(ref recorder.ids) }, statusCode: 201);
        });
        await app.StartAsync();
        recorder.ServiceUrl = app.Urls.First() + "/";
        return recorder;
    }

    public async Task<IReadOnlyList<Call>> WaitForAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (Calls.Count < count && DateTime.UtcNow < deadline) await Task.Delay(20);
        return Calls.ToArray();
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
