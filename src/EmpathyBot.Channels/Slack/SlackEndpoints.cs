using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using EmpathyBot.Channels.Work;
using EmpathyBot.Conversation.Engine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EmpathyBot.Channels.Slack;

/// <summary>
/// Slack's three request URLs. Each answers within Slack's 3 s by only parsing and queueing;
/// <see cref="SlackWorker"/> deduplicates, runs the turn and replies afterwards.
/// </summary>
public static class SlackEndpoints
{
    public const string Channel = "slack";
    public const string EventsPath = "/api/slack/events";
    public const string CommandsPath = "/api/slack/commands";
    public const string InteractionsPath = "/api/slack/interactions";

    /// <summary>Slack retries an event for up to about an hour (three retries), so claims live that long.</summary>
    public static readonly TimeSpan DedupeWindow = TimeSpan.FromHours(1);

    /// <summary>
    /// A signed request stays acceptable while its timestamp is within <see cref="SlackSignatureVerifier.MaxAge"/> of
    /// our clock on either side, so its replay claim must outlive both halves of that window.
    /// </summary>
    public static readonly TimeSpan ReplayWindow = SlackSignatureVerifier.MaxAge * 2;

    private const string LoggerName = "EmpathyBot.Channels.Slack";

    public static IEndpointRouteBuilder MapSlack(this IEndpointRouteBuilder app)
    {
        var options = app.ServiceProvider.GetRequiredService<IOptions<SlackOptions>>().Value;
        var logger = app.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(LoggerName);
        if (options.Enabled)
        {
            logger.LogInformation("Slack is on: {Events}, {Commands} and {Interactions} verify Slack signatures; Web API at {Api}", EventsPath, CommandsPath, InteractionsPath, options.ApiBaseUrl);
        }
        else
        {
            logger.LogInformation("Slack is off (Slack:SigningSecret is not set); the /api/slack endpoints answer 503");
        }

        var group = app.MapGroup("/api/slack").AddEndpointFilter<SlackRequestFilter>().WithTags("Slack");
        group.MapPost("/events", Events);
        group.MapPost("/commands", Commands);
        group.MapPost("/interactions", Interactions);
        return app;
    }

    private static IResult Events(HttpContext http, [Microsoft.AspNetCore.Mvc.FromServices] ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(LoggerName);
        JsonObject? envelope;
        try
        {
            envelope = JsonNode.Parse(SlackRequestFilter.RawBody(http)) as JsonObject;
        }
        catch (JsonException ex)
        {
            return Permanent(http, $"The event body is not valid JSON: {ex.Message}");
        }

        if (envelope is null)
        {
            return Permanent(http, "The event body must be a JSON object.");
        }

        switch (Str(envelope, "type"))
        {
            case "url_verification":
                return Str(envelope, "challenge") is { } challenge
                    ? TypedResults.Ok(new JsonObject { ["challenge"] = challenge })
                    : Permanent(http, "url_verification without a challenge.");
            case "event_callback":
                break;
            default:
                logger.LogInformation("Ignored Slack envelope of type {Type}", Str(envelope, "type") ?? "(none)");
                return TypedResults.Ok();
        }

        var eventId = Str(envelope, "event_id");
        if (eventId is null || envelope["event"] is not JsonObject ev)
        {
            return Permanent(http, "event_callback needs event_id and event.");
        }

        var ignored = WhyIgnored(envelope, ev);
        if (ignored is not null)
        {
            logger.LogDebug("Ignored Slack event {EventId}: {Reason}", eventId, ignored);
            return TypedResults.Ok();
        }

        var user = Str(ev, "user")!;
        var channel = Str(ev, "channel")!;
        var text = SlackText.Clean(Str(ev, "text"));
        var turn = new Turn(Channel, user, channel, TurnKind.Message, text.Length == 0 ? "help" : text, ActivityId: eventId);
        // Slack retries an event it thinks we missed under the same event_id, with a new signature.
        return Enqueue(http, new SlackWork(turn, channel, null, "slack:event:" + eventId, DedupeWindow));
    }

    /// <summary>Null when the event is a person writing to us; otherwise why it is skipped.</summary>
    private static string? WhyIgnored(JsonObject envelope, JsonObject ev)
    {
        var type = Str(ev, "type");
        if (type == "message" && Str(ev, "channel_type") != "im")
        {
            return "message outside a direct message";
        }

        if (type is not ("message" or "app_mention"))
        {
            return $"event type {type}";
        }

        if (ev["bot_id"] is not null || ev["bot_profile"] is not null)
        {
            return "sent by a bot";
        }

        if (Str(ev, "subtype") is { } subtype)
        {
            return $"message subtype {subtype}";
        }

        if (Str(ev, "user") is not { } user || Str(ev, "channel") is null)
        {
            return "no user or channel";
        }

        var botUsers = (envelope["authorizations"] as JsonArray)?.OfType<JsonObject>()
            .Where(a => a["is_bot"]?.GetValueKind() == JsonValueKind.True)
            .Select(a => Str(a, "user_id"));
        return botUsers?.Contains(user) == true ? "our own message" : null;
    }

    private static IResult Commands(HttpContext http, [Microsoft.AspNetCore.Mvc.FromServices] ILoggerFactory loggers)
    {
        var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(SlackRequestFilter.RawBody(http)));
        if (form.TryGetValue("ssl_check", out var ssl) && ssl == "1")
        {
            return TypedResults.Ok();
        }

        var user = form.TryGetValue("user_id", out var u) ? u.ToString() : "";
        var channel = form.TryGetValue("channel_id", out var c) ? c.ToString() : "";
        if (user.Length == 0 || channel.Length == 0)
        {
            return TypedResults.Problem(detail: "A slash command needs user_id and channel_id.", statusCode: StatusCodes.Status400BadRequest);
        }

        var text = SlackText.Clean(form.TryGetValue("text", out var t) ? t.ToString() : "");
        var responseUrl = form.TryGetValue("response_url", out var r) && r.ToString().Length > 0 ? r.ToString() : null;
        var turn = new Turn(Channel, user, channel, TurnKind.Message, text.Length == 0 ? "help" : text, ActivityId: form.TryGetValue("trigger_id", out var trigger) ? trigger.ToString() : null);
        loggers.CreateLogger(LoggerName).LogDebug("Queuing Slack command {Command} {Text}", form["command"].ToString(), text);
        return Enqueue(http, new SlackWork(turn, channel, responseUrl, SlackRequestFilter.ReplayKey(http), ReplayWindow));
    }

    private static IResult Interactions(HttpContext http, [Microsoft.AspNetCore.Mvc.FromServices] ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(LoggerName);
        var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(SlackRequestFilter.RawBody(http)));
        if (!form.TryGetValue("payload", out var raw) || raw.ToString().Length == 0)
        {
            return TypedResults.Problem(detail: "An interaction needs the form field 'payload'.", statusCode: StatusCodes.Status400BadRequest);
        }

        JsonObject? payload;
        try
        {
            payload = JsonNode.Parse(raw.ToString()) as JsonObject;
        }
        catch (JsonException ex)
        {
            return TypedResults.Problem(detail: $"The interaction payload is not valid JSON: {ex.Message}", statusCode: StatusCodes.Status400BadRequest);
        }

        if (payload is null)
        {
            return TypedResults.Problem(detail: "The interaction payload must be a JSON object.", statusCode: StatusCodes.Status400BadRequest);
        }

        if (Str(payload, "type") != "block_actions")
        {
            logger.LogInformation("Ignored Slack interaction of type {Type}", Str(payload, "type") ?? "(none)");
            return TypedResults.Ok();
        }

        var user = (payload["user"] as JsonObject) is { } u ? Str(u, "id") : null;
        var channel = (payload["channel"] as JsonObject) is { } ch ? Str(ch, "id") : (payload["container"] as JsonObject) is { } co ? Str(co, "channel_id") : null;
        var action = (payload["actions"] as JsonArray)?.FirstOrDefault() as JsonObject;
        if (user is null || channel is null || action is null)
        {
            return TypedResults.Problem(detail: "block_actions needs user.id, channel.id (or container.channel_id) and one action.", statusCode: StatusCodes.Status400BadRequest);
        }

        // A link button (the completion link) opens its page in the browser; its click needs no answer.
        if (Str(action, "action_id")?.EndsWith("_link", StringComparison.Ordinal) == true) return TypedResults.Ok();
        var data = ActionData(Str(action, "value"));
        if (data is null)
        {
            return TypedResults.Problem(detail: "The button value is not the JSON object of strings this bot puts on its buttons.", statusCode: StatusCodes.Status400BadRequest);
        }

        MergeInputs(payload, data);
        var messageTs = (payload["container"] as JsonObject) is { } container ? Str(container, "message_ts") : null;
        var turn = new Turn(Channel, user, channel, TurnKind.Message, null, data, messageTs);
        return Enqueue(http, new SlackWork(turn, channel, Str(payload, "response_url"), SlackRequestFilter.ReplayKey(http), ReplayWindow));
    }

    private static Dictionary<string, string>? ActionData(string? value)
    {
        if (value is null)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, string>>(value);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Number inputs typed next to the button arrive in <c>state.values[block][action_id].value</c>, radio buttons in <c>.selected_option.value</c>; they join the button data like Adaptive Card inputs do.</summary>
    private static void MergeInputs(JsonObject payload, Dictionary<string, string> data)
    {
        if ((payload["state"] as JsonObject)?["values"] is not JsonObject blocks)
        {
            return;
        }

        foreach (var (_, block) in blocks)
        {
            foreach (var (inputId, state) in block as JsonObject ?? [])
            {
                if (state is JsonObject s && (Str(s, "value") ?? (s["selected_option"] as JsonObject is { } chosen ? Str(chosen, "value") : null)) is { } typed)
                {
                    data.TryAdd(inputId, typed);
                }
            }
        }
    }

    /// <summary>200 once the work is queued; 503 (Slack may retry) when the queue does not take it, so nothing is lost silently.</summary>
    private static IResult Enqueue(HttpContext http, SlackWork work)
    {
        var worker = http.RequestServices.GetRequiredService<SlackWorker>();
        if (http.RequestServices.GetRequiredService<ConversationWorkQueue>().TryEnqueue(work.Lane, ct => worker.ProcessAsync(work, ct)))
        {
            return TypedResults.Ok();
        }

        QueueFull.TellRetryAfter(http.Response);
        return TypedResults.Problem(
            detail: "The bot is shutting down or has too much queued work; the request was not taken, send it again later.",
            statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    private static ProblemHttpResult Permanent(HttpContext http, string detail)
    {
        http.Response.Headers["X-Slack-No-Retry"] = "1";
        return TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest);
    }

    private static string? Str(JsonObject obj, string name) =>
        obj[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
}
