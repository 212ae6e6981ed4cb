using EmpathyBot.Core.Integrity;
using EmpathyBot.Core.Interchange;
using EmpathyBot.Core.Study;

namespace EmpathyBot.Core.Ports;

/// <summary>
/// A pair card the bot gave a rater: two replies to one prompt from two sources, in battle order (A's source sorts
/// first), with the side shown on the left. On a gold card the reply at <see cref="Gold"/> is only a placeholder
/// carrying the gold item's id (its text comes from the gold items); the other is a real reply lending its prompt.
/// </summary>
public sealed record PairCard(string Id, StudyPrompt Prompt, Reply A, Reply B, BattleSide Left, BattleSide? Gold)
{
    public Reply LeftReply => Left == BattleSide.A ? A : B;

    public Reply RightReply => Left == BattleSide.A ? B : A;
}

public enum PairAnswerOutcome
{
    Recorded,
    AlreadyAnswered,
    NotOffered,
}

/// <summary>What answering a pair card did: the offer it answered (null when none) and, when recorded, the verdict in battle order.</summary>
/// <param name="TooFast">The verdict came sooner than <see cref="RatingRules.MinSecondsPerCard"/> after the card was shown: stored, flagged, not counted.</param>
/// <param name="NewlyExcluded">This answer completed a run of the same button (<c>Rating:StraightLineRun</c>) and excluded the rater.</param>
public sealed record PairAnswer(PairAnswerOutcome Outcome, PairOffer? Offer = null, BattleWinner? Winner = null, bool TooFast = false, bool NewlyExcluded = false);

/// <summary>One answered battle with everything known about it (gold cards are attention checks, not battles).</summary>
/// <param name="Left">The side shown on the left; null for an imported battle.</param>
/// <param name="OfferedAt">When the card was shown; null for an imported battle.</param>
/// <param name="RaterExcluded">True when the rater is excluded (failed attention checks or straight-lining): the battle leaves the summary.</param>
public sealed record BattleRecord(
    string Id,
    string Rater,
    StudyPrompt Prompt,
    Reply A,
    Reply B,
    BattleSide? Left,
    BattleWinner Winner,
    DateTimeOffset? OfferedAt,
    DateTimeOffset AnsweredAt,
    bool RaterExcluded)
{
    /// <summary>True when the verdict came too soon after the card was shown (flagged tooFast): it is kept but does not count.</summary>
    public bool TooFast { get; init; }
}

public sealed record BattleImportResult(int Rows, int NewBattles, int DuplicateBattles, int NewPrompts, int NewReplies);

/// <summary>
/// Pairwise (Arena) battles. A verdict counts only for a pair card the bot gave that rater, once; a rater meets a given
/// pair of replies at most once; pairs of sources are drawn least-compared first. Each write is one transaction (or script).
/// </summary>
public interface IBattleStore
{
    /// <summary>
    /// Picks two in-pool replies to one prompt from the least-compared pair of sources that has a pair this rater has
    /// not been offered and did not write, records the offer with a random left side, and returns the card; null when
    /// nothing is left. With <paramref name="goldId"/> one side (at random) is the gold item instead of its reply.
    /// </summary>
    Task<PairCard?> NextPairAsync(string rater, string? goldId = null, CancellationToken ct = default);

    /// <summary>
    /// Records the verdict on a card offered to <paramref name="rater"/>, once; anything else stores nothing. Under
    /// <paramref name="rules"/>, a verdict given sooner than <see cref="RatingRules.MinSecondsPerCard"/> after the card was
    /// shown is stored flagged tooFast, as a rating is, and leaves the summary.
    /// </summary>
    Task<PairAnswer> AnswerPairAsync(string rater, string cardId, PairChoice choice, DateTimeOffset at, RatingRules? rules = null, CancellationToken ct = default);

    /// <summary>Pair cards (gold ones included) the rater has answered.</summary>
    Task<long> CountAnsweredPairsAsync(string rater, CancellationToken ct = default);

    /// <summary>Every answered battle (not gold cards), in answer order.</summary>
    IAsyncEnumerable<BattleRecord> ExportBattlesAsync(CancellationToken ct = default);

    /// <summary>Imports rows (prompts, replies and battles) idempotently, all in one transaction: a rater's verdict on a pair counts once.</summary>
    Task<BattleImportResult> ImportBattlesAsync(IReadOnlyList<BattleRow> rows, string promptSet, CancellationToken ct = default);
}

/// <summary>What the store recorded when it gave a rater a pair card (battle order; the gold side holds the gold item's id).</summary>
public sealed record PairOffer(string Id, string Rater, string PromptId, string ReplyA, string SourceA, string ReplyB, string SourceB,
    BattleSide Left, BattleSide? Gold);
