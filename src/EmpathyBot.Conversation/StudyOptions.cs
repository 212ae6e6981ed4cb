using System.ComponentModel.DataAnnotations;

namespace EmpathyBot.Conversation;

/// <summary>Section <c>Study</c>: what participants see.</summary>
public sealed class StudyOptions
{
    public const string Section = "Study";

    /// <summary>The prompt set people answer and rate.</summary>
    [Required]
    public string PromptSet { get; set; } = "core";

    /// <summary>
    /// Secret for the keyed hash of channel + user id. Empty: the host generates one and keeps it in the data
    /// directory. Must be set, and equal, on every instance that shares a store.
    /// </summary>
    public string ParticipantSecret { get; set; } = "";

    [Range(1, 2000)]
    public int MaxReplyLength { get; set; } = 600;
}

/// <summary>Section <c>Rating</c>: the blind rating pool.</summary>
public sealed class RatingOptions
{
    public const string Section = "Rating";

    /// <summary>Ratings wanted per reply; replies that have them leave the pool.</summary>
    [Range(1, 100)]
    public int TargetPerReply { get; set; } = 3;

    /// <summary>Tell the rater who wrote a reply after their rating is stored.</summary>
    public bool RevealSource { get; set; } = true;

    /// <summary>Share of rating cards after the first that are gold items (clearly off-topic replies that should be rated Bad).</summary>
    [Range(0.0, 1.0)]
    public double GoldRate { get; set; } = 0.1;

    /// <summary>
    /// Chance that a rater's first card (before any rating or gold answer) is a gold item, so identities made to
    /// rate once meet attention checks too.
    /// </summary>
    [Range(0.0, 1.0)]
    public double FirstCardGoldRate { get; set; } = 0.1;

    /// <summary>Failed gold items after which a rater is excluded from the summary.</summary>
    [Range(1, 100)]
    public int GoldFailuresToExclude { get; set; } = 2;

    /// <summary>
    /// Which cards "rate" gives: <c>absolute</c> (one reply, Good / Okay / Bad), <c>pairwise</c> (two replies side by side,
    /// which is more empathetic) or <c>both</c> (alternating per rater).
    /// </summary>
    [RegularExpression("(?i)^(absolute|pairwise|both)$", ErrorMessage = "Rating:Mode must be absolute, pairwise or both.")]
    public string Mode { get; set; } = Flows.RatingModes.Absolute;
}
