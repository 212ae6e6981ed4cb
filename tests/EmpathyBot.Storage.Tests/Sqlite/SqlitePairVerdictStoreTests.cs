using EmpathyBot.Core.Ports;
using EmpathyBot.Storage.Tests.Contract;

namespace EmpathyBot.Storage.Tests.Sqlite;

public sealed class SqlitePairVerdictStoreTests : PairVerdictStoreContract, IDisposable
{
    private readonly SqliteStores stores = new("empathybot-pair-verdict-tests");

    protected override Task<IStudyStore> CreateStoreAsync() => stores.CreateAsync();

    public void Dispose() => stores.Dispose();
}
