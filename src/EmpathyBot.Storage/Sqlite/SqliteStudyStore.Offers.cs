using EmpathyBot.Core.Integrity;
using EmpathyBot.Core.Study;
using EmpathyBot.Core.Ports;
using Microsoft.Data.Sqlite;

namespace EmpathyBot.Storage.Sqlite;

// Offers schema (created with IF NOT EXISTS next to the versioned migrations):
//
//   rating_offers(rater, item_id, kind 0 = reply / 1 = gold, at)   PK (rater, item_id)
//
// A row is written in the transaction that picks a card for the rater; a submitted rating or gold answer
// counts only when its row exists, so nobody can rate a reply the bot never showed them.
public sealed partial class SqliteStudyStore
{
    private const string OffersSchema = """
        CREATE TABLE IF NOT EXISTS rating_offers (
            rater TEXT NOT NULL,
            item_id TEXT NOT NULL,
            kind INTEGER NOT NULL CHECK (kind IN (0, 1)),
            at INTEGER NOT NULL,
            PRIMARY KEY (rater, item_id)
        ) WITHOUT ROWID;
        """;

    private static void MigrateOffers(SqliteConnection connection, SqliteTransaction tx) => Execute(connection, OffersSchema, tx);

    public Task<RatingOfferKind?> GetOfferAsync(string rater, string itemId, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(rater);
        ArgumentException.ThrowIfNullOrEmpty(itemId);
        return Lookup(c => OfferOf(c, null, rater, itemId), ct);
    }

    public Task<RatingOutcome> AddOfferedRatingAsync(Rating rating, CancellationToken ct = default)
    {
        ValidateRating(rating);
        return Write((c, tx) => OfferOf(c, tx, rating.Rater, rating.ReplyId) == RatingOfferKind.Reply
            ? RecordRating(c, tx, rating)
            : RatingOutcome.NotOffered, ct);
    }

    /// <summary>Records that a card offered <paramref name="itemId"/> to the rater; the first offer of an item stands.</summary>
    private void RecordOffer(SqliteConnection c, SqliteTransaction tx, string rater, string itemId, RatingOfferKind kind) =>
        Execute(c, """
            INSERT INTO rating_offers (rater, item_id, kind, at) VALUES ($rater, $id, $kind, $at)
            ON CONFLICT (rater, item_id) DO NOTHING;
            """, tx, ("$rater", rater), ("$id", itemId), ("$kind", (int)kind), ("$at", NowTicks));

    /// <summary>The card a rater is given: its offer (the reply, or the gold item shown instead) and, when known, its showing.</summary>
    private void OfferCard(SqliteConnection c, SqliteTransaction tx, string rater, Reply reply, string? goldId, DateTimeOffset? shownAt)
    {
        RecordOffer(c, tx, rater, goldId ?? reply.Id, goldId is null ? RatingOfferKind.Reply : RatingOfferKind.Gold);
        if (shownAt is { } at) ShowCard(c, tx, rater, CardKinds.Rating, goldId ?? reply.Id, at.UtcTicks);
    }

    private static RatingOfferKind? OfferOf(SqliteConnection c, SqliteTransaction? tx, string rater, string itemId) =>
        Scalar(c, "SELECT kind FROM rating_offers WHERE rater = $rater AND item_id = $id;", tx, ("$rater", rater), ("$id", itemId)) is long kind
            ? (RatingOfferKind)kind
            : null;

    private static void ForgetOffers(SqliteConnection c, SqliteTransaction tx, string participant) =>
        Execute(c, "DELETE FROM rating_offers WHERE rater = $p;", tx, ("$p", participant));
}
