using EmpathyBot.Core.Integrity;
using EmpathyBot.Core.Ports;
using Microsoft.Data.Sqlite;

namespace EmpathyBot.Storage.Sqlite;

// Card timing schema (created with IF NOT EXISTS next to the versioned migrations):
//
//   card_timings(participant, kind, item_id, shown_at, answered_at NULL)   PK (participant, kind, item_id)
//
// The first showing and the first answer stand. "forget me" deletes a participant's rows (trigger on consents).
public sealed partial class SqliteStudyStore
{
    private const string CardTimingSchema = """
        CREATE TABLE IF NOT EXISTS card_timings (
            participant TEXT NOT NULL,
            kind TEXT NOT NULL,
            item_id TEXT NOT NULL,
            shown_at INTEGER NOT NULL,
            answered_at INTEGER NULL,
            PRIMARY KEY (participant, kind, item_id)
        ) WITHOUT ROWID;

        CREATE TRIGGER IF NOT EXISTS tr_card_timings_forgotten AFTER DELETE ON consents
        BEGIN
            DELETE FROM card_timings WHERE participant = OLD.participant;
        END;
        """;

    private static void MigrateCardTimings(SqliteConnection connection, SqliteTransaction tx) => Execute(connection, CardTimingSchema, tx);

    public Task CardShownAsync(string participant, string kind, string itemId, DateTimeOffset at, CancellationToken ct = default)
    {
        ValidateCard(participant, kind, itemId);
        return Write((c, tx) => ShowCard(c, tx, participant, kind, itemId, at.UtcTicks), ct);
    }

    /// <summary>Records a card's first showing; a later showing of the same card leaves it as it was.</summary>
    private static void ShowCard(SqliteConnection c, SqliteTransaction tx, string participant, string kind, string itemId, long atTicks) =>
        Execute(c, """
            INSERT INTO card_timings (participant, kind, item_id, shown_at) VALUES ($p, $k, $i, $at)
            ON CONFLICT (participant, kind, item_id) DO NOTHING;
            """, tx, ("$p", participant), ("$k", kind), ("$i", itemId), ("$at", atTicks));

    public Task<bool> CardAnsweredAsync(string participant, string kind, string itemId, DateTimeOffset at, CancellationToken ct = default)
    {
        ValidateCard(participant, kind, itemId);
        return Write((c, tx) => AnswerCard(c, tx, participant, kind, itemId, at.UtcTicks), ct);
    }

    private static bool AnswerCard(SqliteConnection c, SqliteTransaction tx, string participant, string kind, string itemId, long atTicks) =>
        Execute(c, """
            UPDATE card_timings SET answered_at = coalesce(answered_at, $at)
            WHERE participant = $p AND kind = $k AND item_id = $i;
            """, tx, ("$p", participant), ("$k", kind), ("$i", itemId), ("$at", atTicks)) > 0;

    public Task<CardTiming?> GetCardTimingAsync(string participant, string kind, string itemId, CancellationToken ct = default) => Lookup(c =>
        Query(c, "SELECT participant, kind, item_id, shown_at, answered_at FROM card_timings WHERE participant = $p AND kind = $k AND item_id = $i;",
            ReadCardTiming, null, ("$p", participant), ("$k", kind), ("$i", itemId)).FirstOrDefault(), ct);

    public IAsyncEnumerable<CardTiming> ExportCardTimingsAsync(CancellationToken ct = default) =>
        Stream("SELECT participant, kind, item_id, shown_at, answered_at FROM card_timings ORDER BY participant, kind, item_id;", ReadCardTiming, ct);

    private static DateTimeOffset? ShownAt(SqliteConnection c, SqliteTransaction tx, string participant, string kind, string itemId) =>
        Scalar(c, "SELECT shown_at FROM card_timings WHERE participant = $p AND kind = $k AND item_id = $i;", tx,
            ("$p", participant), ("$k", kind), ("$i", itemId)) is long ticks ? FromTicks(ticks) : null;

    private static CardTiming ReadCardTiming(SqliteDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(2), FromTicks(r.GetInt64(3)), r.IsDBNull(4) ? null : FromTicks(r.GetInt64(4)));

    private static void ValidateCard(string participant, string kind, string itemId)
    {
        ArgumentException.ThrowIfNullOrEmpty(participant);
        ArgumentException.ThrowIfNullOrEmpty(kind);
        ArgumentException.ThrowIfNullOrEmpty(itemId);
    }
}
