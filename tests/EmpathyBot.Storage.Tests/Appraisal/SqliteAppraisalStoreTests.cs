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
}
