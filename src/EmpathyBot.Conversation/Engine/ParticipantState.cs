using System.Text.Json.Serialization;

namespace EmpathyBot.Conversation.Engine;

/// <summary>What the engine waits for from a participant between turns.</summary>
/// <param name="Understanding">An open quiz; stored state keeps its earlier name, Quiz, so open quizzes survive an upgrade.</param>
public sealed record ParticipantState(
    string? AwaitingReplyTo = null,
    AppraisalProgress? Appraisal = null,
    [property: JsonPropertyName("Quiz")] UnderstandingProgress? Understanding = null)
{
    public static ParticipantState Idle { get; } = new();
}
