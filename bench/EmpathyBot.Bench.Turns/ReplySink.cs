using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace EmpathyBot.Bench.Turns;

/// <summary>
/// Stands in for the Bot Connector: counts the replies bots POST to <c>/v3/conversations/{id}/activities[/{replyToId}]</c>
/// and records when the first reply to each inbound activity arrived. It also keeps the reply id of every rating card
/// it sees, so a simulated participant can press Good on the card it was shown.
/// </summary>
public sealed class ReplySink : IAsyncDisposable
{
    private static readonly byte[] RateMarker = Encoding.UTF8.GetBytes("\"action\":\"rate\"");
    private static readonly byte[] RatedMarker = Encoding.UTF8.GetBytes("you rated this reply");
    private static readonly byte[] IdResponse = Encoding.UTF8.GetBytes("{\"id\":\"sink\"}");

    private readonly WebApplication app;
    private long replies;
    private long ratings;

    private ReplySink(WebApplication app) => this.app = app;

    /// <summary>Stopwatch timestamp of the first reply to each inbound activity id.</summary>
    public ConcurrentDictionary<string, long> Answered { get; } = new(StringComparer.Ordinal);

    /// <summary>The reply id on the rating card sent in answer to an inbound activity id.</summary>
    public ConcurrentDictionary<string, string> RateCards { get; } = new(StringComparer.Ordinal);

    public long Replies => Interlocked.Read(ref replies);

    /// <summary>Replies confirming a stored rating: proof that the work mix did the work.</summary>
    public long Ratings => Interlocked.Read(ref ratings);

    public string BaseUrl { get; private set; } = "";

    public Uri NullBot => new($"{BaseUrl}/api/messages");

    public static async Task<ReplySink> StartAsync()
    {
        // Content root in the driver's own folder, and no configuration reload: by default the content root is the
        // working directory, watched recursively, and every page the host writes under it would wake this process.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
            Args = ["--hostBuilder:reloadConfigOnChange=false"],
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var sink = new ReplySink(builder.Build());
        sink.app.MapPost("/v3/conversations/{conversation}/activities/{replyTo}", (HttpContext c, string replyTo) => sink.ReceiveAsync(c, replyTo));
        sink.app.MapPost("/v3/conversations/{conversation}/activities", (HttpContext c) => sink.ReceiveAsync(c, null));
        sink.app.MapPut("/v3/conversations/{conversation}/activities/{id}", (HttpContext c) => sink.ReceiveAsync(c, null));
        sink.app.MapPost("/api/messages", sink.AnswerAtOnceAsync);
        await sink.app.StartAsync();
        sink.BaseUrl = sink.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return sink;
    }

    public void Reset()
    {
        Answered.Clear();
        RateCards.Clear();
        Interlocked.Exchange(ref replies, 0);
        Interlocked.Exchange(ref ratings, 0);
    }

    private async Task ReceiveAsync(HttpContext context, string? replyTo)
    {
        var arrived = Stopwatch.GetTimestamp();
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        Interlocked.Increment(ref replies);
        if (replyTo is not null)
        {
            Answered.TryAdd(replyTo, arrived);
            var bytes = body.GetBuffer().AsSpan(0, (int)body.Length);
            if (bytes.IndexOf(RatedMarker) >= 0) Interlocked.Increment(ref ratings);
            if (bytes.IndexOf(RateMarker) >= 0 && RatedReplyId(JsonNode.Parse(bytes)) is { } replyId) RateCards.TryAdd(replyTo, replyId);
        }

        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(IdResponse);
    }

    /// <summary>
    /// A null bot for calibrating the driver: it answers every activity the moment it arrives, in the driver's own
    /// process, so what it reaches is what the load client (and the sink) can carry on the driver's CPUs.
    /// </summary>
    private async Task AnswerAtOnceAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        var id = JsonNode.Parse(body.GetBuffer().AsSpan(0, (int)body.Length))?["id"]?.GetValue<string>();
        Interlocked.Increment(ref replies);
        if (id is not null) Answered.TryAdd(id, Stopwatch.GetTimestamp());
    }

    /// <summary>The <c>reply</c> of the first card action whose data says <c>"action":"rate"</c>.</summary>
    private static string? RatedReplyId(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                if (o["action"] is JsonValue action && action.GetValueKind() == System.Text.Json.JsonValueKind.String
                    && (string?)action == "rate" && o["reply"] is JsonValue reply)
                {
                    return (string?)reply;
                }

                foreach (var (_, child) in o)
                {
                    if (RatedReplyId(child) is { } found) return found;
                }

                return null;
            case JsonArray a:
                foreach (var child in a)
                {
                    if (RatedReplyId(child) is { } found) return found;
                }

                return null;
            default:
                return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
