using EmpathyBot.Core.Study;
using EmpathyBot.Core.Summary;

namespace EmpathyBot.Core.Ports;

/// <summary>A rater's answer to a gold item (an off-topic reply that should be rated Bad); recorded once per check id.</summary>
public sealed record AttentionCheck(string Rater, string CheckId, bool Passed, DateTimeOffset At);

/// <param name="Ratings">Ratings the rater has given (counted or not).</param>
/// <param name="Excluded">True once the rater failed enough gold items: none of their ratings count in the summary.</param>
public sealed record RaterQuality(string Rater, long Ratings, int GoldPassed, int GoldFailed, bool Excluded);

/// <param name="Recorded">False when this check id was already answered by the rater (nothing changed).</param>
/// <param name="NewlyExcluded">True when this answer excluded the rater.</param>
public sealed record AttentionCheckOutcome(bool Recorded, RaterQuality Rater, bool NewlyExcluded);

/// <summary>One rating with everything known about it, for the full (jsonl) export.</summary>
public sealed record RatingRecord(StudyPrompt Prompt, Reply Reply, string Rater, RatingValue Value, DateTimeOffset At, bool RaterExcluded);

/// <summary>
/// Rating quality: attention checks and rater exclusion, plus the incremental inputs of the summary's reply
/// lengths and rater agreement. The store keeps them in the same transaction (or script) as the write they
/// follow, in O(1) per rating; reading them never scans ratings.
/// </summary>
public interface IQualityStore
{
    /// <summary>Every answered attention check, ordered by rater then check id, streamed for the full export.</summary>
    IAsyncEnumerable<AttentionCheck> ExportAttentionChecksAsync(CancellationToken ct = default);

    /// <summary>
    /// Records a gold-item answer. When the rater's failures reach <paramref name="failuresToExclude"/> they are
    /// excluded: their ratings so far leave the counters (and agreement), and later ones never enter them.
    /// </summary>
    Task<AttentionCheckOutcome> RecordAttentionCheckAsync(AttentionCheck check, int failuresToExclude, CancellationToken ct = default);

    Task<RaterQuality> GetRaterQualityAsync(string rater, CancellationToken ct = default);

    /// <summary>Words per cell, excluded ratings per cell, agreement profiles and the excluded-rater count.</summary>
    Task<QualitySnapshot> GetQualityAsync(CancellationToken ct = default);

    /// <summary>Every rating with its prompt, full reply (model info included), rater, time and exclusion.</summary>
    IAsyncEnumerable<RatingRecord> ExportRatingRecordsAsync(CancellationToken ct = default);
}
