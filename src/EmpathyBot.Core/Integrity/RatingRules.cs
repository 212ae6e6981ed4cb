using EmpathyBot.Core.Study;

namespace EmpathyBot.Core.Integrity;

/// <summary>Rater integrity thresholds (section <c>Rating</c>).</summary>
/// <param name="MinSecondsPerCard">A rating given sooner than this after its card was shown is stored, flagged tooFast and not counted; 0 turns it off.</param>
/// <param name="StraightLineRun">A rater whose last this-many ratings are all the same value is excluded; 0 turns it off.</param>
public sealed record RatingRules(double MinSecondsPerCard, int StraightLineRun)
{
    /// <summary>True when a rating at <paramref name="at"/> for a card shown at <paramref name="shownAt"/> came too soon.</summary>
    public bool IsTooFast(DateTimeOffset? shownAt, DateTimeOffset at) =>
        MinSecondsPerCard > 0 && shownAt is { } shown && (at - shown).TotalSeconds < MinSecondsPerCard;

    /// <summary>True when a run of identical ratings this long excludes the rater.</summary>
    public bool IsStraightLine(long run) => StraightLineRun > 0 && run >= StraightLineRun;
}

/// <param name="Outcome">As for any offered rating.</param>
/// <param name="TooFast">The rating was stored flagged tooFast and does not count.</param>
/// <param name="NewlyExcluded">This rating completed a straight-line run and excluded the rater.</param>
/// <param name="Emotion">When recorded: the emotion of the rated reply's prompt, as the write saw it (for the live
/// event, so that announcing the rating reads nothing more).</param>
/// <param name="Source">When recorded: the rated reply's source.</param>
public sealed record CheckedRating(RatingOutcome Outcome, bool TooFast, bool NewlyExcluded, string? Emotion = null, string? Source = null);

/// <summary>A stored rating that does not count, and why (<see cref="ExclusionReasons.TooFast"/>).</summary>
public sealed record RatingFlag(string ReplyId, string Rater, string Flag, double Seconds);

/// <summary>Why a rater is excluded.</summary>
public static class RaterExclusionReasons
{
    public const string Attention = "attention";
    public const string StraightLining = "straightLining";
}
