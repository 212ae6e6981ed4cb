using System.Reflection;
using System.Text.Json;
using EmpathyBot.Services.Summary;
using EmpathyBot.Core.Summary;
using EmpathyBot.Core.Ports;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EmpathyBot.Host.Endpoints;

/// <summary>
/// <c>GET /api/summary</c> (the JSON document), <c>GET /api/summary/stream</c> (server-sent events, one
/// <c>summary</c> event at once and then after changes, at most four per second) and <c>GET /dashboard</c>.
/// </summary>
public static class SummaryEndpoints
{
    /// <summary>Minimum time between two pushed updates of one stream (at most 4 updates/s).</summary>
    public static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(250);

    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IEndpointRouteBuilder MapSummaryApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/summary", async Task<Ok<SummaryDocument>> (SummaryQuery summary, CancellationToken ct) =>
            TypedResults.Ok(await summary.BuildAsync(ct)));
        app.MapGet("/api/summary/stream", StreamAsync);
        app.MapGet("/dashboard", () => Asset("dashboard.html", "text/html; charset=utf-8"));
        app.MapGet("/dashboard.js", () => Asset("dashboard.js", "text/javascript; charset=utf-8"));
        app.MapGet("/dashboard.css", () => TypedResults.Text(SummaryReport.Css, "text/css; charset=utf-8"));
        return app;
    }

    // The page travels inside the assembly, so it is served the same wherever the host runs from.
    private static IResult Asset(string name, string contentType)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("EmpathyBot.Host.wwwroot." + name)
            ?? throw new InvalidOperationException($"The embedded asset '{name}' is missing from the build.");
        using var reader = new StreamReader(stream);
        return TypedResults.Text(reader.ReadToEnd(), contentType);
    }

    private static async Task StreamAsync(HttpContext context, SummaryQuery summary, IStudyEvents events, TimeProvider clock)
    {
        var ct = context.RequestAborted;
        context.Response.Headers.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        context.Response.Headers["X-Accel-Buffering"] = "no";

        // Subscribe before the first read so no change between the two is lost.
        await using var subscription = await events.SubscribeAsync(ct);
        await using var changes = subscription.ReadAllAsync(ct).GetAsyncEnumerator(ct);
        try
        {
            await SendAsync(context.Response, summary, clock, ct);
            Task<bool>? next = null;
            while (!ct.IsCancellationRequested)
            {
                next ??= changes.MoveNextAsync().AsTask();
                var winner = await Task.WhenAny(next, Task.Delay(KeepAlive, ct));
                if (winner != next)
                {
                    await context.Response.WriteAsync(": keep-alive\n\n", ct);
                    await context.Response.Body.FlushAsync(ct);
                    continue;
                }

                if (!await next) break;
                next = null;

                // Let a burst of ratings settle into one update, then drain what arrived meanwhile.
                await Task.Delay(Debounce, ct);
                while (true)
                {
                    next = changes.MoveNextAsync().AsTask();
                    if (!next.IsCompleted) break;
                    if (!await next) return;
                    next = null;
                }

                await SendAsync(context.Response, summary, clock, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The dashboard went away.
        }
    }

    private static async Task SendAsync(HttpResponse response, SummaryQuery summary, TimeProvider clock, CancellationToken ct)
    {
        var document = await summary.BuildAsync(ct);
        var payload = JsonSerializer.Serialize(new { summary = document, html = SummaryReport.Body(document, clock.GetUtcNow()) }, Json);
        await response.WriteAsync($"event: summary\ndata: {payload}\n\n", ct);
        await response.Body.FlushAsync(ct);
    }
}
