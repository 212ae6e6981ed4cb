using EmpathyBot.Core.Ports;
using EmpathyBot.Storage;
using EmpathyBot.Core.Appraisal;
using EmpathyBot.Core.Study;
using EmpathyBot.Core.Understanding;
using EmpathyBot.Storage.Redis;
using EmpathyBot.Storage.Tests.Contract;

namespace EmpathyBot.Storage.Tests.Redis;

/// <summary>The shared store contract against a real redis-server; every store gets its own key prefix.</summary>
[Collection(RedisCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class RedisStudyStoreTests(RedisServerFixture redis) : StudyStoreContract, IAsyncLifetime
{
    private readonly RedisStores stores = new(redis, "t-");

    protected override Task<IStudyStore> CreateStoreAsync() => stores.CreateAsync(Clock);

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

    [Fact]
    public async Task Forget_is_one_script_call_so_no_reader_sees_half_a_participant()
    {
        var store = await CreateStoreAsync();
        await store.UpsertPromptsAsync([Prompt("p1")]);
        await store.AddReplyAsync(Human("a1", "p1", "alice"));
        await store.RecordConsentAsync("alice", T0);
        await store.AddAppraisalAnswerAsync(new AppraisalAnswer("f1", Sources.Human, "alice", "default", "", "", null, null,
            new PanasScore(30, 12), Enumerable.Repeat(3, 20).ToArray(), T0));
        await store.AddUnderstandingTestAsync(new UnderstandingTest("t1", Sources.Human, "alice", "allocation", 1, 1.5, T0));
        var before = await CommandCallsAsync();

        var result = await store.ForgetAsync("alice");

        var after = await CommandCallsAsync();
        Assert.Equal((1, true, 1, 1), (result.Replies, result.Consent, result.AppraisalAnswers, result.UnderstandingTests));
        var calls = after.Where(c => c.Value != before.GetValueOrDefault(c.Key)).ToDictionary(c => c.Key, c => c.Value - before.GetValueOrDefault(c.Key));
        Assert.Equal(1, calls.Where(c => c.Key is "eval" or "evalsha").Sum(c => c.Value));
    }

    [Fact]
    public async Task A_claim_written_by_an_older_build_stays_held_until_redis_expires_it()
    {
        var store = (RedisStudyStore)await stores.CreateAsync(Clock);
        var db = redis.Connection.GetDatabase();
        await db.StringSetAsync(store.Keys.Claim("evt"), 1, TimeSpan.FromMinutes(10));

        Clock.Advance(TimeSpan.FromDays(1));
        Assert.False(await store.TryClaimAsync("evt", TimeSpan.FromMinutes(1)));
        Assert.True(await store.TryClaimAsync("evt-new", TimeSpan.FromMinutes(1)));
        // Redis still expires new claims by itself, so keys never pile up.
        var ttl = await db.KeyTimeToLiveAsync(store.Keys.Claim("evt-new"));
        Assert.InRange(ttl!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
    }

    /// <summary>Calls per command since the server started (INFO commandstats), e.g. "evalsha" -> 12.</summary>
    private async Task<Dictionary<string, long>> CommandCallsAsync()
    {
        await using var admin = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(redis.Configuration + ",allowAdmin=true");
        var info = await admin.GetServers()[0].InfoAsync("commandstats");
        return info.SelectMany(g => g)
            .Where(kv => kv.Key.StartsWith("cmdstat_", StringComparison.Ordinal))
            .ToDictionary(kv => kv.Key["cmdstat_".Length..], kv => long.Parse(kv.Value.Split(',')[0]["calls=".Length..], System.Globalization.CultureInfo.InvariantCulture));
    }
}
