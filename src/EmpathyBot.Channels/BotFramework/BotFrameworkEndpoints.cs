using System.Text.Json;
using System.Text.Json.Nodes;
using EmpathyBot.Channels.Activities;
using EmpathyBot.Channels.Auth;
using EmpathyBot.Core.Ports;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace EmpathyBot.Channels.BotFramework;

/// <summary><c>POST /api/messages</c>: the Bot Framework messaging endpoint Teams (and the Agents Playground) call.</summary>
public static class BotFrameworkEndpoints
{
    public const string Route = "/api/messages";

    public static IEndpointRouteBuilder MapBotFrameworkMessages(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Route, PostActivityAsync).WithName("BotFrameworkMessages").DisableAntiforgery();
        return endpoints;
    }

    private static async Task<Results<Ok, Ok<JsonObject>, BadRequest<string>, UnauthorizedHttpResult, StatusCodeHttpResult>> PostActivityAsync(
        HttpRequest request, BotFrameworkAuthenticator auth, BotFrameworkAdapter adapter, ILoggerFactory loggers, CancellationToken ct)
    {
        var logger = loggers.CreateLogger(typeof(BotFrameworkEndpoints));
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        if (buffer.Length == 0) return TypedResults.BadRequest("The body is empty; expected an Activity.");
        Activity? activity;
        try
        {
            activity = JsonSerializer.Deserialize<Activity>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), ActivityJson.Options);
        }
        catch (JsonException e)
        {
            return TypedResults.BadRequest($"The body is not a valid Activity: {e.Message}");
        }

        if (activity is null) return TypedResults.BadRequest("The body is null; expected an Activity.");
        if (string.IsNullOrWhiteSpace(activity.Type)) return TypedResults.BadRequest("The Activity has no type.");

        var outcome = await auth.AuthenticateAsync(request.Headers.Authorization.ToString(), activity.ChannelId, activity.ServiceUrl, ct);
        if (!outcome.Succeeded)
        {
            logger.LogWarning("Rejected a {Type} activity on {Route}: {Reason}", activity.Type, Route, outcome.Error);
            return TypedResults.Unauthorized();
        }

        if (activity.Conversation?.Id is not { Length: > 0 } || !Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out _))
            return TypedResults.BadRequest("The Activity needs conversation.id and an absolute serviceUrl to be answered.");

        var invoke = activity.Type == ActivityTypes.Invoke;
        if (invoke && activity.Name != TeamsTurns.AdaptiveCardActionInvoke)
        {
            logger.LogInformation("Unhandled invoke {Name}", activity.Name);
            return TypedResults.StatusCode(StatusCodes.Status501NotImplemented);
        }

        bool fresh;
        try
        {
            fresh = await adapter.ClaimAsync(activity, ct);
        }
        catch (StoreUnavailableException e)
        {
            logger.LogWarning(e, "Study store unavailable while claiming activity {Id}", activity.Id);
            if (invoke) return TypedResults.Ok(InvokeResponse.Text(BotFrameworkAdapter.StoreUnavailableText));
            adapter.EnqueueApology(activity, BotFrameworkAdapter.StoreUnavailableText);
            return TypedResults.Ok();
        }

        if (!fresh)
        {
            logger.LogInformation("Ignored re-delivery of activity {Id}", activity.Id);
            return invoke ? TypedResults.Ok(InvokeResponse.Text("Already received.")) : TypedResults.Ok();
        }

        if (invoke) return TypedResults.Ok(await adapter.InvokeAsync(activity, ct));
        adapter.Enqueue(activity);
        return TypedResults.Ok();
    }
}
