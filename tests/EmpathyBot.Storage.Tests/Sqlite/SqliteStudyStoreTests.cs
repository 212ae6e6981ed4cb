using EmpathyBot.Core.Study;
using EmpathyBot.Core.Summary;
using EmpathyBot.Core.Ports;
using EmpathyBot.Storage;
using EmpathyBot.Storage.Sqlite;
using EmpathyBot.Storage.Tests.Contract;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace EmpathyBot.Storage.Tests.Sqlite;

public sealed class SqliteStudyStoreTests : StudyStoreContract, IDisposable
{
    private readonly SqliteStores stores = new("empathybot-sqlite-tests");

    protected override Task<IStudyStore> CreateStoreAsync() => stores.CreateAsync(Clock);

    private SqliteStudyStore OpenStore(string directory) => stores.Open(directory);

    public void Dispose() => stores.Dispose();

    private static SqliteConnection Raw(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    [Fact]
    public void Creates_the_data_directory_and_one_database_file_in_wal_mode_at_the_current_schema()
    {
        var directory = Path.Combine(stores.Root, "nested", "data");
        var store = OpenStore(directory);

        Assert.Equal(Path.Combine(directory, SqliteStudyStore.FileName), store.DatabasePath);
        Assert.True(File.Exists(store.DatabasePath));
        using var raw = Raw(store.DatabasePath);
        Assert.Equal("wal", Scalar(raw, "PRAGMA journal_mode;"));
        Assert.Equal((long)SqliteStudyStore.SchemaVersion, Scalar(raw, "SELECT version FROM schema_version;"));
    }

    [Fact]
    public void A_data_directory_that_cannot_be_created_gives_a_clear_error()
    {
        Directory.CreateDirectory(stores.Root);
        var blocker = Path.Combine(stores.Root, "a-file");
        File.WriteAllText(blocker, "not a directory");

        var error = Assert.Throws<InvalidOperationException>(() => new SqliteStudyStore(Path.Combine(blocker, "data")));
        Assert.Contains("data directory", error.Message);
        Assert.Contains(blocker, error.Message);
    }

    [Fact]
    public async Task Data_survives_reopening_the_store()
    {
        var directory = Path.Combine(stores.Root, "reopen");
        var first = OpenStore(directory);
        await first.UpsertPromptsAsync([Prompt("p1")]);
        await first.AddReplyAsync(Model("m1", "p1"));
        await first.AddRatingAsync(Rate("m1", "bob", RatingValue.Okay));
        await first.RecordConsentAsync("bob", T0);
        await first.TrySaveStateAsync("bob", "{\"step\":2}", 0);
        first.Dispose();

        var second = OpenStore(directory);
        Assert.Equal(Prompt("p1"), await second.GetPromptAsync("p1"));
        Assert.Equal(Model("m1", "p1"), await second.GetReplyAsync("m1"));
        Assert.Equal(new Core.Summary.SourceCounts(1, 1, 0, 1, 0), await CountsAsync(second, "sad", "gpt"));
        Assert.Equal(RatingOutcome.AlreadyRated, await second.AddRatingAsync(Rate("m1", "bob")));
        Assert.Equal(T0, await second.GetConsentAsync("bob"));
        Assert.Equal("{\"step\":2}", (await second.GetStateAsync("bob"))!.Json);
    }

    [Fact]
    public async Task Two_store_instances_on_one_file_share_writes()
    {
        // The CLI and the host may run side by side on the same data directory.
        var directory = Path.Combine(stores.Root, "shared");
        var host = OpenStore(directory);
        var cli = OpenStore(directory);
        await host.UpsertPromptsAsync([Prompt("p1")]);
        await host.AddReplyAsync(Model("m1", "p1"));

        await Task.WhenAll(
            Task.Run(async () => { for (var i = 0; i < 50; i++) await host.AddRatingAsync(Rate("m1", $"h{i}")); }),
            Task.Run(async () => { for (var i = 0; i < 50; i++) await cli.AddRatingAsync(Rate("m1", $"c{i}")); }));

        Assert.Equal(100, (await CountsAsync(host, "sad", "gpt")).Ratings);
        Assert.Equal(100, (await CountsAsync(cli, "sad", "gpt")).Ratings);
    }

    [Fact]
    public async Task Concurrent_ratings_from_many_tasks_never_double_count()
    {
        var store = OpenStore(Path.Combine(stores.Root, "concurrent"));
        await store.UpsertPromptsAsync([Prompt("p1"), Prompt("p2", "joyful")]);
        await store.AddReplyAsync(Model("m1", "p1"));
        await store.AddReplyAsync(Human("h1", "p2", "alice"));

        // 40 raters each try every reply three times, all at once.
        var attempts = Enumerable.Range(0, 40)
            .SelectMany(r => new[] { "m1", "h1" }.SelectMany(reply => Enumerable.Repeat((reply, rater: $"r{r}"), 3)))
            .Select(a => Task.Run(() => store.AddRatingAsync(Rate(a.reply, a.rater, (RatingValue)(1 + a.rater.Length % 3)))))
            .ToArray();
        var outcomes = await Task.WhenAll(attempts);

        Assert.Equal(80, outcomes.Count(o => o == RatingOutcome.Recorded));
        Assert.Equal(160, outcomes.Count(o => o == RatingOutcome.AlreadyRated));
        var gpt = await CountsAsync(store, "sad", "gpt");
        var human = await CountsAsync(store, "joyful", Sources.Human);
        Assert.Equal(40, gpt.Ratings);
        Assert.Equal(40, gpt.Good + gpt.Okay + gpt.Bad);
        Assert.Equal(40, human.Ratings);
        Assert.Null(await store.NextReplyToRateAsync("late", 40));
        Assert.NotNull(await store.NextReplyToRateAsync("late", 41));

        using var raw = Raw(store.DatabasePath);
        Assert.Equal(80L, Scalar(raw, "SELECT count(*) FROM ratings;"));
        Assert.Equal(80L, Scalar(raw, "SELECT sum(ratings) FROM replies;"));
    }

    [Fact]
    public async Task A_disposed_store_does_not_answer_ping_and_refuses_work()
    {
        var store = OpenStore(Path.Combine(stores.Root, "disposed"));
        Assert.True(await store.PingAsync());
        store.Dispose();

        Assert.False(await store.PingAsync());
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.GetPromptAsync("p1"));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.UpsertPromptsAsync([Prompt("p1")]));
    }

    [Fact]
    public async Task A_database_from_a_newer_build_is_refused_with_a_clear_error()
    {
        var directory = Path.Combine(stores.Root, "newer");
        OpenStore(directory).Dispose();
        using (var raw = Raw(Path.Combine(directory, SqliteStudyStore.FileName)))
        using (var command = raw.CreateCommand())
        {
            command.CommandText = "UPDATE schema_version SET version = 999;";
            command.ExecuteNonQuery();
        }

        var error = Assert.Throws<InvalidOperationException>(() => new SqliteStudyStore(directory));
        Assert.Contains("999", error.Message);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task Expired_idempotency_claims_are_purged_as_new_ones_arrive()
    {
        var store = stores.Open(Path.Combine(stores.Root, "purge"), Clock);
        for (var i = 0; i < 20; i++) Assert.True(await store.TryClaimAsync($"old-{i}", TimeSpan.FromMinutes(1)));
        Clock.Advance(TimeSpan.FromMinutes(2));

        for (var i = 0; i < 600; i++) await store.TryClaimAsync($"new-{i}", TimeSpan.FromMinutes(10));

        using var raw = Raw(store.DatabasePath);
        Assert.Equal(0L, Scalar(raw, "SELECT count(*) FROM idempotency WHERE key LIKE 'old-%';"));
        Assert.Equal(600L, Scalar(raw, "SELECT count(*) FROM idempotency WHERE key LIKE 'new-%';"));
    }

    [Fact]
    public async Task The_hot_queries_use_indexes_not_scans()
    {
        var store = OpenStore(Path.Combine(stores.Root, "plans"));
        using var raw = Raw(store.DatabasePath);

        string Plan(string sql)
        {
            using var command = raw.CreateCommand();
            command.CommandText = "EXPLAIN QUERY PLAN " + sql;
            using var reader = command.ExecuteReader();
            var lines = new List<string>();
            while (reader.Read()) lines.Add(reader.GetString(3));
            return string.Join(" | ", lines);
        }

        Assert.Contains("ux_ratings_reply_rater", Plan("SELECT 1 FROM ratings WHERE reply_id = 'a' AND rater = 'b'"));
        Assert.Contains("ix_replies_pool", Plan("SELECT ratings FROM replies r WHERE r.excluded_reason IS NULL AND r.ratings < 3 ORDER BY r.ratings LIMIT 1"));
        Assert.Contains("ix_prompts_balance", Plan("SELECT human_replies FROM prompts p WHERE p.set_name = 's' ORDER BY p.human_replies LIMIT 1"));
        Assert.Contains("ix_replies_cache", Plan("SELECT id FROM replies r WHERE r.cache_key = 'k'"));
        Assert.DoesNotContain("SCAN", Plan("SELECT * FROM counters WHERE emotion = 'sad' AND source = 'gpt'"));
        Assert.Contains("COVERING INDEX ix_replies_prompt_keys", Plan("SELECT id, source, author FROM replies WHERE prompt_id = 'p'"));
        await Task.CompletedTask;
    }

    [Fact]
    public async Task A_database_from_before_stored_word_counts_gets_them_counted_as_its_length_cells_were()
    {
        var directory = Path.Combine(stores.Root, "words");
        var before = OpenStore(directory);
        await before.UpsertPromptsAsync([new StudyPrompt("p1", "sad", "s", "u", "s1")]);
        await before.AddReplyAsync(new Reply("h1", "p1", Sources.Human, "so  sorry\tfor you", "a", T0));
        before.Dispose();
        using (var raw = Raw(before.DatabasePath))
        {
            // The schema of a version without the column: the triggers that read it go first (they are recreated at start).
            using var command = raw.CreateCommand();
            command.CommandText = """
                DROP TRIGGER tr_quality_reply_added; DROP TRIGGER tr_quality_reply_removed;
                DROP TRIGGER tr_quality_rating_counted; DROP TRIGGER tr_quality_rating_excluded;
                DROP TRIGGER tr_quality_counted_rating_removed; DROP TRIGGER tr_quality_excluded_rating_removed;
                ALTER TABLE replies DROP COLUMN words;
                """;
            command.ExecuteNonQuery();
        }

        var after = OpenStore(directory);
        using var check = Raw(after.DatabasePath);
        Assert.Equal(4L, Scalar(check, "SELECT words FROM replies WHERE id = 'h1';"));
        await after.AddRatingAsync(new Rating("h1", "r1", RatingValue.Good, T0));
        Assert.Equal(new LengthCell("sad", "human", 4, 1, 0), Assert.Single((await after.GetQualityAsync()).Lengths));
    }
}
