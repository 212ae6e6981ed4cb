// Appraisal tables, created with IF NOT EXISTS so they join existing databases of any schema version:
//   appraisal_answers(id PK, source, participant, condition, emotion, factor, situation_set, situation_id, pa, na, items, at)
//                                                        ix (participant) WHERE participant IS NOT NULL
//   appraisal_counters(source, emotion, factor, condition, n, pa_sum, pa_sq, na_sum, na_sq)   PK (source, emotion, factor, condition)
//   appraisal_sets(name PK, json, updated_at)
//   appraisal_people(source, emotion, factor, condition, participant)                      PK (all five); ix (participant)
// appraisal_counters = per group: count, sums and sums of squares of PA and NA, kept in the answer's transaction.
// appraisal_people = who answered in each group, so a group's distinct people are counted (Privacy:MinGroupSize).
using System.Text.Json;
using EmpathyBot.Core.Appraisal;
using EmpathyBot.Core.Ports;
using EmpathyBot.Storage.Validation;
using Microsoft.Data.Sqlite;

namespace EmpathyBot.Storage.Sqlite;

public sealed partial class SqliteStudyStore
{
    private static void MigrateAppraisal(SqliteConnection connection, SqliteTransaction tx)
    {
        var fresh = Scalar(connection, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'appraisal_people';", tx) is null;
        Execute(connection, AppraisalSchema, tx);
        if (fresh)
        {
            Execute(connection, """
                INSERT OR IGNORE INTO appraisal_people (source, emotion, factor, condition, participant)
                SELECT DISTINCT source, emotion, factor, condition, participant FROM appraisal_answers WHERE participant IS NOT NULL;
                """, tx);
        }
    }

    private const string AppraisalSchema = """
        CREATE TABLE IF NOT EXISTS appraisal_answers (
            id TEXT NOT NULL PRIMARY KEY,
            source TEXT NOT NULL,
            participant TEXT NULL,
            condition TEXT NOT NULL,
            emotion TEXT NOT NULL,
            factor TEXT NOT NULL,
            situation_set TEXT NULL,
            situation_id TEXT NULL,
            pa INTEGER NOT NULL,
            na INTEGER NOT NULL,
            items TEXT NOT NULL,
            at INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_appraisal_participant ON appraisal_answers (participant) WHERE participant IS NOT NULL;
        CREATE TABLE IF NOT EXISTS appraisal_counters (
            source TEXT NOT NULL,
            emotion TEXT NOT NULL,
            factor TEXT NOT NULL,
            condition TEXT NOT NULL,
            n INTEGER NOT NULL DEFAULT 0,
            pa_sum INTEGER NOT NULL DEFAULT 0,
            pa_sq INTEGER NOT NULL DEFAULT 0,
            na_sum INTEGER NOT NULL DEFAULT 0,
            na_sq INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (source, emotion, factor, condition)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS appraisal_sets (
            name TEXT NOT NULL PRIMARY KEY,
            json TEXT NOT NULL,
            updated_at INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS appraisal_people (
            source TEXT NOT NULL,
            emotion TEXT NOT NULL,
            factor TEXT NOT NULL,
            condition TEXT NOT NULL,
            participant TEXT NOT NULL,
            PRIMARY KEY (source, emotion, factor, condition, participant)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS ix_appraisal_people_participant ON appraisal_people (participant);
        """;

    public Task<bool> AddAppraisalAnswerAsync(AppraisalAnswer answer, CancellationToken ct = default)
    {
        AppraisalAnswerRules.Validate(answer);
        return Write((c, tx) =>
        {
            var inserted = Execute(c, """
                INSERT INTO appraisal_answers (id, source, participant, condition, emotion, factor, situation_set, situation_id, pa, na, items, at)
                VALUES ($id, $source, $participant, $condition, $emotion, $factor, $set, $situation, $pa, $na, $items, $at)
                ON CONFLICT (id) DO NOTHING;
                """, tx, ("$id", answer.Id), ("$source", answer.Source), ("$participant", answer.Participant),
                ("$condition", answer.Condition), ("$emotion", answer.Emotion), ("$factor", answer.Factor),
                ("$set", answer.SituationSet), ("$situation", answer.SituationId), ("$pa", answer.Score.Pa), ("$na", answer.Score.Na),
                ("$items", JsonSerializer.Serialize(answer.Items)), ("$at", answer.At.UtcTicks));
            if (inserted == 0) return false;
            Execute(c, """
                INSERT INTO appraisal_counters (source, emotion, factor, condition, n, pa_sum, pa_sq, na_sum, na_sq)
                VALUES ($source, $emotion, $factor, $condition, 1, $pa, $pa * $pa, $na, $na * $na)
                ON CONFLICT (source, emotion, factor, condition) DO UPDATE SET n = n + 1,
                    pa_sum = pa_sum + excluded.pa_sum, pa_sq = pa_sq + excluded.pa_sq,
                    na_sum = na_sum + excluded.na_sum, na_sq = na_sq + excluded.na_sq;
                """, tx, ("$source", answer.Source), ("$emotion", answer.Emotion), ("$factor", answer.Factor),
                ("$condition", answer.Condition), ("$pa", answer.Score.Pa), ("$na", answer.Score.Na));
            if (answer.Participant is not null)
            {
                Execute(c, """
                    INSERT INTO appraisal_people (source, emotion, factor, condition, participant)
                    VALUES ($source, $emotion, $factor, $condition, $participant) ON CONFLICT DO NOTHING;
                    """, tx, ("$source", answer.Source), ("$emotion", answer.Emotion), ("$factor", answer.Factor),
                    ("$condition", answer.Condition), ("$participant", answer.Participant));
            }

            return true;
        }, ct);
    }

    public Task<IReadOnlyList<AppraisalCell>> GetAppraisalCellsAsync(CancellationToken ct = default) => Read<IReadOnlyList<AppraisalCell>>(c =>
        Query(c, """
            SELECT c.source, c.emotion, c.factor, c.condition, c.n, c.pa_sum, c.pa_sq, c.na_sum, c.na_sq, coalesce(p.people, 0)
            FROM appraisal_counters c
            LEFT JOIN (SELECT source, emotion, factor, condition, count(*) AS people FROM appraisal_people
                       GROUP BY source, emotion, factor, condition) p
              ON p.source = c.source AND p.emotion = c.emotion AND p.factor = c.factor AND p.condition = c.condition
            WHERE c.n > 0 ORDER BY c.source, c.emotion, c.factor, c.condition;
            """,
            r => new AppraisalCell(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3),
                new AppraisalMoments(r.GetInt64(4), r.GetInt64(5), r.GetInt64(6), r.GetInt64(7), r.GetInt64(8))) { People = r.GetInt64(9) }), ct);

    public Task<IReadOnlyList<AppraisalAnswer>> GetAppraisalAnswersAsync(string participant, CancellationToken ct = default) =>
        Read<IReadOnlyList<AppraisalAnswer>>(c => Query(c, """
            SELECT id, source, participant, condition, emotion, factor, situation_set, situation_id, pa, na, items, at
            FROM appraisal_answers WHERE participant = $p ORDER BY at, id;
            """,
            r => new AppraisalAnswer(r.GetString(0), r.GetString(1), NullableString(r, 2), r.GetString(3), r.GetString(4), r.GetString(5),
                NullableString(r, 6), NullableString(r, 7), new PanasScore(r.GetInt32(8), r.GetInt32(9)),
                JsonSerializer.Deserialize<int[]>(r.GetString(10)) ?? [], FromTicks(r.GetInt64(11))),
            null, ("$p", participant)), ct);

    /// <summary>Called inside <see cref="ForgetAsync"/>, so withdrawal removes appraisal answers in the same transaction.</summary>
    private static int ForgetAppraisal(SqliteConnection c, SqliteTransaction tx, string participant)
    {
        Execute(c, """
            UPDATE appraisal_counters SET n = appraisal_counters.n - d.n, pa_sum = appraisal_counters.pa_sum - d.pa,
                pa_sq = appraisal_counters.pa_sq - d.pa2, na_sum = appraisal_counters.na_sum - d.na, na_sq = appraisal_counters.na_sq - d.na2
            FROM (
                SELECT source, emotion, factor, condition, count(*) AS n, sum(pa) AS pa, sum(pa * pa) AS pa2, sum(na) AS na, sum(na * na) AS na2
                FROM appraisal_answers WHERE participant = $p GROUP BY source, emotion, factor, condition
            ) d
            WHERE appraisal_counters.source = d.source AND appraisal_counters.emotion = d.emotion
              AND appraisal_counters.factor = d.factor AND appraisal_counters.condition = d.condition;
            """, tx, ("$p", participant));
        Execute(c, "DELETE FROM appraisal_people WHERE participant = $p;", tx, ("$p", participant));
        var deleted = Execute(c, "DELETE FROM appraisal_answers WHERE participant = $p;", tx, ("$p", participant));
        if (deleted > 0) CountWithdrawal(c, tx);
        return deleted;
    }

    public Task SaveSituationSetAsync(string name, string json, CancellationToken ct = default) => SaveNamedSet("appraisal_sets", name, json, ct);

    public Task<string?> GetSituationSetAsync(string name, CancellationToken ct = default) => GetNamedSet("appraisal_sets", name, ct);

    public Task<IReadOnlyList<string>> GetSituationSetNamesAsync(CancellationToken ct = default) => GetNamedSetNames("appraisal_sets", ct);
}
