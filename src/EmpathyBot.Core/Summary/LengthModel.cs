using System.Text.Json.Serialization;

namespace EmpathyBot.Core.Summary;

/// <summary>
/// The logistic model of Good vs Okay-or-Bad on source (people as the reference) and z-scored ln(words), over
/// every counted rating. When no estimate exists the numbers are null and <see cref="Status"/> and
/// <see cref="Reason"/> say why.
/// </summary>
/// <param name="WordsOddsRatio">Odds ratio of Good per one sample SD of ln(words); null unless fitted.</param>
/// <param name="N">Counted ratings the model is over.</param>
public sealed record LengthModel(
    [property: JsonPropertyName("wordsOddsRatio")] double? WordsOddsRatio,
    [property: JsonPropertyName("n")] long N)
{
    /// <summary>95% Wald interval of <see cref="WordsOddsRatio"/>; null unless fitted.</summary>
    [JsonPropertyName("wordsCi")]
    public double[]? WordsCi { get; init; }

    /// <summary>One of the <see cref="LengthModelStatus"/> names: "fitted" or why there is no estimate.</summary>
    [JsonPropertyName("status")]
    public string Status { get; init; } = LengthModelStatus.Fitted;

    /// <summary>Why the model has no estimate (or which sources it left out); null when there is nothing to say.</summary>
    [JsonPropertyName("reason")]
    public string? Reason { get; init; }
}

/// <summary>A source's odds ratio of Good against people with reply length held constant, its 95% Wald interval and p.</summary>
public sealed record LengthAdjusted(
    [property: JsonPropertyName("oddsRatio")] double OddsRatio,
    [property: JsonPropertyName("ci")] double[] Ci,
    [property: JsonPropertyName("p")] double P);

public static class LengthModelStatus
{
    public const string Fitted = "fitted";
    public const string NoRatings = "noRatings";
    public const string NoPeople = "noPeople";
    public const string Inconsistent = "inconsistent";
    public const string TooFewRatings = "tooFewRatings";
    public const string Singular = "singular";
    public const string Separation = "separation";
    public const string NotConverged = "notConverged";
}
