using EmpathyBot.Core.Ports;
using EmpathyBot.Storage;
using EmpathyBot.Storage.Tests.Sqlite;

namespace EmpathyBot.Storage.Tests.Understanding;

public sealed class SqliteUnderstandingStoreTests : UnderstandingStoreContract, IDisposable
{
    private readonly SqliteStores stores = new("empathybot-understanding-tests");

    protected override Task<IStudyStore> CreateStoreAsync() => stores.CreateAsync();

    public void Dispose() => stores.Dispose();
}
