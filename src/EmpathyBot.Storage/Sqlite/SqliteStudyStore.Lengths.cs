using EmpathyBot.Core.Summary;
using Microsoft.Data.Sqlite;

namespace EmpathyBot.Storage.Sqlite;

// Length schema (next to the quality schema, back-filled once from reply_agreement):
//
//   length_counters(emotion, source, words, good, other)   PK (emotion, source, words)
//       counted ratings of replies of that many words: Good, and Okay or Bad
//
// Kept by the same statements that move a reply's agreement profile (MoveProfile), so it follows every path that
// counts or uncounts a rating (rating, import, forget, rater exclusion) in O(1) per rating.
public sealed partial class SqliteStudyStore
{
    // Moves one rating of {value} of reply {reply} between length cells ({by} = 1 counts it, -1 takes it out).
    private static string MoveLength => $"""
        INSERT INTO length_counters (emotion, source, words, good, other)
        SELECT r.emotion, r.source, r.words, ({"{value}"} = 3) * {"{by}"}, ({"{value}"} <> 3) * {"{by}"}
        FROM replies r WHERE r.id = {"{reply}"}
        ON CONFLICT (emotion, source, words) DO UPDATE SET good = good + excluded.good, other = other + excluded.other;
        """;

    private static void MigrateLengths(SqliteConnection connection, SqliteTransaction tx)
    {
        var fresh = Scalar(connection, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'length_counters';", tx) is null;
        if (!fresh) return;

        Execute(connection, """
            CREATE TABLE length_counters (
                emotion TEXT NOT NULL,
                source TEXT NOT NULL,
                words INTEGER NOT NULL,
                good INTEGER NOT NULL DEFAULT 0,
                other INTEGER NOT NULL DEFAULT 0,
                PRIMARY KEY (emotion, source, words)
            ) WITHOUT ROWID;
            """, tx);

        // The rating triggers that move length cells need no step here: MigrateQuality recreates every rating trigger at
        // each start, before this runs.
        Execute(connection, $"""
            INSERT INTO length_counters (emotion, source, words, good, other)
            SELECT r.emotion, r.source, r.words, sum(a.good), sum(a.okay + a.bad)
            FROM reply_agreement a JOIN replies r ON r.id = a.reply_id
            GROUP BY r.emotion, r.source, r.words;
            """, tx);
    }

    private static List<LengthCell> ReadLengths(SqliteConnection c, SqliteTransaction tx) =>
        Query(c, """
            SELECT emotion, source, words, good, other FROM length_counters
            WHERE good <> 0 OR other <> 0 ORDER BY emotion, source, words;
            """, r => new LengthCell(r.GetString(0), r.GetString(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4)), tx);
}
