using EmpathyBot.Core.Understanding;
using EmpathyBot.Storage.Abstractions;

namespace EmpathyBot.Storage.Events;

// Quiz answers change no rating counters, so they pass straight through without events.
public sealed partial class PublishingStudyStore
{
    public Task<bool> AddUnderstandingAnswerAsync(UnderstandingAnswer answer, CancellationToken ct = default) => inner.AddUnderstandingAnswerAsync(answer, ct);

    public Task<IReadOnlyList<UnderstandingItemStats>> GetUnderstandingItemStatsAsync(string set, CancellationToken ct = default) =>
        inner.GetUnderstandingItemStatsAsync(set, ct);

    public Task<IReadOnlyList<UnderstandingAnswer>> GetUnderstandingAnswersAsync(string set, string source, CancellationToken ct = default) =>
        inner.GetUnderstandingAnswersAsync(set, source, ct);

    public Task<bool> AddUnderstandingTestAsync(UnderstandingTest test, CancellationToken ct = default) => inner.AddUnderstandingTestAsync(test, ct);

    public Task<IReadOnlyList<UnderstandingTestCell>> GetUnderstandingTestCellsAsync(CancellationToken ct = default) => inner.GetUnderstandingTestCellsAsync(ct);

    public Task<IReadOnlyList<double>> GetUnderstandingScoresAsync(string set, string source, CancellationToken ct = default) =>
        inner.GetUnderstandingScoresAsync(set, source, ct);

    public Task SaveUnderstandingSetAsync(string name, string json, CancellationToken ct = default) => inner.SaveUnderstandingSetAsync(name, json, ct);

    public Task<string?> GetUnderstandingSetAsync(string name, CancellationToken ct = default) => inner.GetUnderstandingSetAsync(name, ct);

    public Task<IReadOnlyList<string>> GetUnderstandingSetNamesAsync(CancellationToken ct = default) => inner.GetUnderstandingSetNamesAsync(ct);
}
