using System.Runtime.CompilerServices;
using EmpathyBot.Core.Study;
using EmpathyBot.Core.Summary;
using EmpathyBot.Core.Ports;
using Microsoft.Data.Sqlite;

namespace EmpathyBot.Storage.Sqlite;

// Quality schema (created with IF NOT EXISTS next to the versioned migrations; back-filled once from existing rows):
//
//   rater_quality(rater PK, gold_passed, gold_failed, excluded 0/1)        ix (rater) WHERE excluded = 1
//   attention_checks(rater, check_id, passed, at)                          PK (rater, check_id)
//   quality_counters(emotion, source, words, excluded_ratings)             PK (emotion, source)
//   reply_agreement(reply_id PK, good, okay, bad)   counted ratings of one reply (excluded raters left out)
//   agreement_units(good, okay, bad, units)         how many replies have exactly that profile
//
// Triggers keep them in the transaction of every write that changes replies or ratings, whichever code path
// does it (rating, import, forget): O(1) per rating. A rating by an excluded rater is taken straight back out
// of the counters (InsertRating counts every rating) and counted in quality_counters.excluded_ratings instead.
public sealed partial class SqliteStudyStore
{
    // Whitespace-separated words in SQL: tabs and newlines become spaces, runs of spaces collapse (up to 64). Only for
    // replies stored before their word count was (MigrateReplyWords); WordCount counts every other reply.
    private static string Words(string column)
    {
        var spaced = $"replace(replace(replace({column}, char(10), ' '), char(13), ' '), char(9), ' ')";
        var collapsed = $"trim({spaced})";
        for (var i = 0; i < 6; i++) collapsed = $"replace({collapsed}, '  ', ' ')";
        return $"(CASE WHEN {collapsed} = '' THEN 0 ELSE length({collapsed}) - length(replace({collapsed}, ' ', '')) + 1 END)";
    }

    // A rating is left out when its rater is excluded or the rating itself is flagged (too fast).
    private const string IsExcluded = "(EXISTS (SELECT 1 FROM rater_quality q WHERE q.rater = {0}.rater AND q.excluded = 1) " +
        "OR EXISTS (SELECT 1 FROM rating_flags f WHERE f.reply_id = {0}.reply_id AND f.rater = {0}.rater))";

    // The rating and reply triggers are recreated on every start, so a database made before rating flags (or stored word
    // counts) existed gets the current bodies.
    private const string DropRecreatedTriggers = """
        DROP TRIGGER IF EXISTS tr_quality_reply_added;
        DROP TRIGGER IF EXISTS tr_quality_reply_removed;
        DROP TRIGGER IF EXISTS tr_quality_rating_counted;
        DROP TRIGGER IF EXISTS tr_quality_rating_excluded;
        DROP TRIGGER IF EXISTS tr_quality_counted_rating_removed;
        DROP TRIGGER IF EXISTS tr_quality_excluded_rating_removed;
        """;

    // Moves one reply's profile in agreement_units by one rating of {value} (+1 or -1 in {by}), and that rating's length cell.
    private static string MoveProfile => MoveLength + """
        UPDATE agreement_units SET units = units - 1
        WHERE (good, okay, bad) = (SELECT good, okay, bad FROM reply_agreement WHERE reply_id = {reply});
        INSERT INTO reply_agreement (reply_id, good, okay, bad)
        VALUES ({reply}, ({value} = 3) * {by}, ({value} = 2) * {by}, ({value} = 1) * {by})
        ON CONFLICT (reply_id) DO UPDATE SET good = good + excluded.good, okay = okay + excluded.okay, bad = bad + excluded.bad;
        DELETE FROM reply_agreement WHERE reply_id = {reply} AND good + okay + bad <= 0;
        INSERT INTO agreement_units (good, okay, bad, units)
        SELECT good, okay, bad, 1 FROM reply_agreement WHERE reply_id = {reply}
        ON CONFLICT (good, okay, bad) DO UPDATE SET units = units + 1;
        """;

    // Shifts one rating of {value} between the counters and excluded_ratings ({by} = -1 takes it out of the counters).
    private const string ShiftCounters = """
        INSERT INTO counters (emotion, source, ratings, good, okay, bad)
        SELECT r.emotion, r.source, {by}, ({value} = 3) * {by}, ({value} = 2) * {by}, ({value} = 1) * {by}
        FROM replies r WHERE r.id = {reply}
        ON CONFLICT (emotion, source) DO UPDATE SET ratings = counters.ratings + excluded.ratings,
            good = counters.good + excluded.good, okay = counters.okay + excluded.okay, bad = counters.bad + excluded.bad;
        INSERT INTO quality_counters (emotion, source, excluded_ratings)
        SELECT r.emotion, r.source, 0 - ({by}) FROM replies r WHERE r.id = {reply}
        ON CONFLICT (emotion, source) DO UPDATE SET excluded_ratings = excluded_ratings + excluded.excluded_ratings;
        """;

    private static string Fill(string template, string reply, string value, string by) =>
        template.Replace("{reply}", reply).Replace("{value}", value).Replace("{by}", by);

    private static readonly string QualitySchema = $"""
        CREATE TABLE IF NOT EXISTS rater_quality (
            rater TEXT NOT NULL PRIMARY KEY,
            gold_passed INTEGER NOT NULL DEFAULT 0,
            gold_failed INTEGER NOT NULL DEFAULT 0,
            excluded INTEGER NOT NULL DEFAULT 0
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS ix_rater_quality_excluded ON rater_quality (rater) WHERE excluded = 1;

        CREATE TABLE IF NOT EXISTS attention_checks (
            rater TEXT NOT NULL,
            check_id TEXT NOT NULL,
            passed INTEGER NOT NULL,
            at INTEGER NOT NULL,
            PRIMARY KEY (rater, check_id)
        ) WITHOUT ROWID;

        CREATE TABLE IF NOT EXISTS quality_counters (
            emotion TEXT NOT NULL,
            source TEXT NOT NULL,
            words INTEGER NOT NULL DEFAULT 0,
            excluded_ratings INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (emotion, source)
        ) WITHOUT ROWID;

        CREATE TABLE IF NOT EXISTS reply_agreement (
            reply_id TEXT NOT NULL PRIMARY KEY,
            good INTEGER NOT NULL DEFAULT 0,
            okay INTEGER NOT NULL DEFAULT 0,
            bad INTEGER NOT NULL DEFAULT 0
        ) WITHOUT ROWID;

        CREATE TABLE IF NOT EXISTS agreement_units (
            good INTEGER NOT NULL,
            okay INTEGER NOT NULL,
            bad INTEGER NOT NULL,
            units INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (good, okay, bad)
        ) WITHOUT ROWID;

        CREATE TRIGGER IF NOT EXISTS tr_quality_reply_added AFTER INSERT ON replies WHEN NEW.excluded_reason IS NULL
        BEGIN
            INSERT INTO quality_counters (emotion, source, words) VALUES (NEW.emotion, NEW.source, NEW.words)
            ON CONFLICT (emotion, source) DO UPDATE SET words = words + excluded.words;
        END;

        CREATE TRIGGER IF NOT EXISTS tr_quality_reply_removed AFTER DELETE ON replies WHEN OLD.excluded_reason IS NULL
        BEGIN
            UPDATE quality_counters SET words = words - OLD.words WHERE emotion = OLD.emotion AND source = OLD.source;
        END;

        CREATE TRIGGER IF NOT EXISTS tr_quality_rating_counted AFTER INSERT ON ratings WHEN NOT {string.Format(IsExcluded, "NEW")}
        BEGIN
            {Fill(MoveProfile, "NEW.reply_id", "NEW.value", "1")}
        END;

        CREATE TRIGGER IF NOT EXISTS tr_quality_rating_excluded AFTER INSERT ON ratings WHEN {string.Format(IsExcluded, "NEW")}
        BEGIN
            {Fill(ShiftCounters, "NEW.reply_id", "NEW.value", "-1")}
        END;

        CREATE TRIGGER IF NOT EXISTS tr_quality_counted_rating_removed AFTER DELETE ON ratings WHEN NOT {string.Format(IsExcluded, "OLD")}
        BEGIN
            {Fill(MoveProfile, "OLD.reply_id", "OLD.value", "-1")}
        END;

        -- Forget subtracts every deleted rating from the counters; an excluded rater's were never in them.
        CREATE TRIGGER IF NOT EXISTS tr_quality_excluded_rating_removed AFTER DELETE ON ratings WHEN {string.Format(IsExcluded, "OLD")}
        BEGIN
            {Fill(ShiftCounters, "OLD.reply_id", "OLD.value", "1")}
        END;

        CREATE TRIGGER IF NOT EXISTS tr_quality_participant_forgotten AFTER DELETE ON consents
        BEGIN
            DELETE FROM attention_checks WHERE rater = OLD.participant;
            DELETE FROM rater_quality WHERE rater = OLD.participant;
        END;
        """;

    private static readonly string QualityBackfill = $"""
        INSERT INTO quality_counters (emotion, source, words)
        SELECT emotion, source, sum(words) FROM replies WHERE excluded_reason IS NULL GROUP BY emotion, source;
        INSERT INTO reply_agreement (reply_id, good, okay, bad)
        SELECT reply_id, sum(value = 3), sum(value = 2), sum(value = 1) FROM ratings GROUP BY reply_id;
        INSERT INTO agreement_units (good, okay, bad, units)
        SELECT good, okay, bad, count(*) FROM reply_agreement GROUP BY good, okay, bad;
        """;

    private static void MigrateQuality(SqliteConnection connection, SqliteTransaction tx)
    {
        var fresh = Scalar(connection, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'agreement_units';", tx) is null;
        Execute(connection, DropRecreatedTriggers + QualitySchema, tx);
        if (fresh) Execute(connection, QualityBackfill, tx);
    }

    public Task<AttentionCheckOutcome> RecordAttentionCheckAsync(AttentionCheck check, int failuresToExclude, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(check);
        ArgumentException.ThrowIfNullOrEmpty(check.Rater);
        ArgumentException.ThrowIfNullOrEmpty(check.CheckId);
        ArgumentOutOfRangeException.ThrowIfLessThan(failuresToExclude, 1);
        return Write((c, tx) =>
        {
            (string, object?) who = ("$p", check.Rater);
            var inserted = Execute(c, """
                INSERT INTO attention_checks (rater, check_id, passed, at) VALUES ($p, $id, $passed, $at)
                ON CONFLICT (rater, check_id) DO NOTHING;
                """, tx, who, ("$id", check.CheckId), ("$passed", check.Passed ? 1 : 0), ("$at", check.At.UtcTicks));
            if (inserted == 0) return new AttentionCheckOutcome(false, RaterQualityOf(c, tx, check.Rater), false);

            Execute(c, """
                INSERT INTO rater_quality (rater, gold_passed, gold_failed) VALUES ($p, $passed, 1 - $passed)
                ON CONFLICT (rater) DO UPDATE SET gold_passed = gold_passed + excluded.gold_passed, gold_failed = gold_failed + excluded.gold_failed;
                """, tx, who, ("$passed", check.Passed ? 1 : 0));
            var quality = RaterQualityOf(c, tx, check.Rater);
            if (quality.Excluded || quality.GoldFailed < failuresToExclude) return new AttentionCheckOutcome(true, quality, false);

            ExcludeRater(c, tx, check.Rater);
            return new AttentionCheckOutcome(true, quality with { Excluded = true }, true);
        }, ct);
    }

    /// <summary>
    /// Takes every counted rating the rater gave so far out of the counters and the agreement, then flags them so
    /// the triggers keep their later ratings out too. O(their ratings), once per excluded rater.
    /// </summary>
    private static void ExcludeRater(SqliteConnection c, SqliteTransaction tx, string rater)
    {
        (string, object?) who = ("$p", rater);
        var theirs = Query(c, """
            SELECT x.reply_id, x.value FROM ratings x WHERE x.rater = $p
            AND NOT EXISTS (SELECT 1 FROM rating_flags f WHERE f.reply_id = x.reply_id AND f.rater = x.rater);
            """, r => (Reply: r.GetString(0), Value: r.GetInt32(1)), tx, who);
        var shift = Fill(ShiftCounters, "$reply", "$value", "-1") + Fill(MoveProfile, "$reply", "$value", "-1");
        foreach (var (reply, value) in theirs)
        {
            Execute(c, shift, tx, ("$reply", reply), ("$value", value));
        }

        Execute(c, """
            INSERT INTO rater_quality (rater, excluded) VALUES ($p, 1)
            ON CONFLICT (rater) DO UPDATE SET excluded = 1;
            """, tx, who);
    }

    public Task<RaterQuality> GetRaterQualityAsync(string rater, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(rater);
        return Lookup(c => RaterQualityOf(c, null, rater), ct);
    }

    private static RaterQuality RaterQualityOf(SqliteConnection c, SqliteTransaction? tx, string rater)
    {
        var ratings = Convert.ToInt64(Scalar(c, "SELECT count(*) FROM ratings WHERE rater = $p;", tx, ("$p", rater)));
        return Query(c, "SELECT gold_passed, gold_failed, excluded FROM rater_quality WHERE rater = $p;",
                r => new RaterQuality(rater, ratings, r.GetInt32(0), r.GetInt32(1), r.GetInt32(2) == 1), tx, ("$p", rater))
            .FirstOrDefault() ?? new RaterQuality(rater, ratings, 0, 0, false);
    }

    public Task<QualitySnapshot> GetQualityAsync(CancellationToken ct = default) => Read(c =>
    {
        using var tx = c.BeginTransaction(deferred: true);
        var cells = Query(c, """
            SELECT emotion, source, words, excluded_ratings FROM quality_counters
            WHERE words <> 0 OR excluded_ratings <> 0 ORDER BY emotion, source;
            """, r => new QualityRow(r.GetString(0), r.GetString(1), r.GetInt64(2), r.GetInt64(3)), tx);
        var profiles = Query(c, "SELECT good, okay, bad, units FROM agreement_units WHERE units > 0 ORDER BY good, okay, bad;",
            r => new AgreementProfile(r.GetInt32(0), r.GetInt32(1), r.GetInt32(2), r.GetInt64(3)), tx);
        var excluded = Convert.ToInt64(Scalar(c, "SELECT count(*) FROM rater_quality WHERE excluded = 1;", tx));
        return new QualitySnapshot(cells, profiles, excluded) { Lengths = ReadLengths(c, tx) };
    }, ct);

    public IAsyncEnumerable<RatingRecord> ExportRatingRecordsAsync(CancellationToken ct = default) =>
        Stream($"""
            SELECT {ReplyColumns}, p.id, p.emotion, p.situation, p.utterance, p.set_name, x.rater, x.value, x.at,
                   coalesce(q.excluded, 0)
            FROM ratings x JOIN replies r ON r.id = x.reply_id JOIN prompts p ON p.id = r.prompt_id
            LEFT JOIN rater_quality q ON q.rater = x.rater
            ORDER BY x.id;
            """,
            reader => new RatingRecord(
                new StudyPrompt(reader.GetString(14), reader.GetString(15), reader.GetString(16), reader.GetString(17), reader.GetString(18)),
                ReadReply(reader), reader.GetString(19), (RatingValue)reader.GetInt32(20), FromTicks(reader.GetInt64(21)), reader.GetInt64(22) == 1),
            ct);
}
