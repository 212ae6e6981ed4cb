using EmpathyBot.Core.Interchange;
using EmpathyBot.Core.Study;
using EmpathyBot.Core.Summary;

namespace EmpathyBot.Core.Ports;

public sealed record ImportResult(int Rows, int NewRatings, int DuplicateRatings, int NewPrompts, int NewReplies);

/// <summary>An item the bot put on a rater's card: a reply, or a gold item shown instead.</summary>
public sealed record RatingOffer(string Rater, string ItemId, RatingOfferKind Kind);

public interface IRatingStore
{
    /// <summary>Every offer, ordered by rater then item id, streamed for the full export.</summary>
    IAsyncEnumerable<RatingOffer> ExportRatingOffersAsync(CancellationToken ct = default);

    /// <summary>
    /// The in-pool reply with the fewest ratings below <paramref name="targetPerReply"/> that the rater
    /// neither wrote nor rated; ties broken at random. Null when nothing is left for them. In the same
    /// transaction (or script) it records what the card offers the rater: this reply, or the gold item
    /// <paramref name="goldId"/> when one is shown instead (the reply then only lends the card its prompt).
    /// Offers are made only below the target, so an offered rater may still rate after the target is reached.
    /// With <paramref name="shownAt"/>, the same write records the card as shown to the rater then (card kind
    /// <c>rating</c>, the offered item; the first showing stands), as <see cref="ICardTimingStore.CardShownAsync"/> would.
    /// </summary>
    Task<Reply?> NextReplyToRateAsync(string rater, int targetPerReply, string? goldId = null, DateTimeOffset? shownAt = null, CancellationToken ct = default);

    /// <summary>What the bot offered <paramref name="rater"/> under <paramref name="itemId"/>; null when it never did.</summary>
    Task<RatingOfferKind?> GetOfferAsync(string rater, string itemId, CancellationToken ct = default);

    /// <summary>
    /// Records a rating that a rater submits, only when the reply was offered to them as a reply
    /// (<see cref="RatingOutcome.NotOffered"/> otherwise, nothing stored); checked, stored and counted in one transaction.
    /// </summary>
    Task<RatingOutcome> AddOfferedRatingAsync(Rating rating, CancellationToken ct = default);

    /// <summary>
    /// Records a rating from a trusted writer (seeding, tools) without asking whether it was offered, and updates
    /// the live counters in the same transaction. What participants submit goes through <see cref="AddOfferedRatingAsync"/>.
    /// </summary>
    Task<RatingOutcome> AddRatingAsync(Rating rating, CancellationToken ct = default);

    /// <summary>The counter table: one row per (emotion, source). Never scans ratings.</summary>
    Task<IReadOnlyList<CounterRow>> GetCountersAsync(CancellationToken ct = default);

    /// <summary>Every rating joined with its prompt and reply, in the long CSV shape.</summary>
    IAsyncEnumerable<RatingRow> ExportRatingsAsync(CancellationToken ct = default);

    /// <summary>Imports rows (prompts, replies and ratings) idempotently, all in one transaction.</summary>
    Task<ImportResult> ImportRatingsAsync(IReadOnlyList<RatingRow> rows, string promptSet, CancellationToken ct = default);
}
