using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using EmpathyBot.Channels.Activities;
using Microsoft.Extensions.Logging;

namespace EmpathyBot.Channels.Teams;

/// <summary>
/// Sends activities to a channel's Bot Connector (<c>{serviceUrl}/v3/conversations/...</c>), the SDK's ConnectorClient.
/// 429 and 5xx are retried with exponential backoff, honouring Retry-After.
/// </summary>
public sealed class ConnectorClient(HttpClient http, IConnectorTokenProvider tokens, TimeProvider time, ILogger<ConnectorClient> logger)
{
    public int MaxAttempts { get; init; } = 5;

    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>A new message in the conversation; returns the id the channel gave it.</summary>
    public Task<string?> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, Url(serviceUrl, conversationId, null), activity, ct);

    /// <summary>A reply to <paramref name="replyToId"/> (threaded in channels).</summary>
    public Task<string?> ReplyToActivityAsync(string serviceUrl, string conversationId, string replyToId, Activity activity, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, Url(serviceUrl, conversationId, replyToId), activity with { ReplyToId = replyToId }, ct);

    /// <summary>Replaces a message the bot sent earlier, e.g. a rating card by its "thanks" card.</summary>
    public Task<string?> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken ct) =>
        SendAsync(HttpMethod.Put, Url(serviceUrl, conversationId, activityId), activity with { Id = activityId }, ct);

    internal static string Url(string serviceUrl, string conversationId, string? activityId)
    {
        var url = $"{serviceUrl.TrimEnd('/')}/v3/conversations/{Uri.EscapeDataString(conversationId)}/activities";
        return activityId is null ? url : $"{url}/{Uri.EscapeDataString(activityId)}";
    }

    private async Task<string?> SendAsync(HttpMethod method, string url, Activity activity, CancellationToken ct)
    {
        // Serialised once for every attempt, with its length known: a streamed body went out chunked, in more writes.
        var body = JsonSerializer.SerializeToUtf8Bytes(activity, ActivityJson.Options);
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, url)
            {
                Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" } } },
            };
            var token = await tokens.GetTokenAsync(ct);
            if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

            HttpResponseMessage? response = null;
            try
            {
                response = await http.SendAsync(request, ct);
                if (response.IsSuccessStatusCode) return await ReadIdAsync(response, ct);
                var answer = await response.Content.ReadAsStringAsync(ct);
                var retryable = response.StatusCode == HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500;
                if (!retryable || attempt >= MaxAttempts) throw new ConnectorException(response.StatusCode, method.Method, url, answer);
                var delay = RetryAfter(response) ?? Backoff(attempt);
                logger.LogWarning("Bot Connector answered {Status} to {Method} {Url}; retry {Attempt} in {Delay}", (int)response.StatusCode, method, url, attempt, delay);
                await Task.Delay(delay, time, ct);
            }
            catch (HttpRequestException e) when (attempt < MaxAttempts)
            {
                var delay = Backoff(attempt);
                logger.LogWarning(e, "Bot Connector unreachable at {Url}; retry {Attempt} in {Delay}", url, attempt, delay);
                await Task.Delay(delay, time, ct);
            }
            finally
            {
                response?.Dispose();
            }
        }
    }

    private static async Task<string?> ReadIdAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync(ct);
        if (bytes.AsSpan().Trim(" \t\r\n"u8).IsEmpty) return null;
        try
        {
            using var document = JsonDocument.Parse(bytes);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
                ? id.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        var delay = header?.Delta ?? (header?.Date is { } date ? date - time.GetUtcNow() : null);
        if (delay is null) return null;
        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay > MaxDelay ? MaxDelay : delay;
    }

    private TimeSpan Backoff(int attempt)
    {
        var exponential = BaseDelay * Math.Pow(2, attempt - 1);
        var jitter = BaseDelay * Random.Shared.NextDouble() * 0.5;
        var delay = exponential + jitter;
        return delay > MaxDelay ? MaxDelay : delay;
    }
}
