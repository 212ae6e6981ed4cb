using System.Text.Json.Serialization;

namespace EmpathyBot.Core.Summary;

/// <summary>The per-emotion comparison as served by <c>GET /api/summary</c> and <c>empathybot summary --json</c>.</summary>
/// <param name="People">The source every other is compared with: people's replies ("human"); its JSON name, baseline, is kept from earlier versions.</param>
/// <param name="RaterAgreement">Krippendorff's alpha (ordinal) over replies with two or more counted ratings; null while undefined.</param>
/// <param name="AgreementUnits">Replies with two or more counted ratings (the units alpha is computed over).</param>
/// <param name="Correction">Multiple-comparison correction applied to the per-emotion p-values ("holm").</param>
/// <param name="ExcludedRaters">Raters flagged by failed attention checks; none of their ratings count.</param>
public sealed record SummaryDocument(
    [property: JsonPropertyName("baseline")] string People,
    [property: JsonPropertyName("overall")] SummarySection Overall,
    [property: JsonPropertyName("emotions")] IReadOnlyDictionary<string, EmotionSection> Emotions)
{
    [JsonPropertyName("raterAgreement")]
    public double? RaterAgreement { get; init; }

    [JsonPropertyName("agreementUnits")]
    public long AgreementUnits { get; init; }

    [JsonPropertyName("correction")]
    public string Correction { get; init; } = SummaryBuilder.Holm;

    [JsonPropertyName("excludedRaters")]
    public long ExcludedRaters { get; init; }

    /// <summary>Excluded raters per reason: failed attention checks (attention) or the same rating over a run (straightLining).</summary>
    [JsonPropertyName("excludedRatersByReason")]
    public IReadOnlyDictionary<string, long>? ExcludedRatersByReason { get; init; }

    /// <summary>PANAS change per source; null when the summary was built without the appraisal store.</summary>
    [JsonPropertyName("appraisal")]
    public AppraisalSummary? Appraisal { get; init; }

    /// <summary>SECEU and EQ-Bench item sets, people vs contenders; null when built without the understanding store.</summary>
    [JsonPropertyName("understanding")]
    public UnderstandingSummary? Understanding { get; init; }

    /// <summary>The model behind each source's <see cref="SourceSummary.LengthAdjusted"/>: the length effect, n, and why there is no estimate when there is none.</summary>
    [JsonPropertyName("lengthModel")]
    public LengthModel? LengthModel { get; init; }

    /// <summary>LLM judges against people; null when no judge is configured and no verdict is stored.</summary>
    [JsonPropertyName("judging")]
    public JudgingSummary? Judging { get; init; }

    /// <summary>Bradley-Terry ratings from side-by-side battles; null when the summary was built without the battle store.</summary>
    [JsonPropertyName("pairwise")]
    public PairwiseSummary? Pairwise { get; init; }
}

public sealed record SummarySection(
    [property: JsonPropertyName("sources")] IReadOnlyDictionary<string, SourceSummary> Sources);

public sealed record EmotionSection(
    [property: JsonPropertyName("valence")] string Valence,
    [property: JsonPropertyName("sources")] IReadOnlyDictionary<string, SourceSummary> Sources);

/// <param name="GoodRate">Good / ratings; null while a source has no ratings.</param>
/// <param name="GoodIncreaseVsPeople">Relative increase of the Good rate over people's (JSON name kept from earlier versions); null for people themselves or when either rate is missing or people's is zero.</param>
public sealed record SourceSummary(
    [property: JsonPropertyName("replies")] long Replies,
    [property: JsonPropertyName("ratings")] long Ratings,
    [property: JsonPropertyName("good")] long Good,
    [property: JsonPropertyName("okay")] long Okay,
    [property: JsonPropertyName("bad")] long Bad,
    [property: JsonPropertyName("goodRate")] double? GoodRate,
    [property: JsonPropertyName("goodIncreaseVsBaseline")] double? GoodIncreaseVsPeople)
{
    /// <summary>Wilson 95% interval of the Good rate, [lower, upper]; null without ratings.</summary>
    [JsonPropertyName("goodRateCi")]
    public double[]? GoodRateCi { get; init; }

    /// <summary>Yates-corrected chi-square of the 2x2 table Good vs Okay+Bad against people; null for people or when undefined.</summary>
    [JsonPropertyName("chiSquare")]
    public double? ChiSquare { get; init; }

    /// <summary>p of that comparison: the chi-square p, or Fisher's exact p when an expected count is below 5 (see <see cref="Test"/>).</summary>
    [JsonPropertyName("p")]
    public double? P { get; init; }

    /// <summary>"chi-square" or "fisher": which test produced <see cref="P"/>.</summary>
    [JsonPropertyName("test")]
    public string? Test { get; init; }

    /// <summary>Holm-adjusted p over every per-emotion comparison of the summary; equal to p in the overall section.</summary>
    [JsonPropertyName("pAdjusted")]
    public double? PAdjusted { get; init; }

    /// <summary>Mann-Whitney U p over the ordinal Good/Okay/Bad ratings against people.</summary>
    [JsonPropertyName("mannWhitneyP")]
    public double? MannWhitneyP { get; init; }

    /// <summary>Probability of superiority: P(this source's rating &gt; people's) + half the ties.</summary>
    [JsonPropertyName("superiority")]
    public double? Superiority { get; init; }

    /// <summary>Mean length in words of the source's in-pool replies.</summary>
    [JsonPropertyName("meanWords")]
    public double? MeanWords { get; init; }

    /// <summary>Replies kept out of the blind pool (for example, they reveal a model).</summary>
    [JsonPropertyName("excludedReplies")]
    public long ExcludedReplies { get; init; }

    /// <summary>Ratings left out because their rater was excluded or the rating itself was given too fast.</summary>
    [JsonPropertyName("excludedRatings")]
    public long ExcludedRatings { get; init; }

    /// <summary>Overall section only: odds ratio of Good against people with reply length held constant; null for people or without an estimate.</summary>
    [JsonPropertyName("lengthAdjusted")]
    public LengthAdjusted? LengthAdjusted { get; init; }

    /// <summary>Excluded replies per reason: reveal, duplicate, pasted, tooFast; they sum to <see cref="ExcludedReplies"/>.</summary>
    [JsonPropertyName("excludedRepliesByReason")]
    public IReadOnlyDictionary<string, long>? ExcludedRepliesByReason { get; init; }

    /// <summary>Raters' guesses of who wrote this source's replies; null when nobody guessed.</summary>
    [JsonPropertyName("authorGuess")]
    public AuthorGuessSummary? AuthorGuess { get; init; }
}
