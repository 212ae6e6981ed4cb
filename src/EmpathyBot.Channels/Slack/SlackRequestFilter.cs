using EmpathyBot.Channels.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EmpathyBot.Channels.Slack;

/// <summary>
/// Guards every Slack endpoint: reads the raw body (at most <see cref="LimitedBody.MaxBytes"/>) before anything parses it and checks
/// Slack's signature, so an unsigned, stale or oversized request has no side effects at all.
/// </summary>
public sealed class SlackRequestFilter(IOptions<SlackOptions> options, SlackSignatureVerifier verifier, ILogger<SlackRequestFilter> logger) : IEndpointFilter
{
    private const string BodyKey = "EmpathyBot.Slack.RawBody";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return TypedResults.Problem(
                title: "Slack is off",
                detail: "This host has no Slack app configured: set Slack:SigningSecret and Slack:BotToken to enable the Slack endpoints.",
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        if (LimitedBody.DeclaredTooLarge(http.Request))
        {
            logger.LogWarning("Rejected a Slack request of {Length} bytes (limit {Limit})", http.Request.ContentLength, LimitedBody.MaxBytes);
            return LimitedBody.TooLarge();
        }

        var body = await LimitedBody.ReadAsync(http.Request, http.RequestAborted);
        if (body is null)
        {
            logger.LogWarning("Rejected a chunked Slack request over {Limit} bytes", LimitedBody.MaxBytes);
            return LimitedBody.TooLarge();
        }

        var verdict = verifier.Verify(
            settings.SigningSecret!,
            http.Request.Headers[SlackSignatureVerifier.TimestampHeader],
            http.Request.Headers[SlackSignatureVerifier.SignatureHeader],
            body);
        if (verdict != SlackVerification.Valid)
        {
            logger.LogWarning("Rejected a Slack request to {Path}: {Verdict}", http.Request.Path, verdict);
            return TypedResults.Unauthorized();
        }

        http.Items[BodyKey] = body;
        return await next(context);
    }

    /// <summary>
    /// A key that is the same for a replay of this request and different for any other: the verified signature is an
    /// HMAC over timestamp and body, so only a byte-identical copy of a request carries it.
    /// </summary>
    public static string ReplayKey(HttpContext http) => "slack:request:" + http.Request.Headers[SlackSignatureVerifier.SignatureHeader];

    /// <summary>The verified raw body; only valid inside endpoints guarded by this filter.</summary>
    public static byte[] RawBody(HttpContext http) =>
        http.Items[BodyKey] as byte[] ?? throw new InvalidOperationException("The Slack request body was not read by SlackRequestFilter.");
}
