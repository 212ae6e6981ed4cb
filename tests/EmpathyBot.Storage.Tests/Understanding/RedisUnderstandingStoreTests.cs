using EmpathyBot.Core.Ports;
using EmpathyBot.Storage;
using EmpathyBot.Storage.Tests.Redis;

namespace EmpathyBot.Storage.Tests.Understanding;

/// <summary>The understanding contract against a real redis-server; each store gets its own key prefix.</summary>
[Collection(RedisCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class RedisUnderstandingStoreTests(RedisServerFixture redis) : UnderstandingStoreContract, IAsyncLifetime
{
    private readonly RedisStores stores = new(redis, "tu-");

    protected override Task<IStudyStore> CreateStoreAsync() => stores.CreateAsync();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => stores.DeleteKeysAsync();
}
