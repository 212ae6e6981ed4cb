using EmpathyBot.Core.Appraisal;

namespace EmpathyBot.Core.Ports;

/// <summary>
/// One completed PANAS: who answered (a participant, or a contender run), under which condition and
/// situation, the 20 item answers in the standard order and their PA/NA sums.
/// </summary>
/// <param name="Participant">The participant key for people; null for contenders.</param>
/// <param name="Emotion">The situation's emotion; empty for a default answer that belongs to no situation.</param>
public sealed record AppraisalAnswer(
    string Id,
    string Source,
    string? Participant,
    string Condition,
    string Emotion,
    string Factor,
    string? SituationSet,
    string? SituationId,
    PanasScore Score,
    IReadOnlyList<int> Items,
    DateTimeOffset At);

public interface IAppraisalStore
{
    /// <summary>Every answer set, of people and contenders, ordered by id, streamed for the full export.</summary>
    IAsyncEnumerable<AppraisalAnswer> ExportAppraisalAnswersAsync(CancellationToken ct = default);

    /// <summary>Stores an answer set and bumps its (source, emotion, factor, condition) counters in the same write; false when the id exists.</summary>
    Task<bool> AddAppraisalAnswerAsync(AppraisalAnswer answer, CancellationToken ct = default);

    /// <summary>The counter table: one row per (source, emotion, factor, condition). Never scans answers.</summary>
    Task<IReadOnlyList<AppraisalCell>> GetAppraisalCellsAsync(CancellationToken ct = default);

    /// <summary>Every stored answer set of one participant (for their own view and for tests).</summary>
    Task<IReadOnlyList<AppraisalAnswer>> GetAppraisalAnswersAsync(string participant, CancellationToken ct = default);

    /// <summary>Adds or replaces a named situation set (EmotionBench's situations.json shape).</summary>
    Task SaveSituationSetAsync(string name, string json, CancellationToken ct = default);

    Task<string?> GetSituationSetAsync(string name, CancellationToken ct = default);

    Task<IReadOnlyList<string>> GetSituationSetNamesAsync(CancellationToken ct = default);
}
