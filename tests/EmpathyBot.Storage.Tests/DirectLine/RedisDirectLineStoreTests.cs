using EmpathyBot.Core.Ports;
using EmpathyBot.Storage.Tests.Redis;

namespace EmpathyBot.Storage.Tests.DirectLine;

/// <summary>The Direct Line contract against a real redis-server; each store gets its own key prefix.</summary>
[Collection(RedisCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class RedisDirectLineStoreTests(RedisServerFixture redis) : DirectLineStoreContract, IAsyncLifetime
{
    private readonly RedisStores stores = new(redis, "tdl-");

    protected override Task<IStudyStore> CreateStoreAsync() => stores.CreateAsync();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => stores.DeleteKeysAsync();
}
