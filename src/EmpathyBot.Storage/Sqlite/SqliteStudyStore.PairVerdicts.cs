using EmpathyBot.Core.Judging;
using EmpathyBot.Core.Study;
using Microsoft.Data.Sqlite;

namespace EmpathyBot.Storage.Sqlite;

// Pairwise judging schema (created with IF NOT EXISTS next to the versioned migrations):
//
//   pair_verdicts(reply_a, reply_b, judge, shown 'ab'|'ba', repeat, winner a|b|tie|both_bad or NULL = unparseable,
//                 raw, template_sha256, at)                 PK (reply_a, reply_b, judge, shown, repeat); ix (judge)
//
// Apart from battles on purpose: no pair balance, battle or pairwise rating ever sees a verdict. A trigger takes a
// pair's verdicts with either reply when it is deleted, whichever code path deletes it.
public sealed partial class SqliteStudyStore
{
    private const string PairVerdictsSchema = """
        CREATE TABLE IF NOT EXISTS pair_verdicts (
            reply_a TEXT NOT NULL,
            reply_b TEXT NOT NULL,
            judge TEXT NOT NULL,
            shown TEXT NOT NULL CHECK (shown IN ('ab', 'ba')),
            repeat INTEGER NOT NULL,
            winner TEXT NULL CHECK (winner IN ('a', 'b', 'tie', 'both_bad')),
            raw TEXT NOT NULL,
            template_sha256 TEXT NOT NULL,
            at INTEGER NOT NULL,
            PRIMARY KEY (reply_a, reply_b, judge, shown, repeat)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS ix_pair_verdicts_judge ON pair_verdicts (judge);
        CREATE INDEX IF NOT EXISTS ix_pair_verdicts_b ON pair_verdicts (reply_b);

        CREATE TRIGGER IF NOT EXISTS tr_pair_verdict_reply_removed AFTER DELETE ON replies
        BEGIN
            DELETE FROM pair_verdicts WHERE reply_a = OLD.id OR reply_b = OLD.id;
        END;
        """;

    private const string PairVerdictColumns = "reply_a, reply_b, judge, shown, repeat, winner, raw, template_sha256, at";

    private static void MigratePairVerdicts(SqliteConnection connection, SqliteTransaction tx) => Execute(connection, PairVerdictsSchema, tx);

    public Task<bool> AddPairVerdictAsync(PairVerdict verdict, CancellationToken ct = default)
    {
        ValidatePairVerdict(verdict);
        return Write((c, tx) => Execute(c, """
            INSERT INTO pair_verdicts (reply_a, reply_b, judge, shown, repeat, winner, raw, template_sha256, at)
            SELECT $a, $b, $judge, $shown, $repeat, $winner, $raw, $sha, $at
            WHERE EXISTS (SELECT 1 FROM replies WHERE id = $a) AND EXISTS (SELECT 1 FROM replies WHERE id = $b)
            ON CONFLICT (reply_a, reply_b, judge, shown, repeat) DO NOTHING;
            """, tx, ("$a", verdict.ReplyA), ("$b", verdict.ReplyB), ("$judge", verdict.Judge), ("$shown", verdict.Order.ToWire()),
            ("$repeat", verdict.Repeat), ("$winner", verdict.Winner?.ToWire()), ("$raw", verdict.Raw), ("$sha", verdict.TemplateSha256),
            ("$at", verdict.At.UtcTicks)) == 1, ct);
    }

    public Task<IReadOnlySet<PairVerdictKey>> GetPairVerdictKeysAsync(string judge, CancellationToken ct = default) =>
        Read<IReadOnlySet<PairVerdictKey>>(c => Query(c, "SELECT reply_a, reply_b, shown, repeat FROM pair_verdicts WHERE judge = $judge;",
            r => new PairVerdictKey(r.GetString(0), r.GetString(1), Shown(r.GetString(2)), r.GetInt32(3)), null, ("$judge", judge)).ToHashSet(), ct);

    public IAsyncEnumerable<PairVerdict> ExportPairVerdictsAsync(CancellationToken ct = default) =>
        Stream($"SELECT {PairVerdictColumns} FROM pair_verdicts ORDER BY reply_a, reply_b, judge, shown, repeat;", ReadPairVerdict, ct);

    private static PairVerdict ReadPairVerdict(SqliteDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(2), Shown(r.GetString(3)), r.GetInt32(4),
            r.IsDBNull(5) ? null : Winner(r.GetString(5)), r.GetString(6), r.GetString(7), FromTicks(r.GetInt64(8)));

    private static PairOrder Shown(string wire) =>
        PairOrders.TryParse(wire, out var order) ? order : throw new InvalidDataException($"Stored pair order '{wire}' is not ab or ba.");

    private static BattleWinner Winner(string wire) =>
        BattleWinners.TryParse(wire, out var winner) ? winner : throw new InvalidDataException($"Stored pair verdict '{wire}' is not a, b, tie or both_bad.");

    internal static void ValidatePairVerdict(PairVerdict verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        ArgumentException.ThrowIfNullOrEmpty(verdict.ReplyA);
        ArgumentException.ThrowIfNullOrEmpty(verdict.ReplyB);
        if (verdict.ReplyA == verdict.ReplyB) throw new ArgumentException("A pair needs two different replies.", nameof(verdict));
        ArgumentException.ThrowIfNullOrEmpty(verdict.Judge);
        ArgumentOutOfRangeException.ThrowIfNegative(verdict.Repeat);
        ArgumentNullException.ThrowIfNull(verdict.Raw);
        ArgumentException.ThrowIfNullOrEmpty(verdict.TemplateSha256);
    }
}
