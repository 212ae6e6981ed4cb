namespace EmpathyBot.Core.Ports;

/// <summary>How much of each kind of task a participant has finished, as the stored records show.</summary>
/// <param name="Replies">Replies they wrote.</param>
/// <param name="Ratings">Rating cards they answered (ratings and attention checks alike: both look the same to them).</param>
/// <param name="Quizzes">Quizzes they finished.</param>
/// <param name="Appraisals">Feelings checks they finished (the rating after imagining a situation).</param>
/// <param name="RaterExcluded">They are excluded as a rater (attention checks or straight-lining), so they get no more cards.</param>
public sealed record ParticipantActivity(int Replies, int Ratings, int Quizzes, int Appraisals, bool RaterExcluded = false)
{
    public static ParticipantActivity None { get; } = new(0, 0, 0, 0);
}

/// <summary>How a rater rated the replies of one source.</summary>
public sealed record SourceRatings(string Source, int Good, int Okay, int Bad)
{
    public int Total => Good + Okay + Bad;
}

/// <summary>How a rater chose on the pair cards that showed one source's replies (a tie or "both bad" chooses neither).</summary>
/// <param name="Compared">Answered pair cards (not attention checks) with a reply of this source on them.</param>
/// <param name="Chosen">Of those, the ones where the rater chose this source's reply.</param>
public sealed record SourcePairChoices(string Source, int Compared, int Chosen);

/// <summary>
/// A participant's progress, read from what they stored, so it holds across restarts and instances and needs no
/// separate bookkeeping that could drift from the data.
/// </summary>
public interface IParticipantActivityStore
{
    Task<ParticipantActivity> GetActivityAsync(string participant, CancellationToken ct = default);

    /// <summary>The ratings the participant gave, counted per source of the rated reply, ordered by source.</summary>
    Task<IReadOnlyList<SourceRatings>> GetRatingsBySourceAsync(string participant, CancellationToken ct = default);

    /// <summary>The participant's choices on answered pair cards, counted per source shown, ordered by source.</summary>
    Task<IReadOnlyList<SourcePairChoices>> GetPairChoicesBySourceAsync(string participant, CancellationToken ct = default);
}
