using EmpathyBot.Core.Ports;
using EmpathyBot.Storage.Tests.Contract;

namespace EmpathyBot.Storage.Tests.Redis;

/// <summary>The pairwise judge contract against a real redis-server; every store gets its own key prefix.</summary>
[Collection(RedisCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class RedisPairVerdictStoreTests(RedisServerFixture redis) : PairVerdictStoreContract, IAsyncLifetime
{
    private readonly RedisStores stores = new(redis, "pv-");

    protected override Task<IStudyStore> CreateStoreAsync() => stores.CreateAsync();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => stores.DeleteKeysAsync();
}
