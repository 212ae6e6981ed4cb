using EmpathyBot.Core.Study;
using EmpathyBot.Core.Ports;
using EmpathyBot.Core.Summary;
using Microsoft.Data.Sqlite;

namespace EmpathyBot.Storage.Sqlite;

public sealed partial class SqliteStudyStore
{
    private const string ReplyColumns =
        "r.id, r.prompt_id, r.source, r.text, r.author, r.created_at, r.excluded_reason, " +
        "r.model_name, r.template_hash, r.cache_key, r.latency_ms, r.prompt_tokens, r.completion_tokens, r.finish_reason";

    public Task<bool> AddReplyAsync(Reply reply, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(reply);
        if (string.IsNullOrWhiteSpace(reply.Id)) throw new ArgumentException("A reply needs an id.", nameof(reply));
        if (string.IsNullOrWhiteSpace(reply.Source)) throw new ArgumentException($"Reply '{reply.Id}' needs a source.", nameof(reply));

        return Write((c, tx) =>
        {
            var emotion = Scalar(c, "SELECT emotion FROM prompts WHERE id = $id;", tx, ("$id", reply.PromptId)) as string
                ?? throw new ArgumentException($"Reply '{reply.Id}' is for unknown prompt '{reply.PromptId}'; add the prompt first.", nameof(reply));
            if (!InsertReply(c, tx, reply, emotion)) return false;

            // A reply ends the retry story of that prompt for that contender.
            Execute(c, "DELETE FROM model_failures WHERE prompt_id = $p AND source = $s;", tx, ("$p", reply.PromptId), ("$s", reply.Source));
            return true;
        }, ct);
    }

    public Task<Reply?> GetReplyAsync(string replyId, CancellationToken ct = default) => Lookup(c =>
        Query(c, $"SELECT {ReplyColumns} FROM replies r WHERE r.id = $id;", ReadReply, null, ("$id", replyId)).FirstOrDefault(), ct);

    // ix_replies_prompt_keys covers this: the rows themselves (and their texts) are never read.
    public Task<IReadOnlyList<ReplyKey>> GetReplyKeysForPromptAsync(string promptId, CancellationToken ct = default) => Lookup<IReadOnlyList<ReplyKey>>(c =>
        Query(c, "SELECT id, source, author FROM replies WHERE prompt_id = $p;",
            r => new ReplyKey(r.GetString(0), promptId, r.GetString(1), NullableString(r, 2)), null, ("$p", promptId)), ct);

    public Task<Reply?> FindReplyByCacheKeyAsync(string cacheKey, CancellationToken ct = default) => Lookup(c =>
        Query(c, $"SELECT {ReplyColumns} FROM replies r WHERE r.cache_key = $k ORDER BY r.created_at DESC LIMIT 1;", ReadReply, null, ("$k", cacheKey))
            .FirstOrDefault(), ct);

    public Task<IReadOnlyList<string>> PromptsWithoutReplyFromAsync(string set, string source, CancellationToken ct = default) => Read<IReadOnlyList<string>>(c =>
        Query(c, """
            SELECT p.id FROM prompts p
            WHERE p.set_name = $set AND NOT EXISTS (SELECT 1 FROM replies r WHERE r.prompt_id = p.id AND r.source = $source)
            ORDER BY p.id;
            """, r => r.GetString(0), null, ("$set", set), ("$source", source)), ct);

    public Task RecordModelFailureAsync(ModelFailure failure, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return Write((c, tx) => Execute(c, """
            INSERT OR REPLACE INTO model_failures (prompt_id, source, cache_key, error, attempts, at)
            VALUES ($p, $s, $k, $e, $n, $at);
            """, tx, ("$p", failure.PromptId), ("$s", failure.Source), ("$k", failure.CacheKey), ("$e", failure.Error),
            ("$n", failure.Attempts), ("$at", failure.At.UtcTicks)), ct);
    }

    public Task<IReadOnlyList<ModelFailure>> GetModelFailuresAsync(string source, CancellationToken ct = default) => Read<IReadOnlyList<ModelFailure>>(c =>
        Query(c, "SELECT prompt_id, source, cache_key, error, attempts, at FROM model_failures WHERE source = $s ORDER BY prompt_id;",
            r => new ModelFailure(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetInt32(4), FromTicks(r.GetInt64(5))),
            null, ("$s", source)), ct);

    // The near-duplicate check and the contender scheduler read every reply key of a prompt on each person's reply;
    // an index holding the whole key answers them without reading the table. It replaces (prompt_id, source), its prefix.
    private static void MigrateReplyKeys(SqliteConnection c, SqliteTransaction tx) => Execute(c, """
        CREATE INDEX IF NOT EXISTS ix_replies_prompt_keys ON replies (prompt_id, source, author, id);
        DROP INDEX IF EXISTS ix_replies_prompt;
        """, tx);

    // A reply's length in words (WordCount, whitespace-separated) is counted once in C# and stored, so the length cells
    // and the summary's words agree with the export and with the Redis store for every kind of whitespace; the SQL
    // count below (ASCII whitespace only) fills in the replies stored before, with the value their cells already hold.
    private static void MigrateReplyWords(SqliteConnection c, SqliteTransaction tx)
    {
        if (Scalar(c, "SELECT 1 FROM pragma_table_info('replies') WHERE name = 'words';", tx) is not null) return;
        Execute(c, $"ALTER TABLE replies ADD COLUMN words INTEGER NOT NULL DEFAULT 0; UPDATE replies SET words = {Words("text")};", tx);
    }

    /// <summary>Inserts a reply and counts it (counters, prompt balance); false when the id exists.</summary>
    private static bool InsertReply(SqliteConnection c, SqliteTransaction tx, Reply reply, string emotion)
    {
        var m = reply.Model;
        var inserted = Execute(c, """
            INSERT INTO replies (id, prompt_id, emotion, source, text, words, author, created_at, excluded_reason, rnd,
                model_name, template_hash, cache_key, latency_ms, prompt_tokens, completion_tokens, finish_reason)
            VALUES ($id, $p, $emotion, $source, $text, $words, $author, $at, $excluded, $rnd, $mn, $th, $ck, $lat, $pt, $ctk, $fr)
            ON CONFLICT (id) DO NOTHING;
            """, tx, ("$id", reply.Id), ("$p", reply.PromptId), ("$emotion", emotion), ("$source", reply.Source),
            ("$text", reply.Text ?? ""), ("$words", WordCount.Of(reply.Text)), ("$author", reply.Author), ("$at", reply.CreatedAt.UtcTicks),
            ("$excluded", reply.ExcludedReason), ("$rnd", Random.Shared.NextInt64()), ("$mn", m?.ModelName),
            ("$th", m?.TemplateHash), ("$ck", m?.CacheKey), ("$lat", m?.LatencyMs), ("$pt", m?.PromptTokens),
            ("$ctk", m?.CompletionTokens), ("$fr", m?.FinishReason));
        if (inserted == 0) return false;

        var inPool = reply.ExcludedReason is null;
        BumpCounters(c, tx, emotion, reply.Source, replies: inPool ? 1 : 0, excluded: inPool ? 0 : 1);
        if (inPool && Sources.IsHuman(reply.Source))
        {
            Execute(c, "UPDATE prompts SET human_replies = human_replies + 1 WHERE id = $p;", tx, ("$p", reply.PromptId));
        }

        return true;
    }

    private static void BumpCounters(SqliteConnection c, SqliteTransaction tx, string emotion, string source,
        long replies = 0, long ratings = 0, long good = 0, long okay = 0, long bad = 0, long excluded = 0)
    {
        Execute(c, """
            INSERT INTO counters (emotion, source, replies, ratings, good, okay, bad, excluded)
            VALUES ($e, $s, $rep, $rat, $g, $o, $b, $x)
            ON CONFLICT (emotion, source) DO UPDATE SET
                replies = counters.replies + excluded.replies, ratings = counters.ratings + excluded.ratings,
                good = counters.good + excluded.good, okay = counters.okay + excluded.okay,
                bad = counters.bad + excluded.bad, excluded = counters.excluded + excluded.excluded;
            """, tx, ("$e", emotion), ("$s", source), ("$rep", replies), ("$rat", ratings), ("$g", good), ("$o", okay),
            ("$b", bad), ("$x", excluded));
    }

    private static Reply ReadReply(SqliteDataReader r)
    {
        ModelReplyInfo? model = r.IsDBNull(7)
            ? null
            : new ModelReplyInfo(r.GetString(7), NullableString(r, 8) ?? "", NullableString(r, 9) ?? "",
                r.IsDBNull(10) ? 0 : r.GetDouble(10), r.IsDBNull(11) ? 0 : r.GetInt32(11),
                r.IsDBNull(12) ? 0 : r.GetInt32(12), NullableString(r, 13));
        return new Reply(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), NullableString(r, 4),
            FromTicks(r.GetInt64(5)), NullableString(r, 6), model);
    }
}
