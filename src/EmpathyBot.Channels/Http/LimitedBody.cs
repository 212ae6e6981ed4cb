using Microsoft.AspNetCore.Http;

namespace EmpathyBot.Channels.Http;

/// <summary>
/// The size limit of an inbound channel request (Teams activities, Slack payloads): real ones are a few KB, so
/// anything larger is refused with 413 before it costs memory or parsing.
/// </summary>
public static class LimitedBody
{
    public const int MaxBytes = 256 * 1024;

    /// <summary>True when the request says up front that its body is over the limit.</summary>
    public static bool DeclaredTooLarge(HttpRequest request) => request.ContentLength > MaxBytes;

    /// <summary>The whole body, or null as soon as it grows past the limit (a chunked body declares no length).</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBytes) return null;
            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    public static IResult TooLarge() => TypedResults.Problem(
        title: "Request too large",
        detail: $"Requests to this endpoint are limited to {MaxBytes / 1024} KB.",
        statusCode: StatusCodes.Status413PayloadTooLarge);
}
