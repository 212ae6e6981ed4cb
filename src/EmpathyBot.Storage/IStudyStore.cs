using EmpathyBot.Core.Ports;

namespace EmpathyBot.Storage;

/// <summary>Everything the study keeps. SQLite (embedded) and Redis (scale-out) implement it; one contract test suite runs against both.</summary>
public interface IStudyStore : IPromptStore, IParticipantStore, IReplyStore, IRatingStore, IConversationStateStore, IIdempotencyStore, IAppraisalStore,
    IQualityStore, IUnderstandingStore, IDirectLineStore, IPeopleReleaseStore, ICardTimingStore, IIntegrityStore,
    ISourceAssignmentStore, IParticipantRecordStore, IParticipantActivityStore, IJudgeStore, IBattleStore, IPairVerdictStore
{
    /// <summary>True when the backing database answers.</summary>
    Task<bool> PingAsync(CancellationToken ct = default);
}
