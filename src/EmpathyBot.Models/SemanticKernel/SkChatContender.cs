using System.ClientModel;
using System.Diagnostics;
using System.Globalization;
using EmpathyBot.Core.Study;
using EmpathyBot.Models.Configuration;
using EmpathyBot.Models.Prompting;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using OpenAI.Chat;

namespace EmpathyBot.Models.SemanticKernel;

/// <summary>An LLM contender: one Semantic Kernel <see cref="IChatCompletionService"/> call per attempt.</summary>
/// <param name="template">The reply prompt; null for an entry that is only asked raw prompts (an LLM judge).</param>
/// <param name="time">Reads "now" for a Retry-After given as an HTTP date.</param>
public sealed class SkChatContender(ContenderOptions options, IChatCompletionService chat, PromptTemplate? template, TimeProvider time)
    : IContender, IRawPromptContender
{
    public string Id => options.Id;

    public bool IsBaseline => false;

    public string TemplateHash => template?.Hash ?? "";

    public string CacheIdentity { get; } = string.Join('|',
        options.Kind, options.Id, options.Model, ChatServiceFactory.Endpoint(options)?.ToString() ?? "",
        options.Temperature.ToString("R", CultureInfo.InvariantCulture), options.MaxOutputTokens,
        template?.Identity ?? "");

    public Task<ContenderReply> ReplyAsync(StudyPrompt prompt, CancellationToken ct) =>
        template is null ? throw new InvalidOperationException($"'{Id}' has no reply template; it is only asked raw prompts.") : CompleteAsync(null, template.Render(prompt), ct);

    public Task<ContenderReply> CompleteAsync(string? system, string user, CancellationToken ct) => CompleteAsync(system, user, null, ct);

    public async Task<ContenderReply> CompleteAsync(string? system, string user, double? temperature, CancellationToken ct)
    {
        var history = new ChatHistory();
        if (!string.IsNullOrEmpty(system)) history.AddSystemMessage(system);
        history.AddUserMessage(user);
        var settings = new OpenAIPromptExecutionSettings { Temperature = temperature ?? options.Temperature, MaxTokens = options.MaxOutputTokens };

        // The timeout bounds real network I/O, so it runs on the real clock; the waits between attempts use the injected one.
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(ct);
        attempt.CancelAfter(options.Timeout);
        var started = Stopwatch.GetTimestamp();
        Microsoft.SemanticKernel.ChatMessageContent result;
        try
        {
            result = await chat.GetChatMessageContentAsync(history, settings, kernel: null, attempt.Token);
        }
        catch (Exception e) when (!ct.IsCancellationRequested && Classify(e, options.Timeout, time.GetUtcNow()) is { } classified)
        {
            throw classified;
        }

        var latency = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var completion = result.InnerContent as ChatCompletion;
        var usage = completion?.Usage ?? (result.Metadata?.TryGetValue("Usage", out var u) == true ? u as ChatTokenUsage : null);
        var finish = completion is not null ? Wire(completion.FinishReason)
            : result.Metadata?.TryGetValue("FinishReason", out var f) == true ? f?.ToString()?.ToLowerInvariant() : null;
        var text = result.Content ?? "";
        if (text.Length == 0 && completion?.Refusal is { Length: > 0 } refusal) text = refusal;

        return new ContenderReply(
            text, completion?.Model is { Length: > 0 } model ? model : options.Model,
            usage?.InputTokenCount ?? 0, usage?.OutputTokenCount ?? 0, finish, latency);
    }

    private static string Wire(ChatFinishReason reason) => reason switch
    {
        ChatFinishReason.Stop => "stop",
        ChatFinishReason.Length => "length",
        ChatFinishReason.ContentFilter => "content_filter",
        ChatFinishReason.ToolCalls => "tool_calls",
        ChatFinishReason.FunctionCall => "function_call",
        _ => reason.ToString().ToLowerInvariant(),
    };

    /// <summary>Turns SDK and transport errors into our own classification; null lets unexpected errors through unchanged.</summary>
    internal static ContenderException? Classify(Exception e, TimeSpan timeout, DateTimeOffset now)
    {
        switch (e)
        {
            case ContenderException:
                return null;
            case OperationCanceledException:
                return new ContenderException($"timed out after {timeout.TotalSeconds:0.###} s", transient: true, inner: e);
            case HttpOperationException http when http.StatusCode is { } status:
                return FromStatus((int)status, RetryAfter(http.InnerException as ClientResultException, now), http.ResponseContent, e);
            case ClientResultException client when client.Status > 0:
                return FromStatus(client.Status, RetryAfter(client, now), client.GetRawResponse()?.Content?.ToString(), e);
            case HttpOperationException or ClientResultException or HttpRequestException:
                return new ContenderException($"connection failed: {Innermost(e).Message}", transient: true, inner: e);
            default:
                return new ContenderException($"unreadable response: {Innermost(e).GetType().Name}: {Innermost(e).Message}", transient: false, inner: e);
        }
    }

    private static ContenderException FromStatus(int status, TimeSpan? retryAfter, string? body, Exception e)
    {
        var transient = status is 408 or 409 or 429 || status >= 500;
        var detail = string.IsNullOrWhiteSpace(body) ? "" : ": " + (body.Length > 300 ? body[..300] + "..." : body);
        return new ContenderException($"HTTP {status}{detail}", transient, status, retryAfter, e);
    }

    /// <summary>Reads <c>retry-after-ms</c> (Azure, OpenAI) or <c>Retry-After</c> in seconds or as an HTTP date.</summary>
    internal static TimeSpan? RetryAfter(ClientResultException? e, DateTimeOffset now)
    {
        var headers = e?.GetRawResponse()?.Headers;
        if (headers is null) return null;
        if (headers.TryGetValue("retry-after-ms", out var ms) && double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var msValue))
            return TimeSpan.FromMilliseconds(Math.Max(0, msValue));
        if (!headers.TryGetValue("Retry-After", out var value) || string.IsNullOrWhiteSpace(value)) return null;
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
            return TimeSpan.FromSeconds(Math.Max(0, seconds));
        return DateTimeOffset.TryParseExact(value, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? (date - now) is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero
            : null;
    }

    private static Exception Innermost(Exception e)
    {
        while (e.InnerException is not null) e = e.InnerException;
        return e;
    }
}
