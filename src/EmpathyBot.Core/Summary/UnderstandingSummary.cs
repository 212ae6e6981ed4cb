using System.Text.Json.Serialization;

namespace EmpathyBot.Core.Summary;

/// <summary>The <c>understanding</c> section of the summary: per item set, people and each contender.</summary>
/// <param name="MinNorm">People needed before an item's consensus and a set's norm come from people (Understanding:MinNorm).</param>
public sealed record UnderstandingSummary(
    [property: JsonPropertyName("minNorm")] int MinNorm,
    [property: JsonPropertyName("sets")] IReadOnlyDictionary<string, UnderstandingSetSummary> Sets)
{
    /// <summary>People's figures of a set (mean, SD, people's norm, percentiles and pattern r against people) need this many distinct people (Privacy:MinGroupSize).</summary>
    [JsonPropertyName("minGroupSize")]
    public int MinGroupSize { get; init; }
}

/// <param name="Kind">"allocation" (SECEU) or "intensity" (EQ-Bench).</param>
/// <param name="Measure">"seceu" (mean distance to the standard, lower is better) or "eqbench" (v2 fullscale 0-100, higher is better).</param>
/// <param name="Norm">What EQ is computed against; null while an intensity set has fewer than MinNorm people.</param>
public sealed record UnderstandingSetSummary(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("measure")] string Measure,
    [property: JsonPropertyName("higherIsBetter")] bool HigherIsBetter,
    [property: JsonPropertyName("items")] int Items,
    [property: JsonPropertyName("provisional")] bool Provisional,
    [property: JsonPropertyName("norm")] UnderstandingNorm? Norm,
    [property: JsonPropertyName("humans")] UnderstandingHumans Humans,
    [property: JsonPropertyName("contenders")] IReadOnlyDictionary<string, UnderstandingContenderSummary> Contenders);

/// <param name="Source">"people" (at least MinNorm tests), "imported" (the set's own norm) or "published" (SECEU's N = 541).</param>
public sealed record UnderstandingNorm(
    [property: JsonPropertyName("mean")] double Mean,
    [property: JsonPropertyName("sd")] double Sd,
    [property: JsonPropertyName("source")] string Source);

/// <summary>People's completed tests on the set (a quiz counts once per set it drew items from).</summary>
public sealed record UnderstandingHumans(
    [property: JsonPropertyName("n")] long N,
    [property: JsonPropertyName("mean")] double? Mean,
    [property: JsonPropertyName("sd")] double? Sd)
{
    /// <summary>Distinct people behind the tests.</summary>
    [JsonPropertyName("people")]
    public long People { get; init; }

    /// <summary>True while fewer than minGroupSize people took the set: mean and SD are null, and nothing else is computed from their scores.</summary>
    [JsonPropertyName("withheld")]
    public bool Withheld { get; init; }
}

/// <param name="Percentile">Share (0-100) of people's tests that scored worse; null without people (or while they are withheld) and without a norm sample.</param>
/// <param name="PatternR">Pearson r of the contender's item scores with people's mean item scores (the template).</param>
public sealed record UnderstandingContenderSummary(
    [property: JsonPropertyName("items")] long Items,
    [property: JsonPropertyName("score")] double? Score,
    [property: JsonPropertyName("eq")] double? Eq,
    [property: JsonPropertyName("percentile")] double? Percentile,
    [property: JsonPropertyName("patternR")] double? PatternR);
