namespace EmpathyBot.Core.Study;

/// <summary>An empathetic reply to a prompt, by a person (<see cref="Sources.Human"/>) or a contender.</summary>
/// <param name="Author">The participant key for human replies; null for contenders and imported replies.</param>
/// <param name="ExcludedReason">Why the reply is kept out of the blind pool (for example it reveals a model); null when it is in the pool.</param>
public sealed record Reply(
    string Id,
    string PromptId,
    string Source,
    string Text,
    string? Author,
    DateTimeOffset CreatedAt,
    string? ExcludedReason = null,
    ModelReplyInfo? Model = null)
{
    public bool InPool => ExcludedReason is null;

    public ReplyKey Key => new(Id, PromptId, Source, Author);
}

/// <summary>How a contender produced a reply; stored with it for audit and caching.</summary>
public sealed record ModelReplyInfo(
    string ModelName,
    string TemplateHash,
    string CacheKey,
    double LatencyMs,
    int PromptTokens,
    int CompletionTokens,
    string? FinishReason);
