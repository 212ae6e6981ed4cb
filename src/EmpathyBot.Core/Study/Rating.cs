namespace EmpathyBot.Core.Study;

public sealed record Rating(string ReplyId, string Rater, RatingValue Value, DateTimeOffset At);

public enum RatingOutcome
{
    Recorded,
    AlreadyRated,
    UnknownReply,

    /// <summary>The bot never offered this reply to this rater, so the rating was refused and nothing was stored.</summary>
    NotOffered,
}
