using System.Text.Json;
using EmpathyBot.Channels.Activities;
using EmpathyBot.Channels.Work;
using EmpathyBot.Core.Ports;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace EmpathyBot.Channels.DirectLine;

/// <summary>
/// The Direct Line 3.0 REST and WebSocket surface that the official Web Chat talks to. Every token is bound to one
/// user, and a posted activity speaks as that user whatever its <c>from.id</c> says. Only a caller holding
/// <c>DirectLine:Secret</c> may name the user (in the body of <c>tokens/generate</c> or <c>conversations</c>, or the
/// <c>from.id</c> of an activity it posts with the secret itself); everybody else gets a user the server chooses.
/// </summary>
public static class DirectLineEndpoints
{
    // A token request carries a user and nothing else worth reading.
    private const int MaxTokenRequestBytes = 4096;

    private const int MaxNamedUserLength = 128;

    private sealed record TokenRequest(TokenUser? User);

    private sealed record TokenUser(string? Id, string? Name);

    public sealed record TokenResponse(string ConversationId, string Token, int Expires_in);

    public sealed record ConversationResponse(string ConversationId, string Token, int Expires_in, string StreamUrl);

    public sealed record ResourceResponse(string Id);

    public static IEndpointRouteBuilder MapDirectLine(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v3/directline");
        // The store away means nothing was acknowledged: the client may safely retry.
        group.AddEndpointFilter(async (context, next) =>
        {
            try
            {
                return await next(context);
            }
            catch (StoreUnavailableException)
            {
                return Problem(StatusCodes.Status503ServiceUnavailable, "The study store is unavailable right now; please try again shortly.");
            }
        });
        group.MapPost("/tokens/generate", Generate);
        group.MapPost("/tokens/refresh", Refresh);
        group.MapPost("/conversations", Start);
        group.MapGet("/conversations/{id}", Reconnect);
        group.MapPost("/conversations/{id}/activities", Post);
        group.MapGet("/conversations/{id}/activities", Get);
        group.Map("/conversations/{id}/stream", Stream);
        return app;
    }

    private static async Task<IResult> Generate(HttpContext http, DirectLineTokens tokens, IOptions<DirectLineOptions> options)
    {
        if (!HasSecretAccess(http, options.Value)) return TypedResults.Unauthorized();
        var (user, problem) = await ChooseUserAsync(http, options.Value);
        if (problem is not null) return problem;
        var id = DirectLineTokens.NewConversationId();
        return TypedResults.Ok(new TokenResponse(id, tokens.Issue(id, user!), tokens.LifetimeSeconds));
    }

    private static async Task<IResult> Refresh(HttpContext http, DirectLineTokens tokens, DirectLineConversations conversations, CancellationToken ct)
    {
        var grant = tokens.Validate(Bearer(http));
        if (grant is null) return TypedResults.Unauthorized();
        // A client refreshing its token is still there, even if it has not spoken for a while. The token itself
        // needs no store, so a store outage does not cost the client its connection.
        try
        {
            await conversations.TouchAsync(grant.ConversationId, ct);
        }
        catch (StoreUnavailableException)
        {
        }

        return TypedResults.Ok(new TokenResponse(grant.ConversationId, tokens.Issue(grant.ConversationId, grant.UserId, grant.Recruitment), tokens.LifetimeSeconds));
    }

    private static async Task<IResult> Start(
        HttpContext http, DirectLineTokens tokens, DirectLineConversations conversations, IOptions<DirectLineOptions> options, CancellationToken ct)
    {
        var grant = tokens.Validate(Bearer(http));
        if (grant is null && !HasSecretAccess(http, options.Value)) return TypedResults.Unauthorized();
        var user = grant?.UserId;
        if (user is null)
        {
            (user, var problem) = await ChooseUserAsync(http, options.Value);
            if (problem is not null) return problem;
        }

        var id = grant?.ConversationId ?? DirectLineTokens.NewConversationId();
        if (!await conversations.OpenAsync(id, ct))
        {
            return Problem(StatusCodes.Status503ServiceUnavailable, "Too many conversations are open right now; please try again later.");
        }

        return TypedResults.Created($"/v3/directline/conversations/{id}", Describe(http, tokens, id, user!, watermark: null, grant?.Recruitment));
    }

    private static async Task<IResult> Reconnect(
        string id, string? watermark, HttpContext http, DirectLineTokens tokens, DirectLineConversations conversations,
        IOptions<DirectLineOptions> options, CancellationToken ct)
    {
        if (!CanAccess(http, id, tokens, options.Value, out var grant)) return TypedResults.Unauthorized();
        if (grant is null) return Problem(StatusCodes.Status400BadRequest, "Reconnect with the conversation's token, not the secret.");
        if (!await conversations.TouchAsync(id, ct)) return ConversationGone();
        return TypedResults.Ok(Describe(http, tokens, id, grant.UserId, watermark, grant.Recruitment));
    }

    private static async Task<IResult> Post(
        string id, HttpContext http, DirectLineTokens tokens, DirectLineBot bot, IOptions<DirectLineOptions> options, CancellationToken ct)
    {
        if (!CanAccess(http, id, tokens, options.Value, out var grant)) return TypedResults.Unauthorized();

        var (activity, tooLarge) = await ReadJsonAsync<Activity>(http, DirectLineOptions.MaxActivityBytes);
        if (tooLarge) return Problem(StatusCodes.Status413PayloadTooLarge, $"An activity may be at most {DirectLineOptions.MaxActivityBytes / 1024} KB.");
        if (activity?.Type is null) return Problem(StatusCodes.Status400BadRequest, "The body must be an Activity with a type.");

        // The token's user speaks; only the secret holder (no token) may say who is speaking.
        var userId = grant?.UserId ?? activity.From?.Id;
        if (string.IsNullOrEmpty(userId)) return Problem(StatusCodes.Status400BadRequest, "The activity needs from.id.");
        if (grant is null && NamedUserProblem(userId) is { } badName) return badName;
        var from = new ChannelAccount { Id = userId, Name = activity.From?.Name, Role = "user" };

        if (bot.TryReceive(id, activity with { From = from }, grant?.Recruitment) is not { } turn)
        {
            // Too many turns wait on this host: Web Chat sends the activity again after Retry-After.
            QueueFull.TellRetryAfter(http.Response);
            return Problem(StatusCodes.Status429TooManyRequests, "Too many turns are waiting on this host; send the activity again shortly.");
        }

        // Accepted work runs to the end even if this client goes away; the request just stops waiting for it.
        var echoed = await turn.WaitAsync(ct);
        return echoed is null ? ConversationGone() : TypedResults.Ok(new ResourceResponse(echoed.Id!));
    }

    private static async Task<IResult> Get(
        string id, string? watermark, HttpContext http, DirectLineTokens tokens, DirectLineConversations conversations,
        IOptions<DirectLineOptions> options, CancellationToken ct)
    {
        if (!CanAccess(http, id, tokens, options.Value, out _)) return TypedResults.Unauthorized();
        var frame = await conversations.SinceAsync(id, DirectLineConversations.ParseWatermark(watermark), ct);
        return frame is null ? ConversationGone() : TypedResults.Bytes(frame.Json, "application/json; charset=utf-8");
    }

    private static async Task<IResult> Stream(
        string id, string? watermark, string? t, HttpContext http, DirectLineTokens tokens,
        DirectLineConversations conversations, IOptions<DirectLineOptions> options, TimeProvider clock, IHostApplicationLifetime lifetime)
    {
        var grant = tokens.Validate(t ?? Bearer(http));
        if (grant is null || grant.ConversationId != id) return TypedResults.Unauthorized();
        if (!http.WebSockets.IsWebSocketRequest) return Problem(StatusCodes.Status400BadRequest, "The stream is a WebSocket.");
        if (!await conversations.TouchAsync(id, http.RequestAborted)) return ConversationGone();

        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        // A stopping host ends the stream at once (Web Chat reconnects, to another instance or after the restart),
        // instead of holding the shutdown for its whole timeout while a participant's page stays open.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, lifetime.ApplicationStopping);
        await new DirectLineStream(socket, conversations, id, TimeSpan.FromSeconds(options.Value.KeepAliveSeconds), clock)
            .RunAsync(DirectLineConversations.ParseWatermark(watermark), stop.Token);
        return TypedResults.Empty;
    }

    /// <summary>
    /// The user a new token is bound to: the one named in the body when the caller holds the secret, a fresh
    /// server-chosen one otherwise (a name from anybody else is ignored: without the secret it proves nothing).
    /// </summary>
    private static async Task<(string? User, IResult? Problem)> ChooseUserAsync(HttpContext http, DirectLineOptions options)
    {
        if (!HoldsSecret(http, options)) return (DirectLineTokens.NewUserId(), null);
        var (request, tooLarge) = await ReadJsonAsync<TokenRequest>(http, MaxTokenRequestBytes);
        if (tooLarge) return (null, Problem(StatusCodes.Status413PayloadTooLarge, $"A token request may be at most {MaxTokenRequestBytes} bytes."));
        var named = request?.User?.Id;
        if (named is null) return (DirectLineTokens.NewUserId(), null);
        return NamedUserProblem(named) is { } problem ? (null, problem) : (named, null);
    }

    // Named ids live apart from the ids the server chooses, so not even the secret holder can speak as a page participant.
    private static IResult? NamedUserProblem(string id) =>
        id.StartsWith(DirectLineTokens.NamedUserPrefix, StringComparison.Ordinal) && id.Length <= MaxNamedUserLength && !id.Any(char.IsControl)
            ? null
            : Problem(StatusCodes.Status400BadRequest,
                $"A user id the caller names must start with '{DirectLineTokens.NamedUserPrefix}' and be at most {MaxNamedUserLength} characters without control characters.");

    private static ConversationResponse Describe(HttpContext http, DirectLineTokens tokens, string id, string userId, string? watermark, ExternalIds? recruitment)
    {
        var token = tokens.Issue(id, userId, recruitment);
        var scheme = http.Request.IsHttps ? "wss" : "ws";
        var stream = $"{scheme}://{http.Request.Host}{http.Request.PathBase}/v3/directline/conversations/{id}/stream" +
                     $"?watermark={Uri.EscapeDataString(watermark ?? "")}&t={Uri.EscapeDataString(token)}";
        return new ConversationResponse(id, token, tokens.LifetimeSeconds, stream);
    }

    private static bool CanAccess(HttpContext http, string id, DirectLineTokens tokens, DirectLineOptions options, out DirectLineGrant? grant)
    {
        grant = tokens.Validate(Bearer(http));
        if (grant is not null) return grant.ConversationId == id;
        return HoldsSecret(http, options);
    }

    /// <summary>True when a secret is configured and the caller presents it.</summary>
    private static bool HoldsSecret(HttpContext http, DirectLineOptions options) =>
        options.Secret.Length > 0 && Bearer(http) is { } bearer
        && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(bearer), System.Text.Encoding.UTF8.GetBytes(options.Secret));

    /// <summary>Token and conversation starts are open when no secret is configured (the study is served from this host).</summary>
    private static bool HasSecretAccess(HttpContext http, DirectLineOptions options) => options.Secret.Length == 0 || HoldsSecret(http, options);

    private static string? Bearer(HttpContext http)
    {
        var header = http.Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : null;
    }

    /// <summary>Reads at most <paramref name="maxBytes"/> of JSON; a larger body is refused before it is read, not buffered.</summary>
    private static async Task<(T? Value, bool TooLarge)> ReadJsonAsync<T>(HttpContext http, long maxBytes)
    {
        if (http.Request.ContentLength > maxBytes) return (default, true);
        if (http.Request.ContentLength == 0) return (default, false);
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = maxBytes;
        try
        {
            return (await JsonSerializer.DeserializeAsync<T>(http.Request.Body, ActivityJson.Options, http.RequestAborted), false);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (default, true);
        }
        catch (JsonException)
        {
            return (default, false);
        }
    }

    private static IResult ConversationGone() =>
        Problem(StatusCodes.Status404NotFound, "This conversation has ended or expired; start a new one.");

    private static IResult Problem(int status, string detail) => TypedResults.Problem(detail: detail, statusCode: status);
}
