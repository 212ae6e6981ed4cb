using EmpathyBot.Core.Ports;

namespace EmpathyBot.Cli.Export;

/// <summary>
/// What each participant did, gathered while the other tables stream past, so the participants table costs no
/// extra pass over the store. Keys are the pseudonymous participant (or imported rater) keys.
/// </summary>
public sealed class ParticipantActivity
{
    public static readonly string[] Kinds =
        ["replies", "ratings", "rating_offers", "attention_checks", "understanding_answers", "understanding_tests", "appraisal_answers", "battles"];

    private readonly SortedDictionary<string, Entry> entries = new(StringComparer.Ordinal);

    public void Consented(string participant, DateTimeOffset at) => Get(participant).ConsentedAt = at;

    /// <summary>Their consent with the channel, panel ids and completion stored with it.</summary>
    public void Enrolled(ParticipantRecord record)
    {
        var entry = Get(record.Participant);
        entry.ConsentedAt = record.ConsentedAt;
        entry.Record = record;
    }

    /// <summary>Counts one record of <paramref name="kind"/> (one of <see cref="Kinds"/>); null participants are contenders.</summary>
    public void Saw(string? participant, string kind, DateTimeOffset? at)
    {
        if (participant is null) return;
        var entry = Get(participant);
        entry.Counts[Array.IndexOf(Kinds, kind)]++;
        if (at is { } time)
        {
            if (entry.FirstActivity is null || time < entry.FirstActivity) entry.FirstActivity = time;
            if (entry.LastActivity is null || time > entry.LastActivity) entry.LastActivity = time;
        }
    }

    public IEnumerable<object?[]> Rows() => entries.Select(e =>
        new object?[] { e.Key, e.Value.ConsentedAt, e.Value.FirstActivity, e.Value.LastActivity }
            .Concat(e.Value.Counts.Select(c => (object?)c))
            .Concat(RecordFields(e.Value.Record)).ToArray());

    private static object?[] RecordFields(ParticipantRecord? r) =>
    [
        r is { Channel.Length: > 0 } ? r.Channel : null, r?.Ids.ParticipantId, r?.Ids.StudyId, r?.Ids.SessionId, r?.CompletedAt, r?.CompletionCode,
    ];

    private Entry Get(string participant)
    {
        if (!entries.TryGetValue(participant, out var entry)) entries[participant] = entry = new Entry();
        return entry;
    }

    private sealed class Entry
    {
        public DateTimeOffset? ConsentedAt { get; set; }
        public DateTimeOffset? FirstActivity { get; set; }
        public DateTimeOffset? LastActivity { get; set; }
        public long[] Counts { get; } = new long[Kinds.Length];
        public ParticipantRecord? Record { get; set; }
    }
}
