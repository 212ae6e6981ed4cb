using System.Buffers;
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
        // A declared length (every Bot Connector and Slack request has one) is read straight into a body of that size:
        // the server ends the body stream at the declared length, so nothing else is allocated per request.
        if (request.ContentLength is { } declared and <= MaxBytes)
        {
            var body = new byte[declared];
            var filled = 0;
            int read;
            while (filled < body.Length && (read = await request.Body.ReadAsync(body.AsMemory(filled), ct)) > 0) filled += read;
            return filled == body.Length ? body : body[..filled];
        }

        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
            {
                if (buffer.Length + read > MaxBytes) return null;
                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return buffer.ToArray();
    }

    public static IResult TooLarge() => TypedResults.Problem(
        title: "Request too large",
        detail: $"Requests to this endpoint are limited to {MaxBytes / 1024} KB.",
        statusCode: StatusCodes.Status413PayloadTooLarge);
}
