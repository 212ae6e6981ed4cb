using EmpathyBot.Core.Ports;
using EmpathyBot.Storage;
using EmpathyBot.Storage.Sqlite;
using EmpathyBot.Storage.Tests.Contract;
using Microsoft.Data.Sqlite;

namespace EmpathyBot.Storage.Tests.Sqlite;

public sealed class SqliteQualityTests : QualityContract, IDisposable
{
    private readonly SqliteStores stores = new("empathybot-quality-tests");

    protected override Task<IStudyStore> CreateStoreAsync() => stores.CreateAsync();

    public void Dispose() => stores.Dispose();

    [Fact]
    public async Task An_existing_database_is_back_filled_when_the_quality_tables_arrive()
    {
        var directory = Path.Combine(stores.Root, "old");
        using (var store = new SqliteStudyStore(directory))
        {
            await store.ImportRatingsAsync(
            [
                new("q1", "sad", "s", "u", "human", "a1", "one two three", "x", Core.Study.RatingValue.Good),
                new("q1", "sad", "s", "u", "human", "a1", "one two three", "y", Core.Study.RatingValue.Okay),
            ], "imported");
        }

        // Simulate a database made before the quality schema existed.
        using (var raw = new SqliteConnection($"Data Source={Path.Combine(directory, SqliteStudyStore.FileName)};Pooling=False"))
        {
            raw.Open();
            using var command = raw.CreateCommand();
            command.CommandText = "DROP TABLE agreement_units; DROP TABLE reply_agreement; DROP TABLE quality_counters;";
            command.ExecuteNonQuery();
        }

        var reopened = stores.Open(directory);
        var quality = await reopened.GetQualityAsync();
        Assert.Equal(3, quality.Cells.Single().Words);
        Assert.Equal([new Core.Summary.AgreementProfile(1, 1, 0, 1)], quality.Agreement);
    }

    [Fact]
    public async Task An_existing_database_gets_length_cells_and_rating_triggers_that_keep_them()
    {
        var directory = Path.Combine(stores.Root, "before-lengths");
        using (var store = new SqliteStudyStore(directory))
        {
            await store.ImportRatingsAsync(
            [
                new("q1", "sad", "s", "u", "human", "a1", "one two three", "x", Core.Study.RatingValue.Good),
                new("q1", "sad", "s", "u", "human", "a1", "one two three", "y", Core.Study.RatingValue.Okay),
            ], "imported");
        }

        // Simulate a database made before length cells: no table, and a rating trigger that does not move them.
        using (var raw = new SqliteConnection($"Data Source={Path.Combine(directory, SqliteStudyStore.FileName)};Pooling=False"))
        {
            raw.Open();
            using var command = raw.CreateCommand();
            command.CommandText = """
                DROP TABLE length_counters;
                DROP TRIGGER tr_quality_rating_counted;
                CREATE TRIGGER tr_quality_rating_counted AFTER INSERT ON ratings BEGIN SELECT 1; END;
                """;
            command.ExecuteNonQuery();
        }

        var reopened = stores.Open(directory);
        Assert.Equal([new Core.Summary.LengthCell("sad", "human", 3, 1, 1)], (await reopened.GetQualityAsync()).Lengths);

        await reopened.AddRatingAsync(new Core.Study.Rating("a1", "z", Core.Study.RatingValue.Good, DateTimeOffset.UnixEpoch));
        Assert.Equal([new Core.Summary.LengthCell("sad", "human", 3, 2, 1)], (await reopened.GetQualityAsync()).Lengths);
    }
}
