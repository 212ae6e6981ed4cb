using System.Runtime.CompilerServices;
using EmpathyBot.Core.Interchange;
using EmpathyBot.Core.Study;
using EmpathyBot.Core.Summary;
using EmpathyBot.Core.Ports;
using Microsoft.Data.Sqlite;

namespace EmpathyBot.Storage.Sqlite;

public sealed partial class SqliteStudyStore
{
    public Task<Reply?> NextReplyToRateAsync(string rater, int targetPerReply, string? goldId = null, DateTimeOffset? shownAt = null, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(rater);
        if (targetPerReply <= 0) return Task.FromResult<Reply?>(null);

        // A write: the pick and the offer it makes are one transaction.
        return Write((c, tx) =>
        {
            var reply = PickReplyToRate(c, tx, rater, targetPerReply);
            if (reply is not null) OfferCard(c, tx, rater, reply, goldId, shownAt);
            return reply;
        }, ct);
    }

    /// <param name="source">Only this source's replies (between-subjects rating); null for every source.</param>
    private static Reply? PickReplyToRate(SqliteConnection c, SqliteTransaction tx, string rater, int targetPerReply, string? source = null)
    {
        // Same two steps as prompts, over the partial pool index (ratings, rnd): the lowest level, then a tie drawn from it.
        var eligible = """
            r.excluded_reason IS NULL AND r.ratings < $target AND (r.author IS NULL OR r.author <> $rater)
            AND NOT EXISTS (SELECT 1 FROM ratings x WHERE x.reply_id = r.id AND x.rater = $rater)
            """ + (source is null ? "" : " AND r.source = $source");
        var level = Scalar(c, $"SELECT r.ratings FROM replies r WHERE {eligible} ORDER BY r.ratings LIMIT 1;",
            tx, ("$target", targetPerReply), ("$rater", rater), ("$source", source));
        if (level is null) return null;

        (string, object?)[] args = [("$target", targetPerReply), ("$rater", rater), ("$level", level), ("$source", source)];
        return DrawTie(c, tx, "r.id", $"FROM replies r WHERE {eligible} AND r.ratings = $level", "r.rnd", args) is { } id
            ? Query(c, $"SELECT {ReplyColumns} FROM replies r WHERE r.id = $id;", ReadReply, tx, ("$id", id))[0]
            : null;
    }

    public Task<RatingOutcome> AddRatingAsync(Rating rating, CancellationToken ct = default)
    {
        ValidateRating(rating);
        return Write((c, tx) => RecordRating(c, tx, rating), ct);
    }

    private static void ValidateRating(Rating rating)
    {
        ArgumentNullException.ThrowIfNull(rating);
        ArgumentException.ThrowIfNullOrEmpty(rating.Rater);
        _ = RatingColumn(rating.Value);
    }

    private static RatingOutcome RecordRating(SqliteConnection c, SqliteTransaction tx, Rating rating) => RecordLabelledRating(c, tx, rating).Outcome;

    /// <summary>Stores the rating; when recorded, also the emotion and source of the rated reply (for the live event).</summary>
    private static (RatingOutcome Outcome, string? Emotion, string? Source) RecordLabelledRating(SqliteConnection c, SqliteTransaction tx, Rating rating)
    {
        var target = Query(c, "SELECT emotion, source FROM replies WHERE id = $id AND excluded_reason IS NULL;",
            r => (Emotion: r.GetString(0), Source: r.GetString(1)), tx, ("$id", rating.ReplyId));
        if (target.Count == 0) return (RatingOutcome.UnknownReply, null, null);
        var (emotion, source) = target[0];
        return InsertRating(c, tx, rating.ReplyId, rating.Rater, rating.Value, rating.At.UtcTicks, emotion, source)
            ? (RatingOutcome.Recorded, emotion, source)
            : (RatingOutcome.AlreadyRated, null, null);
    }

    public Task<IReadOnlyList<CounterRow>> GetCountersAsync(CancellationToken ct = default) => Read<IReadOnlyList<CounterRow>>(c =>
        Query(c, """
            SELECT emotion, source, replies, ratings, good, okay, bad, excluded FROM counters
            WHERE replies <> 0 OR ratings <> 0 OR excluded <> 0
            ORDER BY emotion, source;
            """,
            r => new CounterRow(r.GetString(0), r.GetString(1),
                new SourceCounts(r.GetInt64(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5), r.GetInt64(6), r.GetInt64(7)))), ct);

    public IAsyncEnumerable<RatingRow> ExportRatingsAsync(CancellationToken ct = default) =>
        Stream("""
            SELECT p.id, p.emotion, p.situation, p.utterance, r.source, r.id, r.text, x.rater, x.value
            FROM ratings x JOIN replies r ON r.id = x.reply_id JOIN prompts p ON p.id = r.prompt_id
            ORDER BY x.id;
            """,
            reader => new RatingRow(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.GetString(4), reader.GetString(5), reader.GetString(6), reader.GetString(7), (RatingValue)reader.GetInt32(8)),
            ct);

    public Task<ImportResult> ImportRatingsAsync(IReadOnlyList<RatingRow> rows, string promptSet, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentException.ThrowIfNullOrWhiteSpace(promptSet);
        return Write((c, tx) =>
        {
            var now = NowTicks;
            using var upsertPrompt = PromptUpsertCommand(c, tx);
            var seenPrompts = new HashSet<string>(StringComparer.Ordinal);
            var seenReplies = new Dictionary<string, (string Emotion, string Source)>(StringComparer.Ordinal);
            int newPrompts = 0, newReplies = 0, newRatings = 0, duplicates = 0;
            foreach (var row in rows)
            {
                ct.ThrowIfCancellationRequested();
                if (seenPrompts.Add(row.PromptId)
                    && UpsertPrompt(upsertPrompt, new StudyPrompt(row.PromptId, row.Emotion, row.Situation, row.Utterance, promptSet)))
                {
                    newPrompts++;
                }

                if (!seenReplies.TryGetValue(row.ResponseId, out var reply))
                {
                    // Existing replies are kept as they are (their source and counts are already right).
                    var reply0 = new Reply(row.ResponseId, row.PromptId, row.Source, row.Response, null, FromTicks(now));
                    if (InsertReply(c, tx, reply0, row.Emotion)) newReplies++;
                    reply = Query(c, "SELECT emotion, source FROM replies WHERE id = $id;", r => (r.GetString(0), r.GetString(1)),
                        tx, ("$id", row.ResponseId))[0];
                    seenReplies[row.ResponseId] = reply;
                }

                if (InsertRating(c, tx, row.ResponseId, row.Rater, row.Rating, now, reply.Emotion, reply.Source)) newRatings++;
                else duplicates++;
            }

            return new ImportResult(rows.Count, newRatings, duplicates, newPrompts, newReplies);
        }, ct);
    }

    /// <summary>Inserts a rating and counts it; false (nothing changed) when this rater already rated the reply.</summary>
    private static bool InsertRating(SqliteConnection c, SqliteTransaction tx, string replyId, string rater, RatingValue value,
        long atTicks, string emotion, string source)
    {
        var column = RatingColumn(value);
        var inserted = Execute(c, """
            INSERT INTO ratings (reply_id, rater, value, at) VALUES ($id, $rater, $value, $at)
            ON CONFLICT (reply_id, rater) DO NOTHING;
            """, tx, ("$id", replyId), ("$rater", rater), ("$value", (int)value), ("$at", atTicks));
        if (inserted == 0) return false;

        Execute(c, "UPDATE replies SET ratings = ratings + 1 WHERE id = $id;", tx, ("$id", replyId));
        BumpCounters(c, tx, emotion, source, ratings: 1,
            good: column == "good" ? 1 : 0, okay: column == "okay" ? 1 : 0, bad: column == "bad" ? 1 : 0);
        return true;
    }
}
