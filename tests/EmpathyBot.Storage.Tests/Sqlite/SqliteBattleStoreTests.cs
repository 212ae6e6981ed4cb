using EmpathyBot.Storage.Tests.Contract;

namespace EmpathyBot.Storage.Tests.Sqlite;

public sealed class SqliteBattleStoreTests : BattleStoreContract, IDisposable
{
    private readonly SqliteStores stores = new("empathybot-battle-tests");

    protected override Task<IStudyStore> CreateStoreAsync(TimeProvider? time = null) => stores.CreateAsync(time);

    public void Dispose() => stores.Dispose();
}
