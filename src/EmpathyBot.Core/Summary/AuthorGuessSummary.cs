using System.Text.Json.Serialization;

namespace EmpathyBot.Core.Summary;

/// <summary>How well raters told who wrote a source's replies, and how they rated what they believed an AI wrote.</summary>
/// <param name="Guesses">Counted guesses ("Not sure" included).</param>
/// <param name="Correct">Guesses that named the true author: a person for people's replies, an AI for any contender's.</param>
/// <param name="Accuracy">Correct / guesses; "Not sure" is a guess that is not correct.</param>
/// <param name="AccuracyCi">Wilson 95% interval of the accuracy.</param>
/// <param name="GoodRateWhenGuessedAi">Share of Good ratings among the replies the rater then guessed an AI wrote; null without such guesses.</param>
/// <param name="GoodRateWhenGuessedPerson">The same for replies guessed to be a person's.</param>
public sealed record AuthorGuessSummary(
    [property: JsonPropertyName("guesses")] long Guesses,
    [property: JsonPropertyName("correct")] long Correct,
    [property: JsonPropertyName("accuracy")] double? Accuracy,
    [property: JsonPropertyName("accuracyCi")] double[]? AccuracyCi,
    [property: JsonPropertyName("goodRateWhenGuessedAi")] double? GoodRateWhenGuessedAi,
    [property: JsonPropertyName("goodRateWhenGuessedPerson")] double? GoodRateWhenGuessedPerson)
{
    /// <summary>Guesses that were "Not sure".</summary>
    [JsonPropertyName("notSure")]
    public long NotSure { get; init; }
}
