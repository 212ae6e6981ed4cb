using System.Runtime.CompilerServices;
using EmpathyBot.Core.Integrity;
using EmpathyBot.Core.Interchange;
using EmpathyBot.Core.Ports;
using EmpathyBot.Core.Study;
using Microsoft.Data.Sqlite;

namespace EmpathyBot.Storage.Sqlite;

// Battles schema (created with IF NOT EXISTS next to the versioned migrations):
//
//   battles(id PK, rater, prompt_id, reply_a, source_a, reply_b, source_b, gold 0 = A / 1 = B / NULL,
//           left_side 0 = A / 1 = B / NULL (imported), offered_at NULL (imported), winner 0..3 / NULL (open), answered_at)
//                                                   unique (rater, reply_a, reply_b); ix (reply_a); ix (reply_b)
//   battle_balance(source_a, source_b, offers)       PK (source_a, source_b)
//
// A row is the offer of a pair card; answering fills winner once. source_a sorts before source_b (BattlePairs), so a
// pair of replies has one identity per rater. A gold card keeps the gold item's id in place of one reply.
public sealed partial class SqliteStudyStore
{
    private const string BattlesSchema = """
        CREATE TABLE IF NOT EXISTS battles (
            id TEXT NOT NULL PRIMARY KEY,
            rater TEXT NOT NULL,
            prompt_id TEXT NOT NULL,
            reply_a TEXT NOT NULL,
            source_a TEXT NOT NULL,
            reply_b TEXT NOT NULL,
            source_b TEXT NOT NULL,
            gold INTEGER NULL CHECK (gold IN (0, 1)),
            left_side INTEGER NULL CHECK (left_side IN (0, 1)),
            offered_at INTEGER NULL,
            winner INTEGER NULL CHECK (winner BETWEEN 0 AND 3),
            answered_at INTEGER NULL
        );
        CREATE UNIQUE INDEX IF NOT EXISTS ux_battles_rater_pair ON battles (rater, reply_a, reply_b);
        CREATE INDEX IF NOT EXISTS ix_battles_reply_a ON battles (reply_a);
        CREATE INDEX IF NOT EXISTS ix_battles_reply_b ON battles (reply_b);

        CREATE TABLE IF NOT EXISTS battle_balance (
            source_a TEXT NOT NULL,
            source_b TEXT NOT NULL,
            offers INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (source_a, source_b)
        ) WITHOUT ROWID;
        """;

    private const string OfferColumns = "b.id, b.rater, b.prompt_id, b.reply_a, b.source_a, b.reply_b, b.source_b, b.left_side, b.gold";

    private static void MigrateBattles(SqliteConnection connection, SqliteTransaction tx) => Execute(connection, BattlesSchema + BattleFlagsSchema, tx);

    public Task<PairCard?> NextPairAsync(string rater, string? goldId = null, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(rater);
        return Write((c, tx) =>
        {
            var pick = PickPair(c, tx, rater);
            if (pick is null) return null;
            var (a, b) = pick.Value;
            var prompt = Query(c, $"SELECT {PromptColumns} FROM prompts p WHERE p.id = $id;", ReadPrompt, tx, ("$id", a.PromptId)).FirstOrDefault();
            if (prompt is null) return null;

            var left = Random.Shared.Next(2) == 0 ? BattleSide.A : BattleSide.B;
            BattleSide? gold = goldId is null ? null : Random.Shared.Next(2) == 0 ? BattleSide.A : BattleSide.B;
            if (gold == BattleSide.A) a = a with { Id = goldId!, Text = "" };
            if (gold == BattleSide.B) b = b with { Id = goldId!, Text = "" };
            var card = new PairCard(ReplyIds.NewHuman(), prompt, a, b, left, gold);
            RecordPairOffer(c, tx, rater, card);
            return card;
        }, ct);
    }

    /// <summary>The least-compared pair of sources with a pair of in-pool replies to one prompt this rater neither wrote nor was offered.</summary>
    private static (Reply A, Reply B)? PickPair(SqliteConnection c, SqliteTransaction tx, string rater)
    {
        var ids = Query(c, """
            WITH pool AS (
                SELECT id, prompt_id, source FROM replies
                WHERE excluded_reason IS NULL AND (author IS NULL OR author <> $rater)
            )
            SELECT x.id, y.id FROM pool x JOIN pool y ON y.prompt_id = x.prompt_id AND x.source < y.source
            LEFT JOIN battle_balance s ON s.source_a = x.source AND s.source_b = y.source
            WHERE NOT EXISTS (SELECT 1 FROM battles t WHERE t.rater = $rater AND t.reply_a = x.id AND t.reply_b = y.id)
            ORDER BY coalesce(s.offers, 0), random()
            LIMIT 1;
            """, r => (r.GetString(0), r.GetString(1)), tx, ("$rater", rater));
        if (ids.Count == 0) return null;
        Reply Load(string id) => Query(c, $"SELECT {ReplyColumns} FROM replies r WHERE r.id = $id;", ReadReply, tx, ("$id", id))[0];
        return (Load(ids[0].Item1), Load(ids[0].Item2));
    }

    private void RecordPairOffer(SqliteConnection c, SqliteTransaction tx, string rater, PairCard card)
    {
        Execute(c, """
            INSERT INTO battles (id, rater, prompt_id, reply_a, source_a, reply_b, source_b, gold, left_side, offered_at)
            VALUES ($id, $rater, $prompt, $a, $sa, $b, $sb, $gold, $left, $at);
            """, tx, ("$id", card.Id), ("$rater", rater), ("$prompt", card.Prompt.Id), ("$a", card.A.Id), ("$sa", card.A.Source),
            ("$b", card.B.Id), ("$sb", card.B.Source), ("$gold", card.Gold is { } g ? (int)g : null), ("$left", (int)card.Left), ("$at", NowTicks));
        if (card.Gold is null) BumpBalance(c, tx, card.A.Source, card.B.Source, 1);
    }

    private static void BumpBalance(SqliteConnection c, SqliteTransaction tx, string sourceA, string sourceB, int by) =>
        Execute(c, """
            INSERT INTO battle_balance (source_a, source_b, offers) VALUES ($a, $b, $by)
            ON CONFLICT (source_a, source_b) DO UPDATE SET offers = offers + excluded.offers;
            """, tx, ("$a", sourceA), ("$b", sourceB), ("$by", by));

    public Task<PairAnswer> AnswerPairAsync(
        string rater, string cardId, PairChoice choice, DateTimeOffset at, RatingRules? rules = null, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(rater);
        ArgumentException.ThrowIfNullOrEmpty(cardId);
        return Write((c, tx) =>
        {
            var rows = Query(c, $"SELECT {OfferColumns}, b.winner, b.offered_at FROM battles b WHERE b.id = $id AND b.rater = $rater;",
                r => (Offer: ReadOffer(r), Answered: !r.IsDBNull(9), Shown: r.IsDBNull(10) ? (DateTimeOffset?)null : FromTicks(r.GetInt64(10))),
                tx, ("$id", cardId), ("$rater", rater));
            if (rows.Count == 0) return new PairAnswer(PairAnswerOutcome.NotOffered);
            var (offer, answered, shown) = rows[0];
            if (answered) return new PairAnswer(PairAnswerOutcome.AlreadyAnswered, offer);

            var winner = BattlePairs.WinnerOf(choice, offer.Left);
            Execute(c, "UPDATE battles SET winner = $w, answered_at = $at WHERE id = $id AND winner IS NULL;", tx,
                ("$w", (int)winner), ("$at", at.UtcTicks), ("$id", cardId));
            var tooFast = rules?.IsTooFast(shown, at) == true;
            if (tooFast) FlagBattle(c, tx, cardId, (at - shown!.Value).TotalSeconds);
            // Attention checks stay out of the run, as they do for Good / Okay / Bad.
            var excluded = offer.Gold is null && rules is not null && ExtendPairRun(c, tx, rater, choice, rules);
            return new PairAnswer(PairAnswerOutcome.Recorded, offer, winner, tooFast, excluded);
        }, ct);
    }

    public Task<long> CountAnsweredPairsAsync(string rater, CancellationToken ct = default) => Lookup(c =>
        Convert.ToInt64(Scalar(c, "SELECT count(*) FROM battles WHERE rater = $rater AND winner IS NOT NULL AND offered_at IS NOT NULL;", null, ("$rater", rater))), ct);

    private static PairOffer ReadOffer(SqliteDataReader r) => new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4),
        r.GetString(5), r.GetString(6), (BattleSide)r.GetInt32(7), r.IsDBNull(8) ? null : (BattleSide)r.GetInt32(8));

    public async IAsyncEnumerable<BattleRecord> ExportBattlesAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        // One read transaction (the export snapshot's when one is open): the battles and the replies and prompts they
        // name are one snapshot.
        var (source, owned) = ExportReader();
        var (c, tx) = (source.Connection, source.Transaction);
        List<BattleRecord> records;
        try
        {
            var rows = Query(c, """
                SELECT b.id, b.rater, b.prompt_id, b.reply_a, b.reply_b, b.left_side, b.winner, b.offered_at, b.answered_at,
                    EXISTS (SELECT 1 FROM rater_quality q WHERE q.rater = b.rater AND q.excluded = 1),
                    EXISTS (SELECT 1 FROM battle_flags f WHERE f.battle_id = b.id)
                FROM battles b WHERE b.winner IS NOT NULL AND b.gold IS NULL
                ORDER BY b.answered_at, b.id;
                """, r => (Id: r.GetString(0), Rater: r.GetString(1), Prompt: r.GetString(2), A: r.GetString(3), B: r.GetString(4),
                    Left: r.IsDBNull(5) ? (BattleSide?)null : (BattleSide)r.GetInt32(5), Winner: (BattleWinner)r.GetInt32(6),
                    Offered: r.IsDBNull(7) ? (DateTimeOffset?)null : FromTicks(r.GetInt64(7)), Answered: FromTicks(r.GetInt64(8)),
                    Excluded: r.GetInt64(9) == 1, TooFast: r.GetInt64(10) == 1), tx);
            var prompts = new Dictionary<string, StudyPrompt>(StringComparer.Ordinal);
            var replies = new Dictionary<string, Reply>(StringComparer.Ordinal);
            var list = new List<BattleRecord>(rows.Count);
            foreach (var row in rows)
            {
                if (!prompts.TryGetValue(row.Prompt, out var prompt))
                {
                    prompt = Query(c, $"SELECT {PromptColumns} FROM prompts p WHERE p.id = $id;", ReadPrompt, tx, ("$id", row.Prompt))[0];
                    prompts[row.Prompt] = prompt;
                }

                list.Add(new BattleRecord(row.Id, row.Rater, prompt, ReplyOf(row.A), ReplyOf(row.B), row.Left, row.Winner, row.Offered,
                    row.Answered, row.Excluded) { TooFast = row.TooFast });
            }

            records = list;

            Reply ReplyOf(string id)
            {
                if (!replies.TryGetValue(id, out var reply))
                {
                    replies[id] = reply = Query(c, $"SELECT {ReplyColumns} FROM replies r WHERE r.id = $id;", ReadReply, tx, ("$id", id))[0];
                }

                return reply;
            }
        }
        finally
        {
            if (owned) source.Dispose();
        }

        foreach (var record in records) yield return record;
    }

    public Task<BattleImportResult> ImportBattlesAsync(IReadOnlyList<BattleRow> rows, string promptSet, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentException.ThrowIfNullOrWhiteSpace(promptSet);
        return Write((c, tx) =>
        {
            var now = NowTicks;
            using var upsertPrompt = PromptUpsertCommand(c, tx);
            var seenPrompts = new HashSet<string>(StringComparer.Ordinal);
            int newPrompts = 0, newReplies = 0, newBattles = 0, duplicates = 0;
            foreach (var given in rows)
            {
                ct.ThrowIfCancellationRequested();
                var row = BattleRows.InOrder(given);
                if (seenPrompts.Add(row.PromptId)
                    && UpsertPrompt(upsertPrompt, new StudyPrompt(row.PromptId, row.Emotion, row.Situation, row.Utterance, promptSet)))
                {
                    newPrompts++;
                }

                // Existing replies are kept as they are (their source and counts are already right).
                if (InsertReply(c, tx, new Reply(row.ResponseAId, row.PromptId, row.SourceA, row.ResponseA, null, FromTicks(now)), row.Emotion)) newReplies++;
                if (InsertReply(c, tx, new Reply(row.ResponseBId, row.PromptId, row.SourceB, row.ResponseB, null, FromTicks(now)), row.Emotion)) newReplies++;
                var inserted = Execute(c, """
                    INSERT INTO battles (id, rater, prompt_id, reply_a, source_a, reply_b, source_b, winner, answered_at)
                    VALUES ($id, $rater, $prompt, $a, $sa, $b, $sb, $w, $at)
                    ON CONFLICT (rater, reply_a, reply_b) DO NOTHING;
                    """, tx, ("$id", ReplyIds.NewHuman()), ("$rater", row.Rater), ("$prompt", row.PromptId), ("$a", row.ResponseAId),
                    ("$sa", row.SourceA), ("$b", row.ResponseBId), ("$sb", row.SourceB), ("$w", (int)row.Winner), ("$at", now));
                if (inserted == 0)
                {
                    duplicates++;
                    continue;
                }

                newBattles++;
                BumpBalance(c, tx, row.SourceA, row.SourceB, 1);
            }

            return new BattleImportResult(rows.Count, newBattles, duplicates, newPrompts, newReplies);
        }, ct);
    }

    /// <summary>Deletes the battles and offers the participant was given, and every battle of a reply they wrote (before the replies go).</summary>
    private static (int Given, int OfTheirReplies) ForgetBattles(SqliteConnection c, SqliteTransaction tx, string participant)
    {
        (string, object?) who = ("$p", participant);
        const string Doomed = """
            b.rater = $p
            OR b.reply_a IN (SELECT id FROM replies WHERE author = $p) OR b.reply_b IN (SELECT id FROM replies WHERE author = $p)
            """;
        Execute(c, $"""
            UPDATE battle_balance SET offers = offers - d.n
            FROM (SELECT source_a, source_b, count(*) AS n FROM battles b WHERE b.gold IS NULL AND ({Doomed}) GROUP BY source_a, source_b) d
            WHERE battle_balance.source_a = d.source_a AND battle_balance.source_b = d.source_b;
            """, tx, who);
        var answered = Convert.ToInt32(Scalar(c, $"SELECT count(*) FROM battles b WHERE b.rater = $p AND b.winner IS NOT NULL AND b.gold IS NULL;", tx, who));
        var received = Convert.ToInt32(Scalar(c, $"SELECT count(*) FROM battles b WHERE b.rater <> $p AND b.winner IS NOT NULL AND b.gold IS NULL AND ({Doomed});", tx, who));
        Execute(c, $"DELETE FROM battles AS b WHERE {Doomed};", tx, who);
        return (answered, received);
    }
}
