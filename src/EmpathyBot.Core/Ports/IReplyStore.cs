using EmpathyBot.Core.Study;

namespace EmpathyBot.Core.Ports;

/// <summary>A contender request that kept failing; kept so the next run retries it and nothing is dropped silently.</summary>
public sealed record ModelFailure(string PromptId, string Source, string CacheKey, string Error, int Attempts, DateTimeOffset At);

public interface IReplyStore
{
    /// <summary>Every reply, rated or not, in the pool or excluded, ordered by id, streamed for the full export.</summary>
    IAsyncEnumerable<Reply> ExportRepliesAsync(CancellationToken ct = default);

    /// <summary>Stores a reply and counts it; false when a reply with that id already exists.</summary>
    Task<bool> AddReplyAsync(Reply reply, CancellationToken ct = default);

    Task<Reply?> GetReplyAsync(string replyId, CancellationToken ct = default);

    /// <summary>Every reply to the prompt, in the pool or excluded, without its text; in no particular order.</summary>
    Task<IReadOnlyList<ReplyKey>> GetReplyKeysForPromptAsync(string promptId, CancellationToken ct = default);

    /// <summary>Model reply cache: the reply made under this cache key, if any.</summary>
    Task<Reply?> FindReplyByCacheKeyAsync(string cacheKey, CancellationToken ct = default);

    /// <summary>Prompt ids of <paramref name="set"/> that have no reply from <paramref name="source"/> yet.</summary>
    Task<IReadOnlyList<string>> PromptsWithoutReplyFromAsync(string set, string source, CancellationToken ct = default);

    Task RecordModelFailureAsync(ModelFailure failure, CancellationToken ct = default);

    Task<IReadOnlyList<ModelFailure>> GetModelFailuresAsync(string source, CancellationToken ct = default);
}
