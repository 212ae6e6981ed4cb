using System.Text.Json.Serialization;

namespace EmpathyBot.Core.Summary;

/// <summary>The <c>pairwise</c> section: Bradley-Terry ratings from side-by-side battles, raw and with style control.</summary>
/// <param name="Battles">Battles counted (those of raters excluded by attention checks, and verdicts flagged tooFast, are left out).</param>
/// <param name="Anchor">The source pinned at 1000 ("human"); when people have no battles the mean is at 1000 instead.</param>
/// <param name="Reason">Why the ratings or their intervals are null; null when they exist.</param>
/// <param name="WinRates">Share of battles a (row) won against b (column), a tie or both-bad counting half.</param>
/// <param name="LengthCoefficient">The style-controlled fit's coefficient of the normalised length difference (natural log-odds).</param>
/// <param name="StyleControlledReason">Why the style-controlled ratings are null; null when they exist.</param>
/// <param name="Emotions">Per emotion, each model's battles against people and its win rate (null below <see cref="PairwiseSummaryBuilder.MinEmotionBattles"/>).</param>
public sealed record PairwiseSummary(
    [property: JsonPropertyName("battles")] long Battles,
    [property: JsonPropertyName("anchor")] string Anchor,
    [property: JsonPropertyName("reason")] string? Reason,
    [property: JsonPropertyName("sources")] IReadOnlyDictionary<string, PairwiseSource> Sources,
    [property: JsonPropertyName("winRates")] IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> WinRates,
    [property: JsonPropertyName("styleControlled")] IReadOnlyDictionary<string, StyledRating> StyleControlled,
    [property: JsonPropertyName("lengthCoefficient")] double? LengthCoefficient,
    [property: JsonPropertyName("styleControlledReason")] string? StyleControlledReason,
    [property: JsonPropertyName("emotions")] IReadOnlyDictionary<string, IReadOnlyDictionary<string, EmotionWinRate>> Emotions)
{
    /// <summary>Privacy:MinGroupSize: a per-emotion win rate needs the people's replies in it to come from this many people.</summary>
    [JsonPropertyName("minGroupSize")]
    public int MinGroupSize { get; init; } = 1;
}

/// <param name="Rating">Bradley-Terry rating on the Arena scale; null when the fit does not exist.</param>
/// <param name="Ci">95% bootstrap percentile interval [lower, upper]; null when it could not be computed.</param>
/// <param name="Ties">Ties and both-bad verdicts (each half a win for each side); <see cref="BothBad"/> says how many were both-bad.</param>
/// <param name="Rank">1 + the number of sources whose interval lies wholly above this one's; null without intervals.</param>
public sealed record PairwiseSource(
    [property: JsonPropertyName("rating")] double? Rating,
    [property: JsonPropertyName("ci")] double[]? Ci,
    [property: JsonPropertyName("battles")] long Battles,
    [property: JsonPropertyName("wins")] long Wins,
    [property: JsonPropertyName("losses")] long Losses,
    [property: JsonPropertyName("ties")] long Ties,
    [property: JsonPropertyName("bothBad")] long BothBad,
    [property: JsonPropertyName("rank")] int? Rank);

public sealed record StyledRating(
    [property: JsonPropertyName("rating")] double? Rating,
    [property: JsonPropertyName("ci")] double[]? Ci);

public sealed record EmotionWinRate(
    [property: JsonPropertyName("battles")] long Battles,
    [property: JsonPropertyName("winRate")] double? WinRate)
{
    /// <summary>True when the win rate is left out because the people's replies in it came from fewer than minGroupSize people.</summary>
    [JsonPropertyName("withheld")]
    public bool Withheld { get; init; }
}
