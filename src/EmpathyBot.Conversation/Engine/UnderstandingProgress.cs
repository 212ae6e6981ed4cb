using System.Text.Json.Serialization;

namespace EmpathyBot.Conversation.Engine;

/// <summary>Where a participant is in an emotion-understanding quiz.</summary>
/// <param name="TestId">The id of the test the answers make up (stored state keeps its earlier name, QuizId).</param>
/// <param name="Items">The drawn items, in the order they are shown.</param>
/// <param name="Index">The item awaiting an answer.</param>
/// <param name="Scores">Scores of the answered items (distance or EQ-Bench question score; null when not scoreable).</param>
public sealed record UnderstandingProgress(
    [property: JsonPropertyName("QuizId")] string TestId, IReadOnlyList<UnderstandingItemRef> Items, int Index, IReadOnlyList<double?> Scores);

/// <summary>One drawn item: its set and its id in that set.</summary>
public sealed record UnderstandingItemRef(string Set, string ItemId);
