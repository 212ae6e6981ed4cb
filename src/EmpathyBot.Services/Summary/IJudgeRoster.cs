namespace EmpathyBot.Services.Summary;

/// <summary>The configured LLM judges as the summary needs them: each judge's own-model contender, if any.</summary>
public interface IJudgeRoster
{
    /// <summary>Judge Id to the contender Id of its own model (null when it has none); empty when no judge is configured.</summary>
    IReadOnlyDictionary<string, string?> SelfContenders { get; }
}

/// <summary>The roster when the models layer is not composed (no judges).</summary>
public sealed class NoJudges : IJudgeRoster
{
    public IReadOnlyDictionary<string, string?> SelfContenders { get; } = new Dictionary<string, string?>();
}
