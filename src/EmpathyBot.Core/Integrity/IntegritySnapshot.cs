namespace EmpathyBot.Core.Integrity;

/// <summary>What the summary needs from the integrity records.</summary>
/// <param name="ExcludedReplies">Excluded replies per (emotion, source, stored reason).</param>
/// <param name="ExcludedRatersByReason">Excluded raters per reason (<see cref="RaterExclusionReasons"/>).</param>
/// <param name="Guesses">Author guesses that count (their rating counts), per (emotion, source, guess, rating value).</param>
public sealed record IntegritySnapshot(
    IReadOnlyList<ExcludedReplyRow> ExcludedReplies,
    IReadOnlyDictionary<string, long> ExcludedRatersByReason,
    IReadOnlyList<AuthorGuessRow> Guesses)
{
    public static IntegritySnapshot Empty { get; } = new([], RaterReasons(0, 0), []);

    /// <summary>Raters excluded per reason; an exclusion not recorded as straight-lining came from the attention checks.</summary>
    public static IReadOnlyDictionary<string, long> RaterReasons(long excluded, long straightLining) => new Dictionary<string, long>
    {
        [RaterExclusionReasons.Attention] = Math.Max(0, excluded - straightLining),
        [RaterExclusionReasons.StraightLining] = straightLining,
    };
}

public sealed record ExcludedReplyRow(string Emotion, string Source, string Reason, long Replies);

/// <param name="Value">The rating the guess followed (1 Bad, 2 Okay, 3 Good).</param>
public sealed record AuthorGuessRow(string Emotion, string Source, string Guess, int Value, long Count);
