using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EmpathyBot.Channels.Slack;

/// <summary>
/// The few Slack Web API calls the bot makes. Slack answers HTTP 200 with <c>{ok:false, error}</c> on
/// failure, so that is checked on every call; 429 is retried after <c>Retry-After</c>.
/// </summary>
public sealed class SlackApiClient(IHttpClientFactory httpClients, IOptions<SlackOptions> options, ILogger<SlackApiClient> logger, TimeProvider time)
{
    /// <summary>Name of the HttpClient registration (handlers are pooled by the factory).</summary>
    public const string HttpClientName = "Slack";

    public const int MaxAttempts = 4;

    /// <summary>Longest wait honoured from a Retry-After header; longer waits are failures rather than stuck workers.</summary>
    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(30);

    public Task<JsonObject> PostMessageAsync(string channel, SlackMessage message, CancellationToken ct = default)
    {
        var body = message.ToJson();
        body["channel"] = channel;
        // Slack would fetch a URL a participant wrote to build a preview; the study never wants that.
        body["unfurl_links"] = false;
        body["unfurl_media"] = false;
        return CallAsync("chat.postMessage", body, ct);
    }

    public Task<JsonObject> UpdateMessageAsync(string channel, string ts, SlackMessage message, CancellationToken ct = default)
    {
        var body = message.ToJson();
        body["channel"] = channel;
        body["ts"] = ts;
        return CallAsync("chat.update", body, ct);
    }

    /// <summary>Calls a Web API method with a JSON body and the bot token; throws <see cref="SlackApiException"/> unless Slack says ok.</summary>
    public async Task<JsonObject> CallAsync(string method, JsonObject body, CancellationToken ct = default)
    {
        var baseUrl = options.Value.ApiBaseUrl.EndsWith('/') ? options.Value.ApiBaseUrl : options.Value.ApiBaseUrl + "/";
        using var response = await SendWithRetryAsync(method, () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(baseUrl), method)) { Content = JsonContent.Create(body) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Value.BotToken);
            return request;
        }, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            throw Fail(method, $"http_{(int)response.StatusCode}", (int)response.StatusCode);
        }

        JsonObject? result;
        try
        {
            result = JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            result = null;
        }

        if (result is null)
        {
            throw Fail(method, "invalid_response_body", (int)response.StatusCode);
        }

        if (result["ok"]?.GetValueKind() != JsonValueKind.True)
        {
            throw Fail(method, result["error"]?.ToString() ?? "unknown_error", null);
        }

        if (result["warning"] is { } warning)
        {
            logger.LogWarning("Slack {Method} succeeded with warning {Warning}", method, warning.ToString());
        }

        return result;
    }

    /// <summary>Posts to an interaction's or command's response_url (no token: the URL is the credential).</summary>
    public async Task RespondAsync(string responseUrl, JsonObject body, CancellationToken ct = default)
    {
        const string method = "response_url";
        using var response = await SendWithRetryAsync(method, () => new HttpRequestMessage(HttpMethod.Post, responseUrl) { Content = JsonContent.Create(body) }, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            throw Fail(method, string.IsNullOrWhiteSpace(text) ? $"http_{(int)response.StatusCode}" : text.Trim(), (int)response.StatusCode);
        }

        // response_url answers either the plain text "ok" or {"ok":true}; anything saying ok:false is an error.
        if (text.TrimStart().StartsWith('{') && JsonNode.Parse(text) is JsonObject json && json["ok"]?.GetValueKind() == JsonValueKind.False)
        {
            throw Fail(method, json["error"]?.ToString() ?? "unknown_error", null);
        }
    }

    private async Task<HttpResponseMessage> SendWithRetryAsync(string method, Func<HttpRequestMessage> createRequest, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var request = createRequest();
            var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, ct);
            if (response.StatusCode != HttpStatusCode.TooManyRequests || attempt == MaxAttempts)
            {
                return response;
            }

            var wait = RetryAfter(response);
            response.Dispose();
            logger.LogWarning("Slack {Method} rate limited (attempt {Attempt}); retrying after {Wait}", method, attempt, wait);
            await Task.Delay(wait, time, ct);
        }
    }

    private static TimeSpan RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        var wait = header?.Delta ?? (header?.Date is { } date ? date - DateTimeOffset.UtcNow : TimeSpan.FromSeconds(1));
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait > MaxRetryAfter ? MaxRetryAfter : wait;
    }

    private SlackApiException Fail(string method, string error, int? status)
    {
        logger.LogError("Slack {Method} failed with error code {SlackError} (HTTP {Status})", method, error, status?.ToString() ?? "200");
        return new SlackApiException(method, error, status);
    }
}
