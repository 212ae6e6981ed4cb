using System.Text.Json;
using EmpathyBot.Channels.Activities;
using EmpathyBot.Channels.Work;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EmpathyBot.Channels.DirectLine;

/// <summary>The Direct Line 3.0 REST and WebSocket surface that the official Web Chat talks to.</summary>
public static class DirectLineEndpoints
{
    private sealed record TokenRequest(TokenUser? User);

    private sealed record TokenUser(string? Id, string? Name);

    public sealed record TokenResponse(string ConversationId, string Token, int Expires_in);

    public sealed record ConversationResponse(string ConversationId, string Token, int Expires_in, string StreamUrl);

    public sealed record ResourceResponse(string Id);

    public static IEndpointRouteBuilder MapDirectLine(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v3/directline");
        group.MapPost("/tokens/generate", Generate);
        group.MapPost("/tokens/refresh", Refresh);
        group.MapPost("/conversations", Start);
        group.MapGet("/conversations/{id}", Reconnect);
        group.MapPost("/conversations/{id}/activities", Post);
        group.MapGet("/conversations/{id}/activities", Get);
        group.Map("/conversations/{id}/stream", Stream);
        return app;
    }

    private static async Task<Results<Ok<TokenResponse>, UnauthorizedHttpResult>> Generate(
        HttpContext http, DirectLineTokens tokens, IOptions<DirectLineOptions> options)
    {
        if (!HasSecretAccess(http, options.Value)) return TypedResults.Unauthorized();
        var user = (await ReadJsonAsync<TokenRequest>(http))?.User?.Id;
        var id = DirectLineTokens.NewConversationId();
        return TypedResults.Ok(new TokenResponse(id, tokens.Issue(id, user), tokens.LifetimeSeconds));
    }

    private static Results<Ok<TokenResponse>, UnauthorizedHttpResult> Refresh(HttpContext http, DirectLineTokens tokens)
    {
        var grant = tokens.Validate(Bearer(http));
        return grant is null
            ? TypedResults.Unauthorized()
            : TypedResults.Ok(new TokenResponse(grant.ConversationId, tokens.Issue(grant.ConversationId, grant.UserId), tokens.LifetimeSeconds));
    }

    private static Results<Created<ConversationResponse>, UnauthorizedHttpResult> Start(
        HttpContext http, DirectLineTokens tokens, DirectLineConversations conversations, IOptions<DirectLineOptions> options)
    {
        var grant = tokens.Validate(Bearer(http));
        if (grant is null && !HasSecretAccess(http, options.Value)) return TypedResults.Unauthorized();
        var id = grant?.ConversationId ?? DirectLineTokens.NewConversationId();
        conversations.GetOrCreate(id);
        var response = Describe(http, tokens, id, grant?.UserId, watermark: null);
        return TypedResults.Created($"/v3/directline/conversations/{id}", response);
    }

    private static Results<Ok<ConversationResponse>, UnauthorizedHttpResult, NotFound> Reconnect(
        string id, string? watermark, HttpContext http, DirectLineTokens tokens, DirectLineConversations conversations, IOptions<DirectLineOptions> options)
    {
        if (!CanAccess(http, id, tokens, options.Value, out var grant)) return TypedResults.Unauthorized();
        if (conversations.Find(id) is null) return TypedResults.NotFound();
        return TypedResults.Ok(Describe(http, tokens, id, grant?.UserId, watermark));
    }

    private static async Task<Results<Ok<ResourceResponse>, UnauthorizedHttpResult, NotFound, BadRequest<string>, StatusCodeHttpResult>> Post(
        string id, HttpContext http, DirectLineTokens tokens, DirectLineConversations conversations,
        DirectLineBot bot, IOptions<DirectLineOptions> options, CancellationToken ct)
    {
        if (!CanAccess(http, id, tokens, options.Value, out var grant)) return TypedResults.Unauthorized();
        var conversation = conversations.Find(id);
        if (conversation is null) return TypedResults.NotFound();

        var activity = await ReadJsonAsync<Activity>(http);
        if (activity?.Type is null) return TypedResults.BadRequest("The body must be an Activity with a type.");
        var userId = grant?.UserId ?? activity.From?.Id;
        if (string.IsNullOrEmpty(userId)) return TypedResults.BadRequest("The activity needs from.id.");

        // A token bound to a user fixes the sender: a client cannot speak for somebody else.
        var from = (activity.From ?? new ChannelAccount()) with { Id = userId, Role = "user" };
        if (bot.TryReceive(conversation, activity with { From = from }) is not { } turn)
        {
            // Too many turns wait on this host: Web Chat sends the activity again after Retry-After.
            QueueFull.TellRetryAfter(http.Response);
            return TypedResults.StatusCode(StatusCodes.Status429TooManyRequests);
        }

        // Accepted work runs to the end even if this client goes away; the request just stops waiting for it.
        var echoed = await turn.WaitAsync(ct);
        return TypedResults.Ok(new ResourceResponse(echoed.Id!));
    }

    private static Results<FileContentHttpResult, UnauthorizedHttpResult, NotFound> Get(
        string id, string? watermark, HttpContext http, DirectLineTokens tokens, DirectLineConversations conversations, IOptions<DirectLineOptions> options)
    {
        if (!CanAccess(http, id, tokens, options.Value, out _)) return TypedResults.Unauthorized();
        var conversation = conversations.Find(id);
        if (conversation is null) return TypedResults.NotFound();
        var (json, _, _, _) = conversation.Since(DirectLineConversation.ParseWatermark(watermark));
        return TypedResults.Bytes(json, "application/json; charset=utf-8");
    }

    private static async Task Stream(
        string id, string? watermark, string? t, HttpContext http, DirectLineTokens tokens,
        DirectLineConversations conversations, IOptions<DirectLineOptions> options)
    {
        var grant = tokens.Validate(t ?? Bearer(http));
        if (grant is null || grant.ConversationId != id)
        {
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        if (!http.WebSockets.IsWebSocketRequest)
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var conversation = conversations.GetOrCreate(id);
        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        await new DirectLineStream(socket, conversation, TimeSpan.FromSeconds(options.Value.KeepAliveSeconds))
            .RunAsync(DirectLineConversation.ParseWatermark(watermark), http.RequestAborted);
    }

    private static ConversationResponse Describe(HttpContext http, DirectLineTokens tokens, string id, string? userId, string? watermark)
    {
        var token = tokens.Issue(id, userId);
        var scheme = http.Request.IsHttps ? "wss" : "ws";
        var stream = $"{scheme}://{http.Request.Host}{http.Request.PathBase}/v3/directline/conversations/{id}/stream" +
                     $"?watermark={Uri.EscapeDataString(watermark ?? "")}&t={Uri.EscapeDataString(token)}";
        return new ConversationResponse(id, token, tokens.LifetimeSeconds, stream);
    }

    private static bool CanAccess(HttpContext http, string id, DirectLineTokens tokens, DirectLineOptions options, out DirectLineGrant? grant)
    {
        grant = tokens.Validate(Bearer(http));
        if (grant is not null) return grant.ConversationId == id;
        return options.Secret.Length > 0 && HasSecretAccess(http, options);
    }

    private static bool HasSecretAccess(HttpContext http, DirectLineOptions options) =>
        options.Secret.Length == 0 || Bearer(http) == options.Secret;

    private static string? Bearer(HttpContext http)
    {
        var header = http.Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : null;
    }

    private static async Task<T?> ReadJsonAsync<T>(HttpContext http)
    {
        if (http.Request.ContentLength == 0) return default;
        try
        {
            return await JsonSerializer.DeserializeAsync<T>(http.Request.Body, ActivityJson.Options, http.RequestAborted);
        }
        catch (JsonException)
        {
            return default;
        }
    }
}
