using EmpathyBot.Core.Ports;
using EmpathyBot.Storage.Redis;
using EmpathyBot.Storage.Tests.Contract;
using StackExchange.Redis;

namespace EmpathyBot.Storage.Tests.Redis;

/// <summary>The assignment contract against a real redis-server; every store gets its own key prefix.</summary>
[Collection(RedisCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class RedisSourceAssignmentTests(RedisServerFixture redis) : SourceAssignmentContract, IAsyncLifetime
{
    private readonly RedisStores stores = new(redis, "sa-");
    private readonly List<IConnectionMultiplexer> connections = [];

    protected override Task<IStudyStore> CreateStoreAsync() => stores.CreateAsync();

    // The second instance has its own connection, as another host would.
    protected override async Task<(IStudyStore First, IStudyStore Second)> TwoInstancesAsync()
    {
        var first = (RedisStudyStore)await stores.CreateAsync();
        var connection = await ConnectionMultiplexer.ConnectAsync(redis.Configuration);
        connections.Add(connection);
        return (first, new RedisStudyStore(connection, first.Keys));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var connection in connections) await connection.DisposeAsync();
        await stores.DeleteKeysAsync();
    }
}
