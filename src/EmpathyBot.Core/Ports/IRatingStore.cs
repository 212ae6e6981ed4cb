using EmpathyBot.Core.Interchange;
using EmpathyBot.Core.Study;
using EmpathyBot.Core.Summary;

namespace EmpathyBot.Core.Ports;

public sealed record ImportResult(int Rows, int NewRatings, int DuplicateRatings, int NewPrompts, int NewReplies);

public interface IRatingStore
{
    /// <summary>
    /// The in-pool reply with the fewest ratings below <paramref name="targetPerReply"/> that the rater
    /// neither wrote nor rated; ties broken at random. Null when nothing is left for them.
    /// </summary>
    Task<Reply?> NextReplyToRateAsync(string rater, int targetPerReply, CancellationToken ct = default);

    /// <summary>Records a rating and updates the live counters in the same transaction.</summary>
    Task<RatingOutcome> AddRatingAsync(Rating rating, CancellationToken ct = default);

    /// <summary>The counter table: one row per (emotion, source). Never scans ratings.</summary>
    Task<IReadOnlyList<CounterRow>> GetCountersAsync(CancellationToken ct = default);

    /// <summary>Every rating joined with its prompt and reply, in the long CSV shape.</summary>
    IAsyncEnumerable<RatingRow> ExportRatingsAsync(CancellationToken ct = default);

    /// <summary>Imports rows (prompts, replies and ratings) idempotently, all in one transaction.</summary>
    Task<ImportResult> ImportRatingsAsync(IReadOnlyList<RatingRow> rows, string promptSet, CancellationToken ct = default);
}
