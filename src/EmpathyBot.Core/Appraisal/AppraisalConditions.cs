namespace EmpathyBot.Core.Appraisal;

/// <summary>The two runs EmotionBench compares: no scenario (default) and after imagining one (evoked).</summary>
public static class AppraisalConditions
{
    public const string Default = "default";
    public const string Evoked = "evoked";

    public static bool IsKnown(string? condition) => condition is Default or Evoked;
}

/// <summary>One counter row: the moments of a (source, emotion, factor, condition) group. Default rows may leave emotion and factor empty.</summary>
public sealed record AppraisalCell(string Source, string Emotion, string Factor, string Condition, AppraisalMoments Moments)
{
    /// <summary>Distinct participants who answered in the group (people only; 0 for contenders), for Privacy:MinGroupSize.</summary>
    public long People { get; init; }
}
