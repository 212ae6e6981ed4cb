namespace EmpathyBot.Core.Ports;

public sealed record ForgetResult(int Replies, int Ratings, bool Consent);

public interface IParticipantStore
{
    Task RecordConsentAsync(string participant, DateTimeOffset at, CancellationToken ct = default);

    Task<DateTimeOffset?> GetConsentAsync(string participant, CancellationToken ct = default);

    /// <summary>Deletes every record of the participant (replies, their ratings, consent, state) and corrects the counters.</summary>
    Task<ForgetResult> ForgetAsync(string participant, CancellationToken ct = default);
}
