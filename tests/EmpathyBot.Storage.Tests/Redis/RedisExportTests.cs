using EmpathyBot.Core.Ports;
using EmpathyBot.Storage.Redis;

namespace EmpathyBot.Storage.Tests.Redis;

/// <summary>What the Redis store keeps only for the export: attention-check outcomes, gone with the participant.</summary>
[Collection(RedisCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class RedisExportTests(RedisServerFixture redis) : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly RedisStores stores = new(redis, "x-");

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => stores.DeleteKeysAsync();

    [Fact]
    public async Task Forget_removes_the_outcomes_of_the_participants_attention_checks()
    {
        var store = (RedisStudyStore)await stores.CreateAsync();
        await store.RecordAttentionCheckAsync(new AttentionCheck("alice", "gold-1", false, T0), 3);
        var outcomes = store.Keys.Prefix + "check-answers:alice";
        Assert.True(await redis.Connection.GetDatabase().KeyExistsAsync(outcomes));

        await store.ForgetAsync("alice");

        Assert.False(await redis.Connection.GetDatabase().KeyExistsAsync(outcomes));
    }

    [Fact]
    public async Task A_check_without_a_stored_outcome_stops_the_export_instead_of_being_dropped()
    {
        var store = (RedisStudyStore)await stores.CreateAsync();
        // What an older build left: the answered check id, without its outcome.
        await redis.Connection.GetDatabase().SetAddAsync(store.Keys.Prefix + "checks:bob", "gold-7");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var _ in store.ExportAttentionChecksAsync()) { }
        });
        Assert.Contains("gold-7", error.Message);
    }
}
