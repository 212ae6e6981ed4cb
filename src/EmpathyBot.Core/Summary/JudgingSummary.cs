using System.Text.Json.Serialization;

namespace EmpathyBot.Core.Summary;

/// <summary>LLM judges held against people (section <c>judging</c> of the summary); definitions in docs/methods.md.</summary>
/// <param name="HumanHumanKappa">Quadratic-weighted kappa over every pair of two people's counted ratings of one reply, each pair in both orders: the ceiling a judge is held against.</param>
/// <param name="HumanPairs">Unordered pairs of two different people's counted ratings of one reply.</param>
public sealed record JudgingSummary(
    [property: JsonPropertyName("humanHumanKappa")] double? HumanHumanKappa,
    [property: JsonPropertyName("humanPairs")] long HumanPairs,
    [property: JsonPropertyName("judges")] IReadOnlyDictionary<string, JudgeSummary> Judges,
    [property: JsonPropertyName("emotions")] IReadOnlyDictionary<string, JudgingEmotion> Emotions);

/// <param name="Ratings">Parseable verdicts stored (every repeat).</param>
/// <param name="Unparseable">Verdicts whose answer named no rating, or more than one different rating.</param>
/// <param name="Pairs">Counted human ratings of a reply paired with the judge's first parseable verdict on it.</param>
/// <param name="Kappa">Quadratic-weighted Cohen's kappa over the pairs (human first, judge second).</param>
/// <param name="KappaCi">95% percentile bootstrap over replies, fixed seed.</param>
/// <param name="ExactAgreement">Share of pairs where the judge said what the person said.</param>
/// <param name="GoodRates">The judge's Good rate per reply source (first parseable verdicts).</param>
/// <param name="RankCorrelation">Spearman's rho between the judge's and people's Good rates across sources; null below 3 sources.</param>
/// <param name="SelfPreference">(Judge minus people Good rate on the judge's own model's replies) minus (the same on the others'); null without SelfContender.</param>
/// <param name="TestRetestKappa">Quadratic-weighted kappa between the judge's first and second verdicts on the same replies.</param>
public sealed record JudgeSummary(
    [property: JsonPropertyName("ratings")] long Ratings,
    [property: JsonPropertyName("unparseable")] long Unparseable,
    [property: JsonPropertyName("pairs")] long Pairs,
    [property: JsonPropertyName("kappa")] double? Kappa,
    [property: JsonPropertyName("kappaCi")] double[]? KappaCi,
    [property: JsonPropertyName("exactAgreement")] double? ExactAgreement,
    [property: JsonPropertyName("goodRates")] IReadOnlyDictionary<string, double> GoodRates,
    [property: JsonPropertyName("rankCorrelation")] double? RankCorrelation,
    [property: JsonPropertyName("selfPreference")] double? SelfPreference,
    [property: JsonPropertyName("testRetestKappa")] double? TestRetestKappa)
{
    /// <summary>People's Good rate per source over the same replies the judge rated (the other side of <see cref="RankCorrelation"/>).</summary>
    [JsonPropertyName("peopleGoodRates")]
    public IReadOnlyDictionary<string, double> PeopleGoodRates { get; init; } = new Dictionary<string, double>();

    /// <summary>Parseable verdicts on pairs of replies (every order and repeat); see <see cref="PairwiseJudging"/>.</summary>
    [JsonPropertyName("pairwiseVerdicts")]
    public long PairwiseVerdicts { get; init; }

    /// <summary>Pairwise answers naming no choice, or two different ones: stored raw and counted here.</summary>
    [JsonPropertyName("pairwiseUnparseable")]
    public long PairwiseUnparseable { get; init; }

    /// <summary>Share of decisive pairwise verdicts won by the reply shown first, both orders; null without any.</summary>
    [JsonPropertyName("positionBias")]
    public double? PositionBias { get; init; }

    /// <summary>Share of pairs with the same verdict in both orders (the swapped one mapped back); null without any pair asked both ways.</summary>
    [JsonPropertyName("orderConsistency")]
    public double? OrderConsistency { get; init; }

    /// <summary>Share of people's counted battles whose outcome the judge's first A|B verdict on that pair matches; null without any.</summary>
    [JsonPropertyName("pairwiseAgreement")]
    public double? PairwiseAgreement { get; init; }
}

public sealed record JudgingEmotion(
    [property: JsonPropertyName("judges")] IReadOnlyDictionary<string, JudgeEmotionSummary> Judges);

/// <param name="Kappa">Null below <see cref="JudgingAnalysis.MinEmotionPairs"/> pairs.</param>
public sealed record JudgeEmotionSummary(
    [property: JsonPropertyName("pairs")] long Pairs,
    [property: JsonPropertyName("kappa")] double? Kappa);
