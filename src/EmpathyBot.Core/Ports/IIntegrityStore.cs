using EmpathyBot.Core.Integrity;
using EmpathyBot.Core.Study;

namespace EmpathyBot.Core.Ports;

/// <summary>
/// Reply and rater integrity: a person's reply with what was measured about it, ratings checked for speed and
/// straight-lining, and raters' guesses of who wrote a reply. Each write is one transaction (or script).
/// </summary>
public interface IIntegrityStore
{
    /// <summary>
    /// Stores a person's reply (as <see cref="IReplyStore.AddReplyAsync"/>) together with its check. Not added when the
    /// id exists; when added, the result names the emotion of the reply's prompt, so announcing it reads nothing.
    /// </summary>
    Task<CheckedReply> AddCheckedReplyAsync(Reply reply, ReplyCheck check, CancellationToken ct = default);

    /// <summary>
    /// Records an offered rating (refused as <see cref="RatingOutcome.NotOffered"/> otherwise). Given sooner than
    /// <see cref="RatingRules.MinSecondsPerCard"/> after its card was shown, it is stored flagged tooFast and not counted.
    /// Every stored rating extends or restarts the rater's run of equal values; a run of
    /// <see cref="RatingRules.StraightLineRun"/> excludes the rater as failed attention checks do.
    /// </summary>
    Task<CheckedRating> AddCheckedRatingAsync(Rating rating, RatingRules rules, CancellationToken ct = default);

    /// <summary>Stores a guess of who wrote a reply the rater has rated; once per (rater, reply).</summary>
    Task<AuthorGuessOutcome> RecordAuthorGuessAsync(AuthorGuess guess, CancellationToken ct = default);

    Task<IntegritySnapshot> GetIntegrityAsync(CancellationToken ct = default);

    IAsyncEnumerable<ReplyCheck> ExportReplyChecksAsync(CancellationToken ct = default);

    IAsyncEnumerable<RatingFlag> ExportRatingFlagsAsync(CancellationToken ct = default);

    IAsyncEnumerable<AuthorGuess> ExportAuthorGuessesAsync(CancellationToken ct = default);
}
