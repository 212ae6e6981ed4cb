// Understanding tables, created with IF NOT EXISTS so they join existing databases of any schema version:
//   understanding_answers(id PK, source, participant, set_name, item_id, vals, score, at)   ix (participant); (set_name, source)
//   understanding_items(set_name, source, item_id, n, v0..v3, scored, score_sum)           PK (set_name, source, item_id)
//   understanding_tests(id PK, source, participant, set_name, items, score, at)            ix (participant); (set_name, source)
//   understanding_cells(set_name, source, n, sum, sumsq)                                   PK (set_name, source)
//   understanding_sets(name PK, json, updated_at)
//   understanding_people(set_name, source, participant)                                   PK (all three); ix (participant)
// understanding_people = who completed a test on each set, so a set's distinct people are counted (Privacy:MinGroupSize).
// understanding_items and understanding_cells are running sums kept in the transaction of the answer / test they count.
using System.Text.Json;
using EmpathyBot.Core.Understanding;
using EmpathyBot.Core.Ports;
using EmpathyBot.Storage.Validation;
using Microsoft.Data.Sqlite;

namespace EmpathyBot.Storage.Sqlite;

public sealed partial class SqliteStudyStore
{
    private static void MigrateUnderstanding(SqliteConnection connection, SqliteTransaction tx)
    {
        var fresh = Scalar(connection, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'understanding_people';", tx) is null;
        Execute(connection, UnderstandingSchema, tx);
        if (fresh)
        {
            Execute(connection, """
                INSERT OR IGNORE INTO understanding_people (set_name, source, participant)
                SELECT DISTINCT set_name, source, participant FROM understanding_tests WHERE participant IS NOT NULL;
                """, tx);
        }
    }

    private const string UnderstandingSchema = """
        CREATE TABLE IF NOT EXISTS understanding_answers (
            id TEXT NOT NULL PRIMARY KEY,
            source TEXT NOT NULL,
            participant TEXT NULL,
            set_name TEXT NOT NULL,
            item_id TEXT NOT NULL,
            vals TEXT NOT NULL,
            score REAL NULL,
            at INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_understanding_answers_participant ON understanding_answers (participant) WHERE participant IS NOT NULL;
        CREATE INDEX IF NOT EXISTS ix_understanding_answers_set ON understanding_answers (set_name, source);
        CREATE TABLE IF NOT EXISTS understanding_items (
            set_name TEXT NOT NULL,
            source TEXT NOT NULL,
            item_id TEXT NOT NULL,
            n INTEGER NOT NULL DEFAULT 0,
            v0 REAL NOT NULL DEFAULT 0,
            v1 REAL NOT NULL DEFAULT 0,
            v2 REAL NOT NULL DEFAULT 0,
            v3 REAL NOT NULL DEFAULT 0,
            scored INTEGER NOT NULL DEFAULT 0,
            score_sum REAL NOT NULL DEFAULT 0,
            PRIMARY KEY (set_name, source, item_id)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS understanding_tests (
            id TEXT NOT NULL PRIMARY KEY,
            source TEXT NOT NULL,
            participant TEXT NULL,
            set_name TEXT NOT NULL,
            items INTEGER NOT NULL,
            score REAL NOT NULL,
            at INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_understanding_tests_participant ON understanding_tests (participant) WHERE participant IS NOT NULL;
        CREATE INDEX IF NOT EXISTS ix_understanding_tests_set ON understanding_tests (set_name, source);
        CREATE TABLE IF NOT EXISTS understanding_cells (
            set_name TEXT NOT NULL,
            source TEXT NOT NULL,
            n INTEGER NOT NULL DEFAULT 0,
            sum REAL NOT NULL DEFAULT 0,
            sumsq REAL NOT NULL DEFAULT 0,
            PRIMARY KEY (set_name, source)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS understanding_sets (
            name TEXT NOT NULL PRIMARY KEY,
            json TEXT NOT NULL,
            updated_at INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS understanding_people (
            set_name TEXT NOT NULL,
            source TEXT NOT NULL,
            participant TEXT NOT NULL,
            PRIMARY KEY (set_name, source, participant)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS ix_understanding_people_participant ON understanding_people (participant);
        """;

    public Task<bool> AddUnderstandingAnswerAsync(UnderstandingAnswer answer, CancellationToken ct = default)
    {
        UnderstandingRules.Validate(answer);
        return Write((c, tx) =>
        {
            var inserted = Execute(c, """
                INSERT INTO understanding_answers (id, source, participant, set_name, item_id, vals, score, at)
                VALUES ($id, $source, $participant, $set, $item, $vals, $score, $at) ON CONFLICT (id) DO NOTHING;
                """, tx, ("$id", answer.Id), ("$source", answer.Source), ("$participant", answer.Participant), ("$set", answer.Set),
                ("$item", answer.ItemId), ("$vals", JsonSerializer.Serialize(answer.Values)), ("$score", answer.Score), ("$at", answer.At.UtcTicks));
            if (inserted == 0) return false;
            BumpItem(c, tx, answer, 1);
            return true;
        }, ct);
    }

    private static void BumpItem(SqliteConnection c, SqliteTransaction tx, UnderstandingAnswer a, int sign)
    {
        var has = a.Values.Count == SeceuScorer.OptionCount;
        double V(int j) => has ? sign * a.Values[j] : 0;
        Execute(c, """
            INSERT INTO understanding_items (set_name, source, item_id, n, v0, v1, v2, v3, scored, score_sum)
            VALUES ($set, $source, $item, $n, $v0, $v1, $v2, $v3, $scored, $score)
            ON CONFLICT (set_name, source, item_id) DO UPDATE SET n = n + excluded.n, v0 = v0 + excluded.v0, v1 = v1 + excluded.v1,
                v2 = v2 + excluded.v2, v3 = v3 + excluded.v3, scored = scored + excluded.scored, score_sum = score_sum + excluded.score_sum;
            """, tx, ("$set", a.Set), ("$source", a.Source), ("$item", a.ItemId), ("$n", has ? sign : 0),
            ("$v0", V(0)), ("$v1", V(1)), ("$v2", V(2)), ("$v3", V(3)),
            ("$scored", a.Score is null ? 0 : sign), ("$score", sign * (a.Score ?? 0)));
    }

    public Task<IReadOnlyList<UnderstandingItemStats>> GetUnderstandingItemStatsAsync(string set, CancellationToken ct = default) =>
        Read<IReadOnlyList<UnderstandingItemStats>>(c => Query(c, """
            SELECT set_name, source, item_id, n, v0, v1, v2, v3, scored, score_sum FROM understanding_items
            WHERE set_name = $set AND (n > 0 OR scored > 0) ORDER BY source, item_id;
            """,
            r => new UnderstandingItemStats(r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt64(3),
                [r.GetDouble(4), r.GetDouble(5), r.GetDouble(6), r.GetDouble(7)], r.GetInt64(8), r.GetDouble(9)),
            null, ("$set", set)), ct);

    public Task<IReadOnlyList<UnderstandingAnswer>> GetUnderstandingAnswersAsync(string set, string source, CancellationToken ct = default) =>
        Read<IReadOnlyList<UnderstandingAnswer>>(c => Query(c, """
            SELECT id, source, participant, set_name, item_id, vals, score, at FROM understanding_answers
            WHERE set_name = $set AND source = $source ORDER BY at, id;
            """, ReadAnswer, null, ("$set", set), ("$source", source)), ct);

    private static UnderstandingAnswer ReadAnswer(SqliteDataReader r) =>
        new(r.GetString(0), r.GetString(1), NullableString(r, 2), r.GetString(3), r.GetString(4),
            JsonSerializer.Deserialize<double[]>(r.GetString(5)) ?? [], r.IsDBNull(6) ? null : r.GetDouble(6), FromTicks(r.GetInt64(7)));

    public Task<bool> AddUnderstandingTestAsync(UnderstandingTest test, CancellationToken ct = default)
    {
        UnderstandingRules.Validate(test);
        return Write((c, tx) =>
        {
            var inserted = Execute(c, """
                INSERT INTO understanding_tests (id, source, participant, set_name, items, score, at)
                VALUES ($id, $source, $participant, $set, $items, $score, $at) ON CONFLICT (id) DO NOTHING;
                """, tx, ("$id", test.Id), ("$source", test.Source), ("$participant", test.Participant), ("$set", test.Set),
                ("$items", test.Items), ("$score", test.Score), ("$at", test.At.UtcTicks));
            if (inserted == 0) return false;
            Execute(c, """
                INSERT INTO understanding_cells (set_name, source, n, sum, sumsq) VALUES ($set, $source, 1, $score, $score * $score)
                ON CONFLICT (set_name, source) DO UPDATE SET n = n + 1, sum = sum + excluded.sum, sumsq = sumsq + excluded.sumsq;
                """, tx, ("$set", test.Set), ("$source", test.Source), ("$score", test.Score));
            if (test.Participant is not null)
            {
                Execute(c, """
                    INSERT INTO understanding_people (set_name, source, participant) VALUES ($set, $source, $participant) ON CONFLICT DO NOTHING;
                    """, tx, ("$set", test.Set), ("$source", test.Source), ("$participant", test.Participant));
            }

            return true;
        }, ct);
    }

    public Task<IReadOnlyList<UnderstandingTestCell>> GetUnderstandingTestCellsAsync(CancellationToken ct = default) =>
        Read<IReadOnlyList<UnderstandingTestCell>>(c => Query(c,
            """
            SELECT c.set_name, c.source, c.n, c.sum, c.sumsq, coalesce(p.people, 0) FROM understanding_cells c
            LEFT JOIN (SELECT set_name, source, count(*) AS people FROM understanding_people GROUP BY set_name, source) p
              ON p.set_name = c.set_name AND p.source = c.source
            WHERE c.n > 0 ORDER BY c.set_name, c.source;
            """,
            r => new UnderstandingTestCell(r.GetString(0), r.GetString(1), r.GetInt64(2), r.GetDouble(3), r.GetDouble(4)) { People = r.GetInt64(5) }), ct);

    public Task<IReadOnlyList<double>> GetUnderstandingScoresAsync(string set, string source, CancellationToken ct = default) =>
        Read<IReadOnlyList<double>>(c => Query(c, "SELECT score FROM understanding_tests WHERE set_name = $set AND source = $source ORDER BY score;",
            r => r.GetDouble(0), null, ("$set", set), ("$source", source)), ct);

    /// <summary>Called inside <see cref="ForgetAsync"/>, so withdrawal removes quiz answers and scores in the same transaction.</summary>
    private static (int Answers, int Tests) ForgetUnderstanding(SqliteConnection c, SqliteTransaction tx, string participant)
    {
        foreach (var a in Query(c, """
            SELECT id, source, participant, set_name, item_id, vals, score, at FROM understanding_answers WHERE participant = $p;
            """, ReadAnswer, tx, ("$p", participant))) BumpItem(c, tx, a, -1);
        Execute(c, """
            UPDATE understanding_cells SET n = understanding_cells.n - d.n, sum = understanding_cells.sum - d.s, sumsq = understanding_cells.sumsq - d.s2
            FROM (SELECT set_name, source, count(*) AS n, sum(score) AS s, sum(score * score) AS s2
                  FROM understanding_tests WHERE participant = $p GROUP BY set_name, source) d
            WHERE understanding_cells.set_name = d.set_name AND understanding_cells.source = d.source;
            """, tx, ("$p", participant));
        Execute(c, "DELETE FROM understanding_people WHERE participant = $p;", tx, ("$p", participant));
        var answers = Execute(c, "DELETE FROM understanding_answers WHERE participant = $p;", tx, ("$p", participant));
        var tests = Execute(c, "DELETE FROM understanding_tests WHERE participant = $p;", tx, ("$p", participant));
        if (answers + tests > 0) CountWithdrawal(c, tx);
        return (answers, tests);
    }

    public Task SaveUnderstandingSetAsync(string name, string json, CancellationToken ct = default) => SaveNamedSet("understanding_sets", name, json, ct);

    public Task<string?> GetUnderstandingSetAsync(string name, CancellationToken ct = default) => GetNamedSet("understanding_sets", name, ct);

    public Task<IReadOnlyList<string>> GetUnderstandingSetNamesAsync(CancellationToken ct = default) => GetNamedSetNames("understanding_sets", ct);
}
