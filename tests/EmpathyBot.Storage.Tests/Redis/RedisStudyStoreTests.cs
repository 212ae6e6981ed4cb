using EmpathyBot.Core.Ports;
using EmpathyBot.Storage;
using EmpathyBot.Storage.Redis;
using EmpathyBot.Storage.Tests.Contract;

namespace EmpathyBot.Storage.Tests.Redis;

/// <summary>The shared store contract against a real redis-server; every store gets its own key prefix.</summary>
[Collection(RedisCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class RedisStudyStoreTests(RedisServerFixture redis) : StudyStoreContract, IAsyncLifetime
{
    private readonly RedisStores stores = new(redis, "t-");

    protected override Task<IStudyStore> CreateStoreAsync() => stores.CreateAsync();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => stores.DeleteKeysAsync();

    [Fact]
    public void Key_prefix_is_a_cluster_hash_tag()
    {
        Assert.Equal("{empathybot}:", new RedisKeys("empathybot:").Prefix);
        Assert.Equal("{study-2}:", new RedisKeys("study-2").Prefix);
        Assert.Equal("{empathybot}:", new RedisKeys(null).Prefix);
        Assert.Equal("{a}b:", new RedisKeys("{a}b:").Prefix);
    }
}
