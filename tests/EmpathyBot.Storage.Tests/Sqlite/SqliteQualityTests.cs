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
}
