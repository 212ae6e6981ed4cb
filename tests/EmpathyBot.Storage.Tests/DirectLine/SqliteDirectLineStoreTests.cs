using System.Text;
using EmpathyBot.Core.Ports;
using EmpathyBot.Storage.Tests.Sqlite;

namespace EmpathyBot.Storage.Tests.DirectLine;

public sealed class SqliteDirectLineStoreTests : DirectLineStoreContract, IDisposable
{
    private readonly SqliteStores stores = new("empathybot-directline-tests");

    protected override Task<IStudyStore> CreateStoreAsync() => stores.CreateAsync();

    public void Dispose() => stores.Dispose();

    [Fact]
    public async Task A_reopened_database_continues_the_conversation()
    {
        var now = DateTimeOffset.UtcNow;
        var limits = new DirectLineLimits(10, 10, 10_000, TimeSpan.FromHours(1));
        var directory = Path.Combine(stores.Root, "restart");
        var first = stores.Open(directory);
        await first.OpenConversationAsync("c1", now, limits);
        await first.AppendActivityAsync("c1", "{}"u8.ToArray(), now, limits);
        first.Dispose();

        var second = stores.Open(directory);
        Assert.Equal(2, await second.AppendActivityAsync("c1", Encoding.UTF8.GetBytes("[]"), now, limits));
        Assert.Equal(2, (await second.GetActivitiesAsync("c1", 0, now, limits))!.Activities.Count);
    }
}
