using System.Text.Json;
using EmpathyBot.Channels.Activities;
using EmpathyBot.Channels.Auth;
using EmpathyBot.Channels.Http;
using EmpathyBot.Channels.Work;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EmpathyBot.Channels.Teams;

/// <summary>
/// <c>POST /api/messages</c>: the Bot Framework messaging endpoint Teams (and the Agents Playground) call. The checks
/// run cheapest and least trusting first: is Teams on, is the body small, is the token valid, and only then is the
/// body read and parsed, and what it claims (channel, service URL) checked against the token.
/// </summary>
public static class TeamsEndpoints
{
    public const string Route = "/api/messages";

    private const string LoggerName = "EmpathyBot.Channels.Teams";

    public static IEndpointRouteBuilder MapTeamsMessages(this IEndpointRouteBuilder endpoints)
    {
        LogMode(endpoints.ServiceProvider);
        endpoints.MapPost(Route, PostActivityAsync).WithName("TeamsMessages").DisableAntiforgery();
        return endpoints;
    }

    private static async Task<IResult> PostActivityAsync(
        HttpRequest request, IOptions<BotOptions> options, TeamsAuthenticator auth, TeamsAdapter adapter, ILoggerFactory loggers, CancellationToken ct)
    {
        var logger = loggers.CreateLogger(LoggerName);
        if (!options.Value.Configured) return NotConfigured();
        if (LimitedBody.DeclaredTooLarge(request)) return LimitedBody.TooLarge();

        var outcome = await auth.AuthenticateAsync(request.Headers.Authorization.ToString(), ct);
        if (!outcome.Succeeded) return Refuse(logger, outcome.Error);

        var body = await LimitedBody.ReadAsync(request, ct);
        if (body is null) return LimitedBody.TooLarge();
        if (Parse(body, logger) is not { } activity) return TypedResults.BadRequest("The body is not a valid Activity (a JSON object with a type).");
        if (outcome.Scope?.Refuses(activity.ChannelId, activity.ServiceUrl) is { } refusal) return Refuse(logger, refusal);
        if (activity.Conversation?.Id is not { Length: > 0 }) return TypedResults.BadRequest("The Activity needs conversation.id to be answered.");
        if (TeamsServiceUrl.Refuses(activity.ServiceUrl, loopbackOnly: !auth.Enabled) is { } badUrl) return TypedResults.BadRequest(badUrl);

        if (activity.Type == ActivityTypes.Invoke)
        {
            if (activity.Name == TeamsTurns.AdaptiveCardActionInvoke) return TypedResults.Ok(await adapter.InvokeAsync(activity, ct));
            logger.LogInformation("Unhandled invoke {Name}", activity.Name);
            return TypedResults.StatusCode(StatusCodes.Status501NotImplemented);
        }

        return adapter.TryEnqueue(activity) ? TypedResults.Ok() : Busy(request.HttpContext.Response);
    }

    /// <summary>The activity, or null with the reason logged: parser details are not told to a caller who may be anyone.</summary>
    private static Activity? Parse(byte[] body, ILogger logger)
    {
        try
        {
            var activity = body.Length == 0 ? null : JsonSerializer.Deserialize<Activity>(body, ActivityJson.Options);
            if (!string.IsNullOrWhiteSpace(activity?.Type)) return activity;
            logger.LogInformation("Refused an activity on {Route}: empty, null or without a type", Route);
        }
        catch (JsonException e)
        {
            logger.LogInformation("Refused an activity on {Route}: {Reason}", Route, e.Message);
        }

        return null;
    }

    private static IResult Refuse(ILogger logger, string? reason)
    {
        logger.LogWarning("Rejected a request on {Route}: {Reason}", Route, reason);
        return TypedResults.Unauthorized();
    }

    private static IResult NotConfigured() => TypedResults.Problem(
        title: "Teams is not configured",
        detail: "Set Bot:MicrosoftAppId and Bot:MicrosoftAppPassword to enable /api/messages (Bot:AllowUnauthenticated=true turns on an unauthenticated mode for local development only).",
        statusCode: StatusCodes.Status503ServiceUnavailable);

    /// <summary>503 with Retry-After: Teams sends the activity again later, so a full queue loses nothing.</summary>
    private static IResult Busy(HttpResponse response)
    {
        QueueFull.TellRetryAfter(response);
        return TypedResults.Problem(
            title: "Busy",
            detail: "The bot is shutting down or has too much queued work; the activity was not taken, send it again later.",
            statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    private static void LogMode(IServiceProvider services)
    {
        var bot = services.GetRequiredService<IOptions<BotOptions>>().Value;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(LoggerName);
        if (bot.AuthEnabled)
            logger.LogInformation("Teams is on: {Route} checks Bot Framework tokens for app {AppId}", Route, bot.MicrosoftAppId);
        else if (bot.AllowUnauthenticated)
            logger.LogWarning("Teams runs UNAUTHENTICATED (Bot:AllowUnauthenticated=true): {Route} accepts requests without a token and answers only loopback service URLs. Development only.", Route);
        else
            logger.LogInformation("Teams is off (Bot:MicrosoftAppId is not set); {Route} answers 503", Route);
    }
}
