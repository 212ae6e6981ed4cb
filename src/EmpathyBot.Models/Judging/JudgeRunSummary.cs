namespace EmpathyBot.Models.Judging;

/// <param name="JudgeId">Null: every configured judge.</param>
/// <param name="Limit">At most this many replies per judge.</param>
/// <param name="Repeats">Verdicts wanted per reply; null: the judge's Repeats.</param>
public sealed record JudgeRunRequest(string? JudgeId = null, int? Limit = null, int? Repeats = null);

/// <param name="Cached">Verdicts that already existed, so nothing was asked.</param>
public sealed record JudgeRunPart(string JudgeId, int Rated, int Unparseable, int Cached, int Failed);

public sealed record JudgeRunSummary(IReadOnlyList<JudgeRunPart> Judges)
{
    public int Rated => Judges.Sum(j => j.Rated);

    public int Unparseable => Judges.Sum(j => j.Unparseable);

    public int Cached => Judges.Sum(j => j.Cached);

    public int Failed => Judges.Sum(j => j.Failed);

    /// <summary>The closing line of <c>empathybot judge run</c>.</summary>
    public string FinalLine => $"rated {Rated}, unparseable {Unparseable}, cached {Cached}, failed {Failed}";
}
