using EmpathyBot.Core.Ports;
using EmpathyBot.Storage.Tests.Contract;

namespace EmpathyBot.Storage.Tests.Sqlite;

public sealed class SqliteSourceAssignmentTests : SourceAssignmentContract, IDisposable
{
    private readonly SqliteStores stores = new("empathybot-assignment-tests");

    protected override Task<IStudyStore> CreateStoreAsync() => stores.CreateAsync();

    // Two stores on one database file, as the host and a second process would open it.
    protected override Task<(IStudyStore First, IStudyStore Second)> TwoInstancesAsync()
    {
        var directory = Path.Combine(stores.Root, "shared");
        return Task.FromResult<(IStudyStore, IStudyStore)>((stores.Open(directory), stores.Open(directory)));
    }

    public void Dispose() => stores.Dispose();
}
