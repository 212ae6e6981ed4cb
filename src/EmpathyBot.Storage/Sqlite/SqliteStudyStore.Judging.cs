using EmpathyBot.Core.Judging;
using EmpathyBot.Core.Study;
using Microsoft.Data.Sqlite;

namespace EmpathyBot.Storage.Sqlite;

// Judging schema (created with IF NOT EXISTS next to the versioned migrations):
//
//   judge_verdicts(reply_id, judge, repeat, rating 1..3 or NULL = unparseable, raw, template_sha256, at)
//                                                     PK (reply_id, judge, repeat); ix (judge, repeat)
//
// Apart from ratings on purpose: no counter, offer or agreement table ever sees a verdict. A trigger takes a
// reply's verdicts with it when the reply is deleted (a participant forgotten), whichever code path deletes it.
public sealed partial class SqliteStudyStore
{
    private const string JudgingSchema = """
        CREATE TABLE IF NOT EXISTS judge_verdicts (
            reply_id TEXT NOT NULL,
            judge TEXT NOT NULL,
            repeat INTEGER NOT NULL,
            rating INTEGER NULL CHECK (rating BETWEEN 1 AND 3),
            raw TEXT NOT NULL,
            template_sha256 TEXT NOT NULL,
            at INTEGER NOT NULL,
            PRIMARY KEY (reply_id, judge, repeat)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS ix_judge_verdicts_judge ON judge_verdicts (judge, repeat);

        CREATE TRIGGER IF NOT EXISTS tr_judge_reply_removed AFTER DELETE ON replies
        BEGIN
            DELETE FROM judge_verdicts WHERE reply_id = OLD.id;
        END;
        """;

    private const string VerdictColumns = "reply_id, judge, repeat, rating, raw, template_sha256, at";

    private static void MigrateJudging(SqliteConnection connection, SqliteTransaction tx) => Execute(connection, JudgingSchema, tx);

    public Task<bool> AddVerdictAsync(JudgeVerdict verdict, CancellationToken ct = default)
    {
        ValidateVerdict(verdict);
        return Write((c, tx) => Execute(c, """
            INSERT INTO judge_verdicts (reply_id, judge, repeat, rating, raw, template_sha256, at)
            SELECT $reply, $judge, $repeat, $rating, $raw, $sha, $at WHERE EXISTS (SELECT 1 FROM replies WHERE id = $reply)
            ON CONFLICT (reply_id, judge, repeat) DO NOTHING;
            """, tx, ("$reply", verdict.ReplyId), ("$judge", verdict.Judge), ("$repeat", verdict.Repeat),
            ("$rating", verdict.Rating is { } v ? (int)v : null), ("$raw", verdict.Raw), ("$sha", verdict.TemplateSha256),
            ("$at", verdict.At.UtcTicks)) == 1, ct);
    }

    public Task<IReadOnlyList<JudgeVerdict>> GetVerdictsAsync(string replyId, CancellationToken ct = default) =>
        Read<IReadOnlyList<JudgeVerdict>>(c => Query(c,
            $"SELECT {VerdictColumns} FROM judge_verdicts WHERE reply_id = $reply ORDER BY judge, repeat;", ReadVerdict, null, ("$reply", replyId)), ct);

    public Task<IReadOnlySet<VerdictKey>> GetVerdictKeysAsync(string judge, CancellationToken ct = default) =>
        Read<IReadOnlySet<VerdictKey>>(c => Query(c, "SELECT reply_id, repeat FROM judge_verdicts WHERE judge = $judge;",
            r => new VerdictKey(r.GetString(0), r.GetInt32(1)), null, ("$judge", judge)).ToHashSet(), ct);

    public IAsyncEnumerable<JudgeVerdict> ExportVerdictsAsync(CancellationToken ct = default) =>
        Stream($"SELECT {VerdictColumns} FROM judge_verdicts ORDER BY reply_id, judge, repeat;", ReadVerdict, ct);

    public Task<IReadOnlyList<JudgedReplyRow>> GetJudgedRepliesAsync(CancellationToken ct = default) =>
        Read<IReadOnlyList<JudgedReplyRow>>(c => Query(c, """
            SELECT v.reply_id, r.source, r.emotion, v.judge, v.repeat, v.rating,
                   coalesce(a.good, 0), coalesce(a.okay, 0), coalesce(a.bad, 0)
            FROM judge_verdicts v
            JOIN replies r ON r.id = v.reply_id
            LEFT JOIN reply_agreement a ON a.reply_id = v.reply_id
            ORDER BY v.reply_id, v.judge, v.repeat;
            """,
            r => new JudgedReplyRow(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetInt32(4),
                r.IsDBNull(5) ? null : (RatingValue)r.GetInt32(5), r.GetInt32(6), r.GetInt32(7), r.GetInt32(8))), ct);

    private static JudgeVerdict ReadVerdict(SqliteDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetInt32(2), r.IsDBNull(3) ? null : (RatingValue)r.GetInt32(3),
            r.GetString(4), r.GetString(5), FromTicks(r.GetInt64(6)));

    internal static void ValidateVerdict(JudgeVerdict verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        ArgumentException.ThrowIfNullOrEmpty(verdict.ReplyId);
        ArgumentException.ThrowIfNullOrEmpty(verdict.Judge);
        ArgumentOutOfRangeException.ThrowIfNegative(verdict.Repeat);
        ArgumentNullException.ThrowIfNull(verdict.Raw);
        ArgumentException.ThrowIfNullOrEmpty(verdict.TemplateSha256);
    }
}
