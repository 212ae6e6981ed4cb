using EmpathyBot.Core.Ports;
using EmpathyBot.Storage;
using EmpathyBot.Storage.Tests.Contract;

namespace EmpathyBot.Storage.Tests.Sqlite;

public sealed class SqliteIntegrityTests : IntegrityContract, IDisposable
{
    private readonly SqliteStores stores = new("empathybot-integrity-tests");

    protected override Task<IStudyStore> CreateStoreAsync() => stores.CreateAsync();

    public void Dispose() => stores.Dispose();
}
