using System.Text.Json;
using EmpathyBot.Core.Integrity;
using EmpathyBot.Core.Ports;
using EmpathyBot.Core.Study;
using Microsoft.Data.Sqlite;

namespace EmpathyBot.Storage.Sqlite;

// Integrity schema (created with IF NOT EXISTS next to the versioned migrations, before the quality triggers that read
// rating_flags):
//
//   reply_checks(reply_id PK, participant, prompt_id, shown_at NULL, received_at, seconds NULL, chars_per_second NULL,
//                pasted 0/1, similarity, similar_to NULL, flags json)                ix (participant)
//   rating_flags(reply_id, rater, flag, seconds)          PK (reply_id, rater): a stored rating that does not count
//   rater_runs(rater PK, value, run)                      the rater's current run of equal ratings
//   pair_runs(rater PK, choice, run)                      the rater's current run of the same button on pair cards
//   rater_exclusions(rater PK, reason)                    exclusions not made by attention checks
//   author_guesses(rater, reply_id, guess, at)            PK (rater, reply_id)
//
// A flagged rating is left out of the counters and the agreement by the quality triggers, exactly as an excluded
// rater's rating is. Triggers delete the rows of a forgotten participant (consents) and of a deleted reply.
public sealed partial class SqliteStudyStore
{
    private const string IntegritySchema = """
        CREATE TABLE IF NOT EXISTS reply_checks (
            reply_id TEXT NOT NULL PRIMARY KEY,
            participant TEXT NOT NULL,
            prompt_id TEXT NOT NULL,
            shown_at INTEGER NULL,
            received_at INTEGER NOT NULL,
            seconds REAL NULL,
            chars_per_second REAL NULL,
            pasted INTEGER NOT NULL,
            similarity REAL NOT NULL,
            similar_to TEXT NULL,
            flags TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS ix_reply_checks_participant ON reply_checks (participant);

        CREATE TABLE IF NOT EXISTS rating_flags (
            reply_id TEXT NOT NULL,
            rater TEXT NOT NULL,
            flag TEXT NOT NULL,
            seconds REAL NOT NULL,
            PRIMARY KEY (reply_id, rater)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS ix_rating_flags_rater ON rating_flags (rater);

        CREATE TABLE IF NOT EXISTS rater_runs (
            rater TEXT NOT NULL PRIMARY KEY,
            value INTEGER NOT NULL,
            run INTEGER NOT NULL
        ) WITHOUT ROWID;

        CREATE TABLE IF NOT EXISTS pair_runs (
            rater TEXT NOT NULL PRIMARY KEY,
            choice INTEGER NOT NULL,
            run INTEGER NOT NULL
        ) WITHOUT ROWID;

        -- A trigger of its own: the one above was created before pair_runs existed, and IF NOT EXISTS never changes it.
        CREATE TRIGGER IF NOT EXISTS tr_pair_runs_participant_forgotten AFTER DELETE ON consents
        BEGIN
            DELETE FROM pair_runs WHERE rater = OLD.participant;
        END;

        CREATE TABLE IF NOT EXISTS rater_exclusions (
            rater TEXT NOT NULL PRIMARY KEY,
            reason TEXT NOT NULL
        ) WITHOUT ROWID;

        CREATE TABLE IF NOT EXISTS author_guesses (
            rater TEXT NOT NULL,
            reply_id TEXT NOT NULL,
            guess TEXT NOT NULL,
            at INTEGER NOT NULL,
            PRIMARY KEY (rater, reply_id)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS ix_author_guesses_reply ON author_guesses (reply_id);

        CREATE INDEX IF NOT EXISTS ix_replies_excluded ON replies (emotion, source, excluded_reason) WHERE excluded_reason IS NOT NULL;

        CREATE TRIGGER IF NOT EXISTS tr_integrity_participant_forgotten AFTER DELETE ON consents
        BEGIN
            DELETE FROM reply_checks WHERE participant = OLD.participant;
            DELETE FROM rating_flags WHERE rater = OLD.participant;
            DELETE FROM rater_runs WHERE rater = OLD.participant;
            DELETE FROM rater_exclusions WHERE rater = OLD.participant;
            DELETE FROM author_guesses WHERE rater = OLD.participant;
        END;

        CREATE TRIGGER IF NOT EXISTS tr_integrity_reply_removed AFTER DELETE ON replies
        BEGIN
            DELETE FROM reply_checks WHERE reply_id = OLD.id;
            DELETE FROM rating_flags WHERE reply_id = OLD.id;
            DELETE FROM author_guesses WHERE reply_id = OLD.id;
        END;
        """;

    private static void MigrateIntegrity(SqliteConnection connection, SqliteTransaction tx) => Execute(connection, IntegritySchema, tx);

    public Task<CheckedReply> AddCheckedReplyAsync(Reply reply, ReplyCheck check, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(check);
        if (check.ReplyId != reply.Id) throw new ArgumentException($"The check is for reply '{check.ReplyId}', not '{reply.Id}'.", nameof(check));
        return Write((c, tx) =>
        {
            var emotion = Scalar(c, "SELECT emotion FROM prompts WHERE id = $id;", tx, ("$id", reply.PromptId)) as string
                ?? throw new ArgumentException($"Reply '{reply.Id}' is for unknown prompt '{reply.PromptId}'; add the prompt first.", nameof(reply));
            if (!InsertReply(c, tx, reply, emotion)) return new CheckedReply(false);
            Execute(c, """
                INSERT INTO reply_checks (reply_id, participant, prompt_id, shown_at, received_at, seconds, chars_per_second,
                    pasted, similarity, similar_to, flags)
                VALUES ($id, $p, $prompt, $shown, $received, $s, $cps, $pasted, $sim, $to, $flags);
                """, tx, ("$id", check.ReplyId), ("$p", check.Participant), ("$prompt", check.PromptId), ("$shown", check.ShownAt?.UtcTicks),
                ("$received", check.ReceivedAt.UtcTicks), ("$s", check.Seconds), ("$cps", check.CharsPerSecond), ("$pasted", check.Pasted ? 1 : 0),
                ("$sim", check.Similarity), ("$to", check.SimilarTo), ("$flags", JsonSerializer.Serialize(check.Flags)));
            AnswerCard(c, tx, check.Participant, CardKinds.Reply, check.PromptId, check.ReceivedAt.UtcTicks);
            return new CheckedReply(true, emotion);
        }, ct);
    }

    public Task<CheckedRating> AddCheckedRatingAsync(Rating rating, RatingRules rules, CancellationToken ct = default)
    {
        ValidateRating(rating);
        ArgumentNullException.ThrowIfNull(rules);
        return Write((c, tx) =>
        {
            if (OfferOf(c, tx, rating.Rater, rating.ReplyId) != RatingOfferKind.Reply) return new CheckedRating(RatingOutcome.NotOffered, false, false);
            if (Scalar(c, "SELECT 1 FROM ratings WHERE reply_id = $id AND rater = $r;", tx, ("$id", rating.ReplyId), ("$r", rating.Rater)) is not null)
            {
                return new CheckedRating(RatingOutcome.AlreadyRated, false, false);
            }

            var shown = ShownAt(c, tx, rating.Rater, CardKinds.Rating, rating.ReplyId);
            var tooFast = rules.IsTooFast(shown, rating.At);
            // The flag goes in first so the quality triggers keep the rating out of the counters as it is inserted.
            if (tooFast) FlagRating(c, tx, rating, (rating.At - shown!.Value).TotalSeconds);
            var (outcome, emotion, source) = RecordLabelledRating(c, tx, rating);
            if (outcome != RatingOutcome.Recorded)
            {
                if (tooFast) Execute(c, "DELETE FROM rating_flags WHERE reply_id = $id AND rater = $r;", tx, ("$id", rating.ReplyId), ("$r", rating.Rater));
                return new CheckedRating(outcome, false, false);
            }

            AnswerCard(c, tx, rating.Rater, CardKinds.Rating, rating.ReplyId, rating.At.UtcTicks);
            return new CheckedRating(outcome, tooFast, ExtendRun(c, tx, rating, rules), emotion, source);
        }, ct);
    }

    private static void FlagRating(SqliteConnection c, SqliteTransaction tx, Rating rating, double seconds) =>
        Execute(c, "INSERT INTO rating_flags (reply_id, rater, flag, seconds) VALUES ($id, $r, $f, $s) ON CONFLICT DO NOTHING;", tx,
            ("$id", rating.ReplyId), ("$r", rating.Rater), ("$f", ExclusionReasons.TooFast), ("$s", seconds));

    /// <summary>Extends or restarts the rater's run of equal ratings; true when the run newly excludes them.</summary>
    private static bool ExtendRun(SqliteConnection c, SqliteTransaction tx, Rating rating, RatingRules rules)
    {
        var run = Convert.ToInt64(Scalar(c, """
            INSERT INTO rater_runs (rater, value, run) VALUES ($r, $v, 1)
            ON CONFLICT (rater) DO UPDATE SET run = CASE WHEN value = excluded.value THEN run + 1 ELSE 1 END, value = excluded.value
            RETURNING run;
            """, tx, ("$r", rating.Rater), ("$v", (int)rating.Value)));
        return ExcludeIfStraightLine(c, tx, rating.Rater, run, rules);
    }

    /// <summary>
    /// Extends or restarts the rater's run of the same button on pair cards (always the left reply, say); true when the
    /// run newly excludes them. Kept apart from the run of Good / Okay / Bad, so a rater who alternates card kinds is
    /// judged on each kind.
    /// </summary>
    private static bool ExtendPairRun(SqliteConnection c, SqliteTransaction tx, string rater, PairChoice choice, RatingRules rules)
    {
        var run = Convert.ToInt64(Scalar(c, """
            INSERT INTO pair_runs (rater, choice, run) VALUES ($r, $v, 1)
            ON CONFLICT (rater) DO UPDATE SET run = CASE WHEN choice = excluded.choice THEN run + 1 ELSE 1 END, choice = excluded.choice
            RETURNING run;
            """, tx, ("$r", rater), ("$v", (int)choice)));
        return ExcludeIfStraightLine(c, tx, rater, run, rules);
    }

    private static bool ExcludeIfStraightLine(SqliteConnection c, SqliteTransaction tx, string rater, long run, RatingRules rules)
    {
        if (!rules.IsStraightLine(run) || RaterQualityOf(c, tx, rater).Excluded) return false;
        ExcludeRater(c, tx, rater);
        Execute(c, "INSERT OR REPLACE INTO rater_exclusions (rater, reason) VALUES ($r, $reason);", tx,
            ("$r", rater), ("$reason", RaterExclusionReasons.StraightLining));
        return true;
    }

    public Task<AuthorGuessOutcome> RecordAuthorGuessAsync(AuthorGuess guess, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(guess);
        ArgumentException.ThrowIfNullOrEmpty(guess.Rater);
        if (!AuthorGuesses.IsKnown(guess.Guess)) throw new ArgumentException($"'{guess.Guess}' is not an author guess.", nameof(guess));
        return Write((c, tx) =>
        {
            if (Scalar(c, "SELECT 1 FROM ratings WHERE reply_id = $id AND rater = $r;", tx, ("$id", guess.ReplyId), ("$r", guess.Rater)) is null)
            {
                return AuthorGuessOutcome.NotRated;
            }

            return Execute(c, "INSERT INTO author_guesses (rater, reply_id, guess, at) VALUES ($r, $id, $g, $at) ON CONFLICT DO NOTHING;", tx,
                ("$r", guess.Rater), ("$id", guess.ReplyId), ("$g", guess.Guess), ("$at", guess.At.UtcTicks)) > 0
                ? AuthorGuessOutcome.Recorded
                : AuthorGuessOutcome.AlreadyGuessed;
        }, ct);
    }

    public Task<IntegritySnapshot> GetIntegrityAsync(CancellationToken ct = default) => Read(c =>
    {
        using var tx = c.BeginTransaction(deferred: true);
        var replies = Query(c, """
            SELECT emotion, source, excluded_reason, count(*) FROM replies WHERE excluded_reason IS NOT NULL
            GROUP BY emotion, source, excluded_reason ORDER BY emotion, source, excluded_reason;
            """, r => new ExcludedReplyRow(r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt64(3)), tx);
        var excluded = Convert.ToInt64(Scalar(c, "SELECT count(*) FROM rater_quality WHERE excluded = 1;", tx));
        var straight = Convert.ToInt64(Scalar(c, "SELECT count(*) FROM rater_exclusions WHERE reason = $r;", tx, ("$r", RaterExclusionReasons.StraightLining)));
        // Guesses count when their rating counts: not flagged, and the rater not excluded.
        var guesses = Query(c, """
            SELECT r.emotion, r.source, g.guess, x.value, count(*)
            FROM author_guesses g
            JOIN ratings x ON x.reply_id = g.reply_id AND x.rater = g.rater
            JOIN replies r ON r.id = g.reply_id
            WHERE NOT EXISTS (SELECT 1 FROM rater_quality q WHERE q.rater = g.rater AND q.excluded = 1)
              AND NOT EXISTS (SELECT 1 FROM rating_flags f WHERE f.reply_id = g.reply_id AND f.rater = g.rater)
            GROUP BY r.emotion, r.source, g.guess, x.value ORDER BY 1, 2, 3, 4;
            """, r => new AuthorGuessRow(r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt32(3), r.GetInt64(4)), tx);
        return new IntegritySnapshot(replies, IntegritySnapshot.RaterReasons(excluded, straight), guesses);
    }, ct);

    public IAsyncEnumerable<ReplyCheck> ExportReplyChecksAsync(CancellationToken ct = default) => Stream("""
        SELECT reply_id, participant, prompt_id, shown_at, received_at, seconds, chars_per_second, pasted, similarity, similar_to, flags
        FROM reply_checks ORDER BY reply_id;
        """, r => new ReplyCheck(r.GetString(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : FromTicks(r.GetInt64(3)),
            FromTicks(r.GetInt64(4)), r.IsDBNull(5) ? null : r.GetDouble(5), r.IsDBNull(6) ? null : r.GetDouble(6), r.GetInt64(7) == 1,
            r.GetDouble(8), NullableString(r, 9), JsonSerializer.Deserialize<string[]>(r.GetString(10)) ?? []), ct);

    public IAsyncEnumerable<RatingFlag> ExportRatingFlagsAsync(CancellationToken ct = default) =>
        Stream("SELECT reply_id, rater, flag, seconds FROM rating_flags ORDER BY rater, reply_id;",
            r => new RatingFlag(r.GetString(0), r.GetString(1), r.GetString(2), r.GetDouble(3)), ct);

    public IAsyncEnumerable<AuthorGuess> ExportAuthorGuessesAsync(CancellationToken ct = default) =>
        Stream("SELECT rater, reply_id, guess, at FROM author_guesses ORDER BY rater, reply_id;",
            r => new AuthorGuess(r.GetString(0), r.GetString(1), r.GetString(2), FromTicks(r.GetInt64(3))), ct);
}
