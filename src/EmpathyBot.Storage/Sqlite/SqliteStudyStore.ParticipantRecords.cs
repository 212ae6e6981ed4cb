using EmpathyBot.Core.Appraisal;
using EmpathyBot.Core.Ports;
using EmpathyBot.Core.Study;
using Microsoft.Data.Sqlite;

namespace EmpathyBot.Storage.Sqlite;

//   participant_records(participant PK, channel, external_id, study_id, session_id, completed_at, completion_code)
// Written at consent and deleted by ForgetAsync with the consent; read joined to consents so a record never
// outlives its consent in an export.
public sealed partial class SqliteStudyStore
{
    private static void MigrateParticipantRecords(SqliteConnection connection, SqliteTransaction tx) => Execute(connection, """
        CREATE TABLE IF NOT EXISTS participant_records (
            participant TEXT NOT NULL PRIMARY KEY,
            channel TEXT NOT NULL,
            external_id TEXT NULL,
            study_id TEXT NULL,
            session_id TEXT NULL,
            completed_at INTEGER NULL,
            completion_code TEXT NULL
        ) WITHOUT ROWID;
        """, tx);

    private const string RecordColumns = """
        c.participant, coalesce(p.channel, ''), c.at, p.external_id, p.study_id, p.session_id, p.completed_at, p.completion_code
        FROM consents c LEFT JOIN participant_records p ON p.participant = c.participant
        """;

    public Task RecordEnrolmentAsync(string participant, string channel, ExternalIds ids, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(participant);
        return Write((c, tx) => Execute(c, """
            INSERT INTO participant_records (participant, channel, external_id, study_id, session_id) VALUES ($p, $ch, $x, $s, $se)
            ON CONFLICT (participant) DO UPDATE SET channel = excluded.channel, external_id = excluded.external_id,
                study_id = excluded.study_id, session_id = excluded.session_id;
            """, tx, ("$p", participant), ("$ch", channel), ("$x", ids.ParticipantId), ("$s", ids.StudyId), ("$se", ids.SessionId)), ct);
    }

    public Task<bool> RecordCompletionAsync(string participant, DateTimeOffset at, string code, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(participant);
        return Write((c, tx) =>
        {
            Execute(c, "INSERT INTO participant_records (participant, channel) VALUES ($p, '') ON CONFLICT (participant) DO NOTHING;", tx, ("$p", participant));
            return Execute(c, "UPDATE participant_records SET completed_at = $at, completion_code = $code WHERE participant = $p AND completed_at IS NULL;",
                tx, ("$p", participant), ("$at", at.UtcTicks), ("$code", code)) > 0;
        }, ct);
    }

    public Task<ParticipantRecord?> GetParticipantRecordAsync(string participant, CancellationToken ct = default) => Lookup(c =>
        Query(c, $"SELECT {RecordColumns} WHERE c.participant = $p;", ReadRecord, null, ("$p", participant)).FirstOrDefault(), ct);

    public IAsyncEnumerable<ParticipantRecord> ExportParticipantRecordsAsync(CancellationToken ct = default) =>
        Stream($"SELECT {RecordColumns} ORDER BY c.participant;", ReadRecord, ct);

    private static ParticipantRecord ReadRecord(SqliteDataReader r) => new(
        r.GetString(0), r.GetString(1), FromTicks(r.GetInt64(2)),
        new ExternalIds(NullableString(r, 3), NullableString(r, 4), NullableString(r, 5)),
        r.IsDBNull(6) ? null : FromTicks(r.GetInt64(6)), NullableString(r, 7));

    public Task<ParticipantActivity> GetActivityAsync(string participant, CancellationToken ct = default) => Lookup(c =>
    {
        (string, object?) who = ("$p", participant);
        int Count(string sql) => Convert.ToInt32(Scalar(c, sql, null, who));
        return new ParticipantActivity(
            Replies: Count($"SELECT count(*) FROM replies WHERE author = $p AND source = '{Sources.Human}';"),
            // Pair cards count like rating cards; a gold pair card is already counted among the attention checks.
            Ratings: Count("""
                SELECT (SELECT count(*) FROM ratings WHERE rater = $p) + (SELECT count(*) FROM attention_checks WHERE rater = $p)
                    + (SELECT count(*) FROM battles WHERE rater = $p AND gold IS NULL AND winner IS NOT NULL AND offered_at IS NOT NULL);
                """),
            // One quiz stores a test per item set, under ids "<quiz>|<set>".
            Quizzes: Count("SELECT count(DISTINCT substr(id, 1, instr(id, '|') - 1)) FROM understanding_tests WHERE participant = $p;"),
            Appraisals: Count($"SELECT count(*) FROM appraisal_answers WHERE participant = $p AND condition = '{AppraisalConditions.Evoked}';"),
            RaterExcluded: Count("SELECT count(*) FROM rater_quality WHERE rater = $p AND excluded = 1;") > 0);
    }, ct);

    public Task<IReadOnlyList<SourceRatings>> GetRatingsBySourceAsync(string participant, CancellationToken ct = default) => Read(c =>
        (IReadOnlyList<SourceRatings>)Query(c, """
            SELECT r.source, sum(x.value = 3), sum(x.value = 2), sum(x.value = 1)
            FROM ratings x JOIN replies r ON r.id = x.reply_id
            WHERE x.rater = $p GROUP BY r.source ORDER BY r.source;
            """, x => new SourceRatings(x.GetString(0), x.GetInt32(1), x.GetInt32(2), x.GetInt32(3)), null, ("$p", participant)), ct);

    // winner: 0 = A, 1 = B (BattleWinner); a tie or both-bad chooses neither side.
    public Task<IReadOnlyList<SourcePairChoices>> GetPairChoicesBySourceAsync(string participant, CancellationToken ct = default) => Read(c =>
        (IReadOnlyList<SourcePairChoices>)Query(c, """
            SELECT source, count(*), sum(chosen) FROM (
                SELECT source_a AS source, winner = 0 AS chosen FROM battles
                WHERE rater = $p AND gold IS NULL AND winner IS NOT NULL AND offered_at IS NOT NULL
                UNION ALL
                SELECT source_b, winner = 1 FROM battles
                WHERE rater = $p AND gold IS NULL AND winner IS NOT NULL AND offered_at IS NOT NULL)
            GROUP BY source ORDER BY source;
            """, x => new SourcePairChoices(x.GetString(0), x.GetInt32(1), x.GetInt32(2)), null, ("$p", participant)), ct);
}
