namespace EmpathyBot.Models.Configuration;

/// <summary>
/// One entry of the <c>Judges</c> array: the same fields as a contender (same connectors, retry policy and gates),
/// with Temperature 0 by default, plus how often each reply is judged and which contender is the judge's own model.
/// </summary>
public sealed class JudgeOptions : ContenderOptions
{
    public JudgeOptions() => Temperature = 0;

    /// <summary>Verdicts per reply; from 2 up the summary shows the judge's test-retest kappa.</summary>
    public int Repeats { get; set; } = 1;

    /// <summary>The contender Id whose replies come from the judge's own model (for its self-preference); null when none.</summary>
    public string? SelfContender { get; set; }
}
