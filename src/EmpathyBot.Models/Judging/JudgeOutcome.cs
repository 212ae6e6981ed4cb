using EmpathyBot.Core.Judging;

namespace EmpathyBot.Models.Judging;

public enum JudgeStatus
{
    /// <summary>A parseable verdict was stored.</summary>
    Rated,

    /// <summary>The answer named no rating (or several); stored with its raw text and counted.</summary>
    Unparseable,

    /// <summary>Nothing stored: the verdict already existed (another writer was first) or the reply is gone.</summary>
    Cached,

    /// <summary>Every attempt failed; nothing stored, logged, and the next run asks again.</summary>
    Failed,
}

public sealed record JudgeOutcome(JudgeStatus Status, JudgeVerdict? Verdict, string? Error, int Attempts);
