namespace EmpathyBot.Core.Ports;

/// <summary>
/// What the study knows of a consented participant besides their answers: the channel they came through, the
/// recruiting panel's ids they arrived with, and when they finished the protocol with which completion code.
/// </summary>
public sealed record ParticipantRecord(
    string Participant,
    string Channel,
    DateTimeOffset ConsentedAt,
    ExternalIds Ids,
    DateTimeOffset? CompletedAt,
    string? CompletionCode);

/// <summary>
/// The recruitment and completion record of each participant. It is written at consent (never before) and deleted
/// with everything else by <see cref="IParticipantStore.ForgetAsync"/>.
/// </summary>
public interface IParticipantRecordStore
{
    /// <summary>Keeps the channel and panel ids of a participant who has just consented; a later call replaces them.</summary>
    Task RecordEnrolmentAsync(string participant, string channel, ExternalIds ids, CancellationToken ct = default);

    /// <summary>Marks the participant as finished; the first completion stands, so the time is when they first got the code. False when they had already finished.</summary>
    Task<bool> RecordCompletionAsync(string participant, DateTimeOffset at, string code, CancellationToken ct = default);

    /// <summary>The participant's record, or null when they have not consented.</summary>
    Task<ParticipantRecord?> GetParticipantRecordAsync(string participant, CancellationToken ct = default);

    /// <summary>One record per consented participant, ordered by participant key.</summary>
    IAsyncEnumerable<ParticipantRecord> ExportParticipantRecordsAsync(CancellationToken ct = default);
}
