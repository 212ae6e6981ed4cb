using EmpathyBot.Core.Appraisal;
using EmpathyBot.Storage.Abstractions;

namespace EmpathyBot.Storage.Events;

// Appraisal answers change no rating counters, so they pass straight through without events.
public sealed partial class PublishingStudyStore
{
    public Task<bool> AddAppraisalAnswerAsync(AppraisalAnswer answer, CancellationToken ct = default) => inner.AddAppraisalAnswerAsync(answer, ct);

    public Task<IReadOnlyList<AppraisalCell>> GetAppraisalCellsAsync(CancellationToken ct = default) => inner.GetAppraisalCellsAsync(ct);

    public Task<IReadOnlyList<AppraisalAnswer>> GetAppraisalAnswersAsync(string participant, CancellationToken ct = default) =>
        inner.GetAppraisalAnswersAsync(participant, ct);

    public Task SaveSituationSetAsync(string name, string json, CancellationToken ct = default) => inner.SaveSituationSetAsync(name, json, ct);

    public Task<string?> GetSituationSetAsync(string name, CancellationToken ct = default) => inner.GetSituationSetAsync(name, ct);

    public Task<IReadOnlyList<string>> GetSituationSetNamesAsync(CancellationToken ct = default) => inner.GetSituationSetNamesAsync(ct);
}
