using EmpathyBot.Core.Ports;
using EmpathyBot.Storage;
using EmpathyBot.Storage.Sqlite;
using EmpathyBot.Storage.Tests.Sqlite;
using Microsoft.Data.Sqlite;

namespace EmpathyBot.Storage.Tests.Appraisal;

public sealed class SqliteAppraisalStoreTests : AppraisalStoreContract, IDisposable
{
    private readonly SqliteStores stores = new("empathybot-appraisal-tests");

    protected override Task<IStudyStore> CreateStoreAsync() => stores.CreateAsync();

    public void Dispose() => stores.Dispose();

    [Fact]
    public async Task An_existing_database_without_appraisal_tables_gains_them_on_open()
    {
        var directory = Path.Combine(stores.Root, "old");
        stores.Open(directory).Dispose();
        using (var raw = new SqliteConnection($"Data Source={Path.Combine(directory, SqliteStudyStore.FileName)};Pooling=False"))
        {
            raw.Open();
            using var drop = raw.CreateCommand();
            drop.CommandText = "DROP TABLE appraisal_answers; DROP TABLE appraisal_counters; DROP TABLE appraisal_sets;";
            drop.ExecuteNonQuery();
        }

        var reopened = stores.Open(directory);
        Assert.Empty(await reopened.GetAppraisalCellsAsync());
        Assert.Empty(await reopened.GetSituationSetNamesAsync());
    }

    [Fact]
    public async Task An_existing_database_counts_the_people_of_its_answers_on_open()
    {
        var directory = Path.Combine(stores.Root, "before-people");
        var store = stores.Open(directory);
        var t0 = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
        foreach (var (id, who) in new[] { ("a", "p1"), ("b", "p1"), ("c", "p2") })
        {
            await store.AddAppraisalAnswerAsync(new AppraisalAnswer(id, "human", who, "default", "", "", null, null,
                new Core.Appraisal.PanasScore(30, 12), Enumerable.Repeat(3, 20).ToArray(), t0));
        }

        store.Dispose();
        using (var raw = new SqliteConnection($"Data Source={Path.Combine(directory, SqliteStudyStore.FileName)};Pooling=False"))
        {
            raw.Open();
            using var drop = raw.CreateCommand();
            drop.CommandText = "DROP TABLE appraisal_people;";
            drop.ExecuteNonQuery();
        }

        var reopened = stores.Open(directory);
        Assert.Equal(2, Assert.Single(await reopened.GetAppraisalCellsAsync()).People);
    }
}
