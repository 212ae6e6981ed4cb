using System.Globalization;
using EmpathyBot.Core.Ports;

namespace EmpathyBot.Core.Interchange;

/// <summary>One row per consented participant: who they are to the study and to the recruiting panel, and when they agreed and finished.</summary>
public static class ParticipantsCsv
{
    public static IReadOnlyList<string> Header { get; } =
        ["participant", "channel", "external_id", "study_id", "session_id", "consented_at", "completed_at", "completion_code"];

    public static IEnumerable<string?> Row(ParticipantRecord r) =>
    [
        r.Participant, r.Channel, r.Ids.ParticipantId, r.Ids.StudyId, r.Ids.SessionId,
        Time(r.ConsentedAt), r.CompletedAt is { } done ? Time(done) : null, r.CompletionCode,
    ];

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
}
