using EmpathyBot.Core.Study;

namespace EmpathyBot.Core.Ports;

/// <summary>The one source a rater rates in a between-subjects design, and when it was assigned.</summary>
public sealed record SourceAssignment(string Rater, string Source, DateTimeOffset At);

/// <summary>
/// Between-subjects rating: each rater is assigned one source (people are the source "human") and only ever
/// offered that source's replies. The assignment balances raters across sources and survives restarts and instances.
/// </summary>
public interface ISourceAssignmentStore
{
    /// <summary>
    /// The rater's source. On the rater's first call, in one transaction (or script) so that two instances cannot both
    /// pick the same least-assigned source, assigns the source with the fewest assigned raters among the sources with
    /// replies in the pool (not excluded, below <paramref name="targetPerReply"/> ratings; ties at random) and stores it.
    /// Null, and nothing stored, while the pool holds no reply.
    /// </summary>
    Task<string?> AssignSourceAsync(string rater, int targetPerReply, DateTimeOffset at, CancellationToken ct = default);

    /// <summary>The rater's source, or null when none was assigned.</summary>
    Task<string?> GetAssignedSourceAsync(string rater, CancellationToken ct = default);

    /// <summary>Raters assigned to each source.</summary>
    Task<IReadOnlyDictionary<string, long>> GetAssignmentCountsAsync(CancellationToken ct = default);

    /// <summary>
    /// As <see cref="IRatingStore.NextReplyToRateAsync"/>, but only replies of <paramref name="source"/>: the
    /// least-rated one the rater neither wrote nor rated, with the offer (the reply, or the gold item shown instead)
    /// recorded in the same transaction, and with <paramref name="shownAt"/> the card's showing too.
    /// </summary>
    Task<Reply?> NextReplyFromSourceAsync(string rater, string source, int targetPerReply, string? goldId = null, DateTimeOffset? shownAt = null, CancellationToken ct = default);

    /// <summary>Every assignment, ordered by rater, streamed for the export.</summary>
    IAsyncEnumerable<SourceAssignment> ExportSourceAssignmentsAsync(CancellationToken ct = default);
}
