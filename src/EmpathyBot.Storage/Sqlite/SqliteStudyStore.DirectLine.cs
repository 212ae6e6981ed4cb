using EmpathyBot.Core.Ports;
using Microsoft.Data.Sqlite;

namespace EmpathyBot.Storage.Sqlite;

// Direct Line transcripts:
//   directline_conversations(id PK, last_seq, activities, bytes, active_at)   ix (active_at)
//   directline_activities(conversation_id, seq, json)                         PK (conversation_id, seq)
// A conversation with active_at <= now - idle timeout is expired: never read, removed when the next one opens.
public sealed partial class SqliteStudyStore : IDirectLineStore
{
    private const string DirectLineSchema = """
        CREATE TABLE IF NOT EXISTS directline_conversations (
            id TEXT NOT NULL PRIMARY KEY,
            last_seq INTEGER NOT NULL DEFAULT 0,
            activities INTEGER NOT NULL DEFAULT 0,
            bytes INTEGER NOT NULL DEFAULT 0,
            active_at INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS ix_directline_conversations_active ON directline_conversations (active_at);
        CREATE TABLE IF NOT EXISTS directline_activities (
            conversation_id TEXT NOT NULL,
            seq INTEGER NOT NULL,
            json BLOB NOT NULL,
            PRIMARY KEY (conversation_id, seq)
        );
        """;

    private static void MigrateDirectLine(SqliteConnection connection, SqliteTransaction tx) => Execute(connection, DirectLineSchema, tx);

    public Task<bool> OpenConversationAsync(string conversationId, DateTimeOffset now, DirectLineLimits limits, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentNullException.ThrowIfNull(limits);
        return Write((c, tx) =>
        {
            var cutoff = (now - limits.IdleTimeout).UtcTicks;
            RemoveExpiredConversations(c, tx, cutoff);
            (string, object?) id = ("$id", conversationId), at = ("$at", now.UtcTicks);
            if (Execute(c, "UPDATE directline_conversations SET active_at = $at WHERE id = $id;", tx, id, at) == 1) return true;
            var live = Convert.ToInt64(Scalar(c, "SELECT count(*) FROM directline_conversations;", tx));
            if (live >= limits.MaxConversations) return false;
            Execute(c, "INSERT INTO directline_conversations (id, active_at) VALUES ($id, $at);", tx, id, at);
            return true;
        }, ct);
    }

    public Task<bool> TouchConversationAsync(string conversationId, DateTimeOffset now, DirectLineLimits limits, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return Write((c, tx) => Execute(c, "UPDATE directline_conversations SET active_at = $at WHERE id = $id AND active_at > $cutoff;", tx,
            ("$id", conversationId), ("$at", now.UtcTicks), ("$cutoff", (now - limits.IdleTimeout).UtcTicks)) == 1, ct);
    }

    public Task<long?> AppendActivityAsync(string conversationId, byte[] activity, DateTimeOffset now, DirectLineLimits limits, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(limits);
        return Write<long?>((c, tx) =>
        {
            (string, object?) id = ("$id", conversationId);
            var seq = Scalar(c, """
                UPDATE directline_conversations SET last_seq = last_seq + 1, activities = activities + 1, bytes = bytes + $len, active_at = $at
                WHERE id = $id AND active_at > $cutoff RETURNING last_seq;
                """, tx, id, ("$len", activity.LongLength), ("$at", now.UtcTicks), ("$cutoff", (now - limits.IdleTimeout).UtcTicks));
            if (seq is null) return null;
            var sequence = Convert.ToInt64(seq);
            Execute(c, "INSERT INTO directline_activities (conversation_id, seq, json) VALUES ($id, $seq, $json);", tx,
                id, ("$seq", sequence), ("$json", activity));
            TrimConversation(c, tx, conversationId, limits);
            return sequence;
        }, ct);
    }

    public Task<DirectLineActivitySet?> GetActivitiesAsync(string conversationId, long watermark, DateTimeOffset now, DirectLineLimits limits,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return Lookup(c =>
        {
            // One read transaction, so the activities and the watermark describe the same moment.
            using var tx = c.BeginTransaction(deferred: true);
            (string, object?) id = ("$id", conversationId);
            var last = Scalar(c, "SELECT last_seq FROM directline_conversations WHERE id = $id AND active_at > $cutoff;", tx,
                id, ("$cutoff", (now - limits.IdleTimeout).UtcTicks));
            if (last is null) return null;
            var activities = Query(c, "SELECT json FROM directline_activities WHERE conversation_id = $id AND seq > $w ORDER BY seq;",
                r => (byte[])r.GetValue(0), tx, id, ("$w", watermark));
            return new DirectLineActivitySet(activities, Math.Max(watermark, Convert.ToInt64(last)));
        }, ct);
    }

    private static void RemoveExpiredConversations(SqliteConnection c, SqliteTransaction tx, long cutoff)
    {
        (string, object?) expired = ("$cutoff", cutoff);
        Execute(c, """
            DELETE FROM directline_activities
            WHERE conversation_id IN (SELECT id FROM directline_conversations WHERE active_at <= $cutoff);
            """, tx, expired);
        Execute(c, "DELETE FROM directline_conversations WHERE active_at <= $cutoff;", tx, expired);
    }

    /// <summary>Drops the oldest activities until the conversation is within its bounds; the newest one always stays.</summary>
    private static void TrimConversation(SqliteConnection c, SqliteTransaction tx, string conversationId, DirectLineLimits limits)
    {
        (string, object?) id = ("$id", conversationId);
        var (count, bytes) = Query(c, "SELECT activities, bytes FROM directline_conversations WHERE id = $id;",
            r => (r.GetInt64(0), r.GetInt64(1)), tx, id).Single();
        if (count <= limits.MaxActivities && bytes <= limits.MaxBytes) return;

        var oldest = Query(c, "SELECT seq, length(json) FROM directline_activities WHERE conversation_id = $id ORDER BY seq LIMIT $n;",
            r => (Seq: r.GetInt64(0), Size: r.GetInt64(1)), tx, id, ("$n", count - 1));
        long cut = 0, removed = 0, freed = 0;
        foreach (var (seq, size) in oldest)
        {
            if (count - removed <= limits.MaxActivities && bytes - freed <= limits.MaxBytes) break;
            (cut, removed, freed) = (seq, removed + 1, freed + size);
        }

        Execute(c, "DELETE FROM directline_activities WHERE conversation_id = $id AND seq <= $cut;", tx, id, ("$cut", cut));
        Execute(c, "UPDATE directline_conversations SET activities = activities - $n, bytes = bytes - $freed WHERE id = $id;", tx,
            id, ("$n", removed), ("$freed", freed));
    }
}
