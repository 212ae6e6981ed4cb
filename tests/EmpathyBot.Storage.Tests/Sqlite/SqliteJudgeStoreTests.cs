using EmpathyBot.Core.Ports;
using EmpathyBot.Storage.Tests.Contract;

namespace EmpathyBot.Storage.Tests.Sqlite;

public sealed class SqliteJudgeStoreTests : JudgeStoreContract, IDisposable
{
    private readonly SqliteStores stores = new("empathybot-judge-tests");

    protected override Task<IStudyStore> CreateStoreAsync() => stores.CreateAsync();

    public void Dispose() => stores.Dispose();
}
