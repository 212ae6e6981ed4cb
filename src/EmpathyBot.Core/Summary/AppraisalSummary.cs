using System.Text.Json.Serialization;

namespace EmpathyBot.Core.Summary;

/// <summary>The <c>appraisal</c> section of the summary: EmotionBench-style PANAS change per source (evoked minus default).</summary>
public sealed record AppraisalSummary(
    [property: JsonPropertyName("alpha")] double Alpha,
    [property: JsonPropertyName("sources")] IReadOnlyDictionary<string, AppraisalSourceSummary> Sources)
{
    /// <summary>
    /// People's groups with fewer distinct people than this (Privacy:MinGroupSize) are left out of every figure and
    /// marked <c>withheld</c>, so no figure, sum or difference shows one person's answers.
    /// </summary>
    [JsonPropertyName("minGroupSize")]
    public int MinGroupSize { get; init; }
}

public sealed record AppraisalSourceSummary(
    [property: JsonPropertyName("default")] AppraisalGroup Default,
    [property: JsonPropertyName("overall")] AppraisalChange Overall,
    [property: JsonPropertyName("emotions")] IReadOnlyDictionary<string, AppraisalEmotionSummary> Emotions);

/// <summary>The default (no situation) answers of one source.</summary>
/// <param name="N">Answers counted in the figures (withheld answers are not).</param>
public sealed record AppraisalGroup(
    [property: JsonPropertyName("n")] long N,
    [property: JsonPropertyName("paMean")] double? PaMean,
    [property: JsonPropertyName("paSd")] double? PaSd,
    [property: JsonPropertyName("naMean")] double? NaMean,
    [property: JsonPropertyName("naSd")] double? NaSd)
{
    /// <summary>True when answers were left out because fewer than minGroupSize people gave them.</summary>
    [JsonPropertyName("withheld")]
    public bool Withheld { get; init; }
}

/// <param name="N">Evoked answers counted in the figures (withheld answers are not).</param>
/// <param name="PaP">Two-sided p of the t test; null when either group has fewer than two answers.</param>
/// <param name="PaMark">"up", "down" or "none" (not significant at alpha, or not testable).</param>
public sealed record AppraisalChange(
    [property: JsonPropertyName("n")] long N,
    [property: JsonPropertyName("paChange")] double? PaChange,
    [property: JsonPropertyName("naChange")] double? NaChange,
    [property: JsonPropertyName("paP")] double? PaP,
    [property: JsonPropertyName("naP")] double? NaP,
    [property: JsonPropertyName("paMark")] string PaMark,
    [property: JsonPropertyName("naMark")] string NaMark)
{
    /// <summary>True when answers (evoked, or the default ones it is compared with) were left out because fewer than minGroupSize people gave them.</summary>
    [JsonPropertyName("withheld")]
    public bool Withheld { get; init; }
}

public sealed record AppraisalEmotionSummary(
    [property: JsonPropertyName("change")] AppraisalChange Change,
    [property: JsonPropertyName("factors")] IReadOnlyDictionary<string, AppraisalChange> Factors);
