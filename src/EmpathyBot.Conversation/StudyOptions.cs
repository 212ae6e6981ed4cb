using System.ComponentModel.DataAnnotations;

namespace EmpathyBot.Conversation;

/// <summary>Section <c>Study</c>: what participants see.</summary>
public sealed partial class StudyOptions
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

    public const string ShowResultsAlways = "always";
    public const string ShowResultsAfterCompletion = "afterCompletion";
    public const string ShowResultsNever = "never";

    /// <summary>
    /// When participants see the study's results (the chat summary and the web chat page's links to the dashboard):
    /// <c>always</c>, <c>afterCompletion</c> (once they have completed the study) or <c>never</c>. Results seen while
    /// rating would inform later ratings. The researcher's dashboard stays behind <c>Dashboard:AccessKey</c>.
    /// </summary>
    [Required]
    [RegularExpression("(?i)^(always|afterCompletion|never)$", ErrorMessage = "Study:ShowResults must be 'always', 'afterCompletion' or 'never'.")]
    public string ShowResults { get; set; } = ShowResultsAlways;
}

/// <summary>Section <c>Rating</c>: the blind rating pool.</summary>
public sealed class RatingOptions
{
    public const string Section = "Rating";

    /// <summary>Ratings wanted per reply; replies that have them leave the pool.</summary>
    [Range(1, 100)]
    public int TargetPerReply { get; set; } = 3;

    /// <summary>
    /// Tell the rater who wrote a reply (and that a card was an attention check) after their rating is stored. Off by
    /// default: raters who learn the authors' styles and the checks part-way through no longer rate blind.
    /// </summary>
    public bool RevealSource { get; set; }

    /// <summary>At the end of the protocol, the debrief tells the rater, per source, how they rated (only then, so no rating is unblinded early).</summary>
    public bool RevealAtEnd { get; set; } = true;

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

    public const string MixedDesign = "mixed";
    public const string BetweenSubjectsDesign = "betweenSubjects";

    /// <summary>
    /// <c>mixed</c>: a rater's cards come from every source. <c>betweenSubjects</c>: each rater is assigned one source
    /// with their first card (balanced across sources) and only rates that source's replies (and attention checks).
    /// </summary>
    [Required]
    [RegularExpression("(?i)^(mixed|betweenSubjects)$", ErrorMessage = "Rating:Design must be 'mixed' or 'betweenSubjects'.")]
    public string Design { get; set; } = MixedDesign;

    public bool IsBetweenSubjects => string.Equals(Design, BetweenSubjectsDesign, StringComparison.OrdinalIgnoreCase);

    /// <summary>A rating given sooner than this many seconds after its card was shown is stored, flagged tooFast and not counted; 0 = off.</summary>
    [Range(0.0, 600.0)]
    public double MinSecondsPerCard { get; set; } = 2;

    /// <summary>A rater whose last this-many ratings are all the same value is excluded (straight-lining); 0 = off, else at least 2.</summary>
    [Range(0, 1000)]
    public int StraightLineRun { get; set; } = 15;

    /// <summary>After each rating, ask who the rater thinks wrote the reply (a person, an AI, not sure).</summary>
    public bool AskAuthorGuess { get; set; }

    /// <summary>
    /// Which cards "rate" gives: <c>absolute</c> (one reply, Good / Okay / Bad), <c>pairwise</c> (two replies side by side,
    /// which is more empathetic) or <c>both</c> (alternating per rater).
    /// </summary>
    [RegularExpression("(?i)^(absolute|pairwise|both)$", ErrorMessage = "Rating:Mode must be absolute, pairwise or both.")]
    public string Mode { get; set; } = Flows.RatingModes.Absolute;
}
