using EmpathyBot.Core.Ports;
using EmpathyBot.Core.Study;
using EmpathyBot.Storage.Sqlite;

namespace EmpathyBot.Storage.Tests.Sqlite;

/// <summary>An export snapshot: every table read while it is open is as of the moment it began, whatever is written meanwhile.</summary>
public sealed class SqliteExportSnapshotTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly SqliteStores stores = new("empathybot-export-snapshot-tests");

    public void Dispose() => stores.Dispose();

    [Fact]
    public async Task Tables_read_in_a_snapshot_agree_with_each_other_while_replies_and_ratings_keep_arriving()
    {
        var store = stores.Open(Path.Combine(stores.Root, "db"));
        await store.UpsertPromptsAsync([new StudyPrompt("p1", "sad", "situation", "utterance", "core")]);
        await store.AddReplyAsync(new Reply("m-1", "p1", "gpt", "I'm sorry.", null, T0));
        await store.AddRatingAsync(new Rating("m-1", "ann", RatingValue.Good, T0));

        await using (await store.BeginExportSnapshotAsync())
        {
            var replies = await store.ExportRepliesAsync().ToListAsync();

            // Written after the snapshot began, between two tables of the export.
            await store.AddReplyAsync(new Reply("m-2", "p1", "gpt", "That is hard.", null, T0));
            await store.AddRatingAsync(new Rating("m-2", "bob", RatingValue.Okay, T0));
            await store.AddRatingAsync(new Rating("m-1", "bob", RatingValue.Bad, T0));

            var ratings = await store.ExportRatingRecordsAsync().ToListAsync();
            Assert.Equal(["m-1"], replies.Select(r => r.Id));
            Assert.Equal([("m-1", "ann")], ratings.Select(r => (r.Reply.Id, r.Rater)));
            Assert.Single(await store.ExportRatingsAsync().ToListAsync());
            Assert.Empty(await store.ExportBattlesAsync().ToListAsync());
        }

        // Closed: the next export sees everything, and a new snapshot can be opened.
        Assert.Equal(3, (await store.ExportRatingRecordsAsync().ToListAsync()).Count);
        await using (await store.BeginExportSnapshotAsync())
        {
            Assert.Equal(["m-1", "m-2"], (await store.ExportRepliesAsync().ToListAsync()).Select(r => r.Id).Order());
        }
    }

    [Fact]
    public async Task A_snapshot_belongs_to_the_flow_that_opened_it()
    {
        var store = stores.Open(Path.Combine(stores.Root, "db"));
        await store.UpsertPromptsAsync([new StudyPrompt("p1", "sad", "situation", "utterance", "core")]);
        await using var snapshot = await store.BeginExportSnapshotAsync();
        await store.AddReplyAsync(new Reply("m-1", "p1", "gpt", "I'm sorry.", null, T0));

        // Another flow (the bot's own reads, say) is not held to the snapshot.
        Task<List<Reply>> elsewhere;
        using (ExecutionContext.SuppressFlow()) elsewhere = Task.Run(() => store.ExportRepliesAsync().ToListAsync().AsTask());
        Assert.Single(await elsewhere);
        Assert.Empty(await store.ExportRepliesAsync().ToListAsync());
        Assert.Throws<InvalidOperationException>(() => store.BeginExportSnapshotAsync().GetAwaiter().GetResult());
    }
}
