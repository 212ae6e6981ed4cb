using EmpathyBot.Core.Understanding;

namespace EmpathyBot.Core.Ports;

/// <summary>One answer to one understanding item, by a person or a contender.</summary>
/// <param name="Participant">The participant key for people; null for contenders.</param>
/// <param name="Values">The four points (allocation) or ratings (intensity) in option order; empty when a contender gave no usable answer.</param>
/// <param name="Score">Distance to the standard (allocation) or EQ-Bench question score (intensity); null when not scoreable.</param>
public sealed record UnderstandingAnswer(
    string Id,
    string Source,
    string? Participant,
    string Set,
    string ItemId,
    IReadOnlyList<double> Values,
    double? Score,
    DateTimeOffset At);

/// <summary>A completed test on one set: a person's quiz items from that set, or a contender's run over the set.</summary>
public sealed record UnderstandingTest(string Id, string Source, string? Participant, string Set, int Items, double Score, DateTimeOffset At);

/// <summary>Emotion-understanding items: item sets, answers with running per-item sums, and test scores with running moments.</summary>
public interface IUnderstandingStore
{
    /// <summary>Every answer of every set and source, ordered by id, streamed for the full export.</summary>
    IAsyncEnumerable<UnderstandingAnswer> ExportUnderstandingAnswersAsync(CancellationToken ct = default);

    /// <summary>Every completed test, ordered by id, streamed for the full export.</summary>
    IAsyncEnumerable<UnderstandingTest> ExportUnderstandingTestsAsync(CancellationToken ct = default);

    /// <summary>Stores an answer and adds it to its (set, source, item) sums in the same write; false when the id exists.</summary>
    Task<bool> AddUnderstandingAnswerAsync(UnderstandingAnswer answer, CancellationToken ct = default);

    /// <summary>The per-(source, item) sums of one set. Never scans answers.</summary>
    Task<IReadOnlyList<UnderstandingItemStats>> GetUnderstandingItemStatsAsync(string set, CancellationToken ct = default);

    /// <summary>One source's answers in one set (a contender run resumes from them).</summary>
    Task<IReadOnlyList<UnderstandingAnswer>> GetUnderstandingAnswersAsync(string set, string source, CancellationToken ct = default);

    /// <summary>Stores a test and adds it to its (set, source) count, sum and sum of squares; false when the id exists.</summary>
    Task<bool> AddUnderstandingTestAsync(UnderstandingTest test, CancellationToken ct = default);

    /// <summary>Test moments per (set, source). Never scans tests.</summary>
    Task<IReadOnlyList<UnderstandingTestCell>> GetUnderstandingTestCellsAsync(CancellationToken ct = default);

    /// <summary>Every test score of one source on one set (the sample empirical percentiles are read against).</summary>
    Task<IReadOnlyList<double>> GetUnderstandingScoresAsync(string set, string source, CancellationToken ct = default);

    /// <summary>Adds or replaces a named item set (<see cref="UnderstandingSet.ToJson"/>).</summary>
    Task SaveUnderstandingSetAsync(string name, string json, CancellationToken ct = default);

    Task<string?> GetUnderstandingSetAsync(string name, CancellationToken ct = default);

    Task<IReadOnlyList<string>> GetUnderstandingSetNamesAsync(CancellationToken ct = default);
}
