using EmpathyBot.Storage.Tests.Contract;

namespace EmpathyBot.Storage.Tests.Redis;

/// <summary>The battle contract against a real redis-server; every store gets its own key prefix.</summary>
[Collection(RedisCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class RedisBattleStoreTests(RedisServerFixture redis) : BattleStoreContract, IAsyncLifetime
{
    private readonly RedisStores stores = new(redis, "b-");

    protected override Task<IStudyStore> CreateStoreAsync(TimeProvider? time = null) => stores.CreateAsync(time);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => stores.DeleteKeysAsync();
}
