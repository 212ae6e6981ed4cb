using System.Reflection;
using System.Text.Json;
using EmpathyBot.Core.Summary;
using EmpathyBot.Host.Dashboard;
using EmpathyBot.Services.Summary;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EmpathyBot.Host.Endpoints;

/// <summary>
/// <c>GET /api/summary</c> (the JSON document), <c>GET /api/summary/stream</c> (server-sent events: the current
/// <c>summary</c> at once and then after changes, from the shared <see cref="SummaryBroadcaster"/>) and <c>GET /dashboard</c>.
/// The three need <c>Dashboard:AccessKey</c> when it is set; the page's scripts (its own, the chart drawing script and
/// the charting libraries under <c>/lib</c>) and style are public.
/// </summary>
public static class SummaryEndpoints
{
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);
    private static readonly ReadOnlyMemory<byte> KeepAliveComment = ": keep-alive\n\n"u8.ToArray();

    /// <summary>Seconds a client is asked to wait when every stream slot is taken.</summary>
    public const int RetryAfterSeconds = 10;

    public static IEndpointRouteBuilder MapSummaryApi(this IEndpointRouteBuilder app)
    {
        var guarded = app.MapGroup("").AddEndpointFilter<DashboardAccessFilter>();
        guarded.MapGet("/api/summary", async Task<Ok<SummaryDocument>> (SummaryQuery summary, CancellationToken ct) =>
            TypedResults.Ok(await summary.BuildAsync(ct)));
        guarded.MapGet("/api/summary/stream", StreamAsync);
        guarded.MapGet("/dashboard", (HttpContext context) =>
        {
            // The key may be in the address: keep it out of Referer headers of anything the page loads.
            context.Response.Headers["Referrer-Policy"] = "no-referrer";
            return Asset("dashboard.html", "text/html; charset=utf-8");
        });
        app.MapGet("/dashboard.js", () => Asset("dashboard.js", "text/javascript; charset=utf-8"));
        app.MapGet("/dashboard.css", () => TypedResults.Text(SummaryReport.Css, "text/css; charset=utf-8"));
        app.MapGet("/charts.js", () => TypedResults.Text(ChartLibraries.RenderScript, "text/javascript; charset=utf-8"));
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

    private static async Task StreamAsync(HttpContext context, SummaryBroadcaster broadcaster, TimeProvider clock, IHostApplicationLifetime lifetime)
    {
        using var listener = broadcaster.TryJoin();
        if (listener is null)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await context.Response.WriteAsync("Too many live dashboards are open; try again shortly.", context.RequestAborted);
            return;
        }

        // A stopping host ends the stream at once (the browser's EventSource reconnects), instead of holding the
        // shutdown for its whole timeout while the dashboard stays open.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        var ct = stop.Token;
        context.Response.Headers.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        context.Response.Headers["X-Accel-Buffering"] = "no";
        try
        {
            await context.Response.StartAsync(ct);
            while (await NextAsync(context.Response, listener, clock, ct))
            {
                while (listener.Updates.TryRead(out var update)) await context.Response.Body.WriteAsync(update, ct);
                await context.Response.Body.FlushAsync(ct);
            }
        }
        catch (Exception e) when (ct.IsCancellationRequested && e is OperationCanceledException or IOException)
        {
            // The dashboard went away, or the host is stopping.
        }
    }

    /// <summary>Waits for an update, sending a keep-alive comment whenever none came for a while; false when the listener is closed.</summary>
    private static async Task<bool> NextAsync(HttpResponse response, SummaryListener listener, TimeProvider clock, CancellationToken ct)
    {
        while (true)
        {
            using var quiet = new CancellationTokenSource(KeepAlive, clock);
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct, quiet.Token);
            try
            {
                return await listener.Updates.WaitToReadAsync(wait.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                await response.Body.WriteAsync(KeepAliveComment, ct);
                await response.Body.FlushAsync(ct);
            }
        }
    }
}
