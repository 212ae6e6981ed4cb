// Schema (version 1). Times are UTC ticks (INTEGER); `rnd` is a random 63-bit key for cheap random tie-breaks.
//
//   schema_version(version)                                         one row
//   prompts(id PK, set_name, emotion, situation, utterance,
//           human_replies, rnd)                                     ix (set_name, human_replies, rnd)
//   replies(id PK, prompt_id FK prompts, emotion, source, text, words, author, created_at, excluded_reason,
//           ratings, rnd, model_name, template_hash, cache_key, latency_ms, prompt_tokens,
//           completion_tokens, finish_reason)                       ix (ratings, rnd) WHERE in pool; (prompt_id, source, author, id);
//                                                                   (author, prompt_id); (cache_key)
//   ratings(id PK autoincrement = export order, reply_id FK replies, rater, value 1..3, at)
//                                                                   unique (reply_id, rater); ix (rater)
//   counters(emotion, source, replies, ratings, good, okay, bad, excluded)   PK (emotion, source)
//   model_failures(prompt_id, source, cache_key, error, attempts, at)        PK (prompt_id, source)
//   consents(participant PK, at)
//   conversation_state(key PK, json, version)
//   idempotency(key PK, expires_at)                                 ix (expires_at)
//
// Invariants kept in the same transaction as the write that changes them:
//   prompts.human_replies = in-pool human replies of the prompt; replies.ratings = ratings of the reply;
//   counters = per (reply emotion, reply source): in-pool replies, excluded replies, ratings by value.
// A reply carries its prompt's emotion at insert time so counters stay consistent if a prompt is re-labelled.
using Microsoft.Data.Sqlite;

namespace EmpathyBot.Storage.Sqlite;

public sealed partial class SqliteStudyStore
{
    /// <summary>Migrations in order; index + 1 is the schema version they produce. Never edit a shipped one.</summary>
    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE prompts (
            id TEXT NOT NULL PRIMARY KEY,
            set_name TEXT NOT NULL,
            emotion TEXT NOT NULL,
            situation TEXT NOT NULL,
            utterance TEXT NOT NULL,
            human_replies INTEGER NOT NULL DEFAULT 0,
            rnd INTEGER NOT NULL
        );
        CREATE INDEX ix_prompts_balance ON prompts (set_name, human_replies, rnd);

        CREATE TABLE replies (
            id TEXT NOT NULL PRIMARY KEY,
            prompt_id TEXT NOT NULL REFERENCES prompts (id),
            emotion TEXT NOT NULL,
            source TEXT NOT NULL,
            text TEXT NOT NULL,
            author TEXT NULL,
            created_at INTEGER NOT NULL,
            excluded_reason TEXT NULL,
            ratings INTEGER NOT NULL DEFAULT 0,
            rnd INTEGER NOT NULL,
            model_name TEXT NULL,
            template_hash TEXT NULL,
            cache_key TEXT NULL,
            latency_ms REAL NULL,
            prompt_tokens INTEGER NULL,
            completion_tokens INTEGER NULL,
            finish_reason TEXT NULL
        );
        CREATE INDEX ix_replies_pool ON replies (ratings, rnd) WHERE excluded_reason IS NULL;
        CREATE INDEX ix_replies_prompt ON replies (prompt_id, source);
        CREATE INDEX ix_replies_author ON replies (author, prompt_id) WHERE author IS NOT NULL;
        CREATE INDEX ix_replies_cache ON replies (cache_key) WHERE cache_key IS NOT NULL;

        CREATE TABLE ratings (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            reply_id TEXT NOT NULL REFERENCES replies (id),
            rater TEXT NOT NULL,
            value INTEGER NOT NULL CHECK (value BETWEEN 1 AND 3),
            at INTEGER NOT NULL
        );
        CREATE UNIQUE INDEX ux_ratings_reply_rater ON ratings (reply_id, rater);
        CREATE INDEX ix_ratings_rater ON ratings (rater);

        CREATE TABLE counters (
            emotion TEXT NOT NULL,
            source TEXT NOT NULL,
            replies INTEGER NOT NULL DEFAULT 0,
            ratings INTEGER NOT NULL DEFAULT 0,
            good INTEGER NOT NULL DEFAULT 0,
            okay INTEGER NOT NULL DEFAULT 0,
            bad INTEGER NOT NULL DEFAULT 0,
            excluded INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (emotion, source)
        ) WITHOUT ROWID;

        CREATE TABLE model_failures (
            prompt_id TEXT NOT NULL,
            source TEXT NOT NULL,
            cache_key TEXT NOT NULL,
            error TEXT NOT NULL,
            attempts INTEGER NOT NULL,
            at INTEGER NOT NULL,
            PRIMARY KEY (prompt_id, source)
        ) WITHOUT ROWID;

        CREATE TABLE consents (
            participant TEXT NOT NULL PRIMARY KEY,
            at INTEGER NOT NULL
        ) WITHOUT ROWID;

        CREATE TABLE conversation_state (
            key TEXT NOT NULL PRIMARY KEY,
            json TEXT NOT NULL,
            version INTEGER NOT NULL
        ) WITHOUT ROWID;

        CREATE TABLE idempotency (
            key TEXT NOT NULL PRIMARY KEY,
            expires_at INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX ix_idempotency_expiry ON idempotency (expires_at);
        """,
    ];

    public static int SchemaVersion => Migrations.Length;

    private static void Migrate(SqliteConnection connection)
    {
        // WAL is persistent in the file; set it outside a transaction, once.
        Execute(connection, "PRAGMA journal_mode=WAL;");
        using var tx = connection.BeginTransaction(deferred: false);
        Execute(connection, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL);", tx);
        var current = Convert.ToInt32(Scalar(connection, "SELECT coalesce(max(version), 0) FROM schema_version;", tx));
        if (current > Migrations.Length)
        {
            throw new InvalidOperationException(
                $"The database schema is version {current}, newer than this build supports ({Migrations.Length}). Upgrade EmpathyBot.");
        }

        for (var v = current; v < Migrations.Length; v++)
        {
            Execute(connection, Migrations[v], tx);
        }

        if (current != Migrations.Length)
        {
            Execute(connection, "DELETE FROM schema_version;", tx);
            Execute(connection, $"INSERT INTO schema_version (version) VALUES ({Migrations.Length});", tx);
        }

        MigrateReplyKeys(connection, tx);
        MigrateReplyWords(connection, tx);
        MigrateAppraisal(connection, tx);
        MigrateIntegrity(connection, tx);
        MigrateCardTimings(connection, tx);
        MigrateQuality(connection, tx);
        MigrateLengths(connection, tx);
        MigrateUnderstanding(connection, tx);
        MigrateOffers(connection, tx);
        MigrateAssignments(connection, tx);
        MigrateDirectLine(connection, tx);
        MigratePeopleReleases(connection, tx);
        MigrateParticipantRecords(connection, tx);
        MigrateJudging(connection, tx);
        MigrateBattles(connection, tx);
        MigratePairVerdicts(connection, tx);
        tx.Commit();
    }
}
