using EmpathyBot.Core.Ports;
using Microsoft.Data.Sqlite;

namespace EmpathyBot.Storage.Sqlite;

public sealed partial class SqliteStudyStore
{
    public Task RecordConsentAsync(string participant, DateTimeOffset at, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(participant);
        return Write((c, tx) => Execute(c, "INSERT OR REPLACE INTO consents (participant, at) VALUES ($p, $at);", tx,
            ("$p", participant), ("$at", at.UtcTicks)), ct);
    }

    public Task<DateTimeOffset?> GetConsentAsync(string participant, CancellationToken ct = default) => Lookup(c =>
        Scalar(c, "SELECT at FROM consents WHERE participant = $p;", null, ("$p", participant)) is long ticks
            ? FromTicks(ticks)
            : (DateTimeOffset?)null, ct);

    public Task<(DateTimeOffset? ConsentedAt, VersionedState? State)> GetConsentAndStateAsync(string participant, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(participant);
        return Lookup(c => Query(c, """
                SELECT (SELECT at FROM consents WHERE participant = $p), s.json, s.version
                FROM (SELECT 1) LEFT JOIN conversation_state s ON s.key = $p;
                """,
            r => (r.IsDBNull(0) ? (DateTimeOffset?)null : FromTicks(r.GetInt64(0)),
                r.IsDBNull(1) ? null : new VersionedState(r.GetString(1), r.GetInt64(2))), null, ("$p", participant))[0], ct);
    }

    public Task<ForgetResult> ForgetAsync(string participant, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(participant);
        return Write((c, tx) =>
        {
            // Counted first: triggers delete these with the replies and the consent below.
            (string, object?) counted = ("$p", participant);
            int Count(string sql) => Convert.ToInt32(Scalar(c, sql, tx, counted));
            var timings = Count("SELECT count(*) FROM card_timings WHERE participant = $p;");
            var replyChecks = Count("SELECT count(*) FROM reply_checks WHERE participant = $p;");
            var guesses = Count("SELECT count(*) FROM author_guesses WHERE rater = $p;");
            var battles = ForgetBattles(c, tx, participant);
            var (replies, ratings, ratingsOfTheirReplies) = ForgetRepliesAndRatings(c, tx, participant);
            (string, object?) who = ("$p", participant);
            var state = Execute(c, "DELETE FROM conversation_state WHERE key = $p;", tx, who) > 0;
            var (understandingAnswers, understandingTests) = ForgetUnderstanding(c, tx, participant);
            var appraisalAnswers = ForgetAppraisal(c, tx, participant);
            // After their ratings are gone: an excluded rater's ratings leave the counters by that flag.
            var checks = Execute(c, "DELETE FROM attention_checks WHERE rater = $p;", tx, who);
            Execute(c, "DELETE FROM rater_quality WHERE rater = $p;", tx, who);
            var consent = Execute(c, "DELETE FROM consents WHERE participant = $p;", tx, who) > 0;
            var record = Execute(c, "DELETE FROM participant_records WHERE participant = $p;", tx, who) > 0;
            ForgetOffers(c, tx, participant);
            ForgetAssignment(c, tx, participant);
            return new ForgetResult(replies, ratings, consent, ratingsOfTheirReplies, state,
                understandingAnswers, understandingTests, appraisalAnswers, checks, record, battles.Given, battles.OfTheirReplies,
                timings, replyChecks, guesses);
        }, ct);
    }

    /// <summary>Deletes their replies with every rating of them and the ratings they gave, correcting counters and prompt balance.</summary>
    private static (int Replies, int Ratings, int RatingsOfTheirReplies) ForgetRepliesAndRatings(SqliteConnection c, SqliteTransaction tx, string participant)
    {
        (string, object?) who = ("$p", participant);

        // 1. Take every doomed rating (theirs, and anyone's of their replies) out of the counters.
        Execute(c, """
            UPDATE counters SET ratings = counters.ratings - d.n, good = counters.good - d.g,
                okay = counters.okay - d.o, bad = counters.bad - d.b
            FROM (
                SELECT r.emotion, r.source, count(*) AS n, sum(x.value = 3) AS g, sum(x.value = 2) AS o, sum(x.value = 1) AS b
                FROM (SELECT reply_id, value FROM ratings WHERE rater = $p
                      UNION ALL
                      SELECT x2.reply_id, x2.value FROM replies r2 JOIN ratings x2 ON x2.reply_id = r2.id
                      WHERE r2.author = $p AND x2.rater <> $p) x
                JOIN replies r ON r.id = x.reply_id
                GROUP BY r.emotion, r.source
            ) d
            WHERE counters.emotion = d.emotion AND counters.source = d.source;
            """, tx, who);

        // 2. Others' replies they rated lose those ratings (their own replies go entirely below).
        Execute(c, """
            UPDATE replies SET ratings = replies.ratings - d.n
            FROM (SELECT reply_id, count(*) AS n FROM ratings WHERE rater = $p GROUP BY reply_id) d
            WHERE replies.id = d.reply_id AND (replies.author IS NULL OR replies.author <> $p);
            """, tx, who);

        var ratings = Execute(c, "DELETE FROM ratings WHERE rater = $p;", tx, who);
        var ratingsOfTheirReplies = Execute(c, "DELETE FROM ratings WHERE reply_id IN (SELECT id FROM replies WHERE author = $p);", tx, who);

        // 3. Their replies leave the counters and the prompt balance.
        Execute(c, """
            UPDATE counters SET replies = counters.replies - d.pool, excluded = counters.excluded - d.excl
            FROM (
                SELECT emotion, source, sum(excluded_reason IS NULL) AS pool, sum(excluded_reason IS NOT NULL) AS excl
                FROM replies WHERE author = $p GROUP BY emotion, source
            ) d
            WHERE counters.emotion = d.emotion AND counters.source = d.source;
            """, tx, who);
        Execute(c, """
            UPDATE prompts SET human_replies = prompts.human_replies - d.n
            FROM (
                SELECT prompt_id, count(*) AS n FROM replies
                WHERE author = $p AND source = 'human' AND excluded_reason IS NULL GROUP BY prompt_id
            ) d
            WHERE prompts.id = d.prompt_id;
            """, tx, who);
        var replies = Execute(c, "DELETE FROM replies WHERE author = $p;", tx, who);
        return (replies, ratings, ratingsOfTheirReplies);
    }
}
