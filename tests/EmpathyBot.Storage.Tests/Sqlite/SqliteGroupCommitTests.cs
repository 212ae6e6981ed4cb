using EmpathyBot.Core.Study;
using EmpathyBot.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace EmpathyBot.Storage.Tests.Sqlite;

/// <summary>Writes that queue up share one commit; each still happens whole or not at all.</summary>
public sealed class SqliteGroupCommitTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly SqliteStores stores = new("empathybot-group-commit-tests");

    public void Dispose() => stores.Dispose();

    private async Task<SqliteStudyStore> StoreWithPromptsAsync()
    {
        var store = stores.Open(Path.Combine(stores.Root, "db"));
        await store.UpsertPromptsAsync([
            new StudyPrompt("p-ok", "sad", "situation", "utterance", "s1"),
            new StudyPrompt("p-refused", "sad", "situation", "utterance", "s1"),
        ]);
        return store;
    }

    private static Reply Human(int i, string prompt) => new($"r-{i:D4}", prompt, Sources.Human, $"reply {i}", $"u{i}", T0);

    [Fact]
    public async Task Concurrent_writes_share_commits_and_a_failing_one_undoes_only_its_own_rows()
    {
        var store = await StoreWithPromptsAsync();
        using (var raw = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = store.DatabasePath, Pooling = false }.ToString()))
        {
            raw.Open();
            using var trigger = raw.CreateCommand();
            // A person's reply bumps its prompt's count after the reply row and the counters are written: refusing
            // that last step leaves the write half done, which its savepoint must undo.
            trigger.CommandText = """
                CREATE TRIGGER refuse_prompt BEFORE UPDATE OF human_replies ON prompts WHEN NEW.id = 'p-refused'
                BEGIN SELECT RAISE(ABORT, 'refused by the test'); END;
                """;
            trigger.ExecuteNonQuery();
        }

        // Alone in its commit, a failing write is undone with its transaction: nothing of its reply or counters stays.
        var lone = await Assert.ThrowsAsync<SqliteException>(() => store.AddReplyAsync(Human(999, "p-refused")));
        Assert.Contains("refused by the test", lone.Message);
        Assert.Empty(await store.ExportRepliesAsync().ToListAsync());
        Assert.DoesNotContain(await store.GetCountersAsync(), c => c.Source == Sources.Human && c.Counts.Replies != 0);

        var commitsBefore = store.Commits;
        var writes = Enumerable.Range(0, 200)
            .Select(i => (Index: i, Task: store.AddReplyAsync(Human(i, i % 10 == 0 ? "p-refused" : "p-ok"))))
            .ToList();
        foreach (var (index, task) in writes)
        {
            if (index % 10 == 0)
            {
                var error = await Assert.ThrowsAsync<SqliteException>(() => task);
                Assert.Contains("refused by the test", error.Message);
            }
            else
            {
                Assert.True(await task);
            }
        }

        Assert.Equal(180, (await store.ExportRepliesAsync().Where(x => x.PromptId == "p-ok").ToListAsync()).Count);
        Assert.Empty(await store.ExportRepliesAsync().Where(x => x.PromptId == "p-refused").ToListAsync());
        var counts = (await store.GetCountersAsync()).Single(c => c.Source == Sources.Human).Counts;
        Assert.Equal(180, counts.Replies);
        Assert.InRange(store.Commits - commitsBefore, 1, 199);
    }

    [Fact]
    public async Task Lookups_between_commits_see_every_write_committed_before_them()
    {
        // A turn's lookups run on the writer connection when no commit holds it and on a reader otherwise; either way
        // each one sees at least every write that completed before it began.
        var store = await StoreWithPromptsAsync();
        var completed = 0;
        var writes = Task.Run(async () =>
        {
            for (var i = 0; i < 300; i++)
            {
                Assert.True(await store.AddReplyAsync(Human(i, "p-ok")));
                Volatile.Write(ref completed, i + 1);
            }
        });
        var lookups = Task.Run(async () =>
        {
            while (!writes.IsCompleted)
            {
                var before = Volatile.Read(ref completed);
                Assert.InRange((await store.GetReplyKeysForPromptAsync("p-ok")).Count, before, 300);
            }
        });

        await Task.WhenAll(writes, lookups);
        Assert.Equal(300, (await store.GetReplyKeysForPromptAsync("p-ok")).Count);
    }

    [Fact]
    public async Task A_write_cancelled_before_it_is_queued_never_runs()
    {
        var store = await StoreWithPromptsAsync();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.AddReplyAsync(Human(1, "p-ok"), cancelled.Token));
        Assert.True(await store.AddReplyAsync(Human(2, "p-ok")));

        Assert.Equal(["r-0002"], (await store.ExportRepliesAsync().Where(x => x.PromptId == "p-ok").ToListAsync()).Select(r => r.Id));
    }

    [Fact]
    public async Task Writes_queued_when_the_store_closes_fail_and_later_ones_are_refused()
    {
        var store = await StoreWithPromptsAsync();
        var queued = Enumerable.Range(0, 50).Select(i => store.AddReplyAsync(Human(i, "p-ok"))).ToList();
        store.Dispose();

        // Each one either made it into a commit before the store closed or failed; none is left hanging.
        var committed = 0;
        foreach (var task in queued)
        {
            try
            {
                Assert.True(await task);
                committed++;
            }
            catch (ObjectDisposedException)
            {
            }
        }

        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.AddReplyAsync(Human(99, "p-ok")));
        var reopened = stores.Open(Path.GetDirectoryName(store.DatabasePath)!);
        Assert.Equal(committed, (await reopened.ExportRepliesAsync().Where(x => x.PromptId == "p-ok").ToListAsync()).Count);
    }
}
