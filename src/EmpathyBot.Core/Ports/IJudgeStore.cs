using EmpathyBot.Core.Judging;

namespace EmpathyBot.Core.Ports;

/// <summary>
/// LLM judges' verdicts on replies, kept apart from human ratings so no count, offer or summary figure of people
/// ever includes them. A reply's verdicts go with the reply when it is deleted.
/// </summary>
public interface IJudgeStore
{
    /// <summary>Stores a verdict; false (nothing changed) when the judge already has one for that reply and repeat, or the reply is gone.</summary>
    Task<bool> AddVerdictAsync(JudgeVerdict verdict, CancellationToken ct = default);

    /// <summary>Every verdict on one reply, ordered by judge then repeat.</summary>
    Task<IReadOnlyList<JudgeVerdict>> GetVerdictsAsync(string replyId, CancellationToken ct = default);

    /// <summary>Which (reply, repeat) verdicts <paramref name="judge"/> already has, so a run asks only for what is missing.</summary>
    Task<IReadOnlySet<VerdictKey>> GetVerdictKeysAsync(string judge, CancellationToken ct = default);

    /// <summary>Every verdict, ordered by reply, judge and repeat, streamed for the export.</summary>
    IAsyncEnumerable<JudgeVerdict> ExportVerdictsAsync(CancellationToken ct = default);

    /// <summary>Every verdict with its reply's source, emotion and counted human ratings: the judging summary's input.</summary>
    Task<IReadOnlyList<JudgedReplyRow>> GetJudgedRepliesAsync(CancellationToken ct = default);
}
