using EmpathyBot.Core.Ports;
using EmpathyBot.Storage;
using EmpathyBot.Storage.Redis;
using EmpathyBot.Storage.Tests.Contract;

namespace EmpathyBot.Storage.Tests.Redis;

/// <summary>The quality contract against a real redis-server; every store gets its own key prefix.</summary>
[Collection(RedisCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class RedisQualityTests(RedisServerFixture redis) : QualityContract, IAsyncLifetime
{
    private readonly RedisStores stores = new(redis, "q-");

    protected override Task<IStudyStore> CreateStoreAsync() => stores.CreateAsync();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => stores.DeleteKeysAsync();

    [Fact]
    public async Task A_study_begun_before_length_cells_gets_them_rebuilt_from_the_counted_ratings()
    {
        var store = (RedisStudyStore)await stores.CreateAsync();
        var t0 = DateTimeOffset.UnixEpoch;
        await store.ImportRatingsAsync(
        [
            new("q1", "sad", "s", "u", "human", "a1", "one two three", "x", Core.Study.RatingValue.Good),
            new("q1", "sad", "s", "u", "human", "a1", "one two three", "y", Core.Study.RatingValue.Okay),
            new("q1", "sad", "s", "u", "gpt", "b1", "four five", "x", Core.Study.RatingValue.Bad),
        ], "imported");
        var before = (await store.GetQualityAsync()).Lengths;

        // As in a study written by a version without length cells: neither the hash nor its marker exist.
        var db = redis.Connection.GetDatabase();
        await db.KeyDeleteAsync([store.Keys.Prefix + "lengths", store.Keys.Prefix + "lengths-built"]);
        await store.AddRatingAsync(new Core.Study.Rating("b1", "y", Core.Study.RatingValue.Good, t0));

        Assert.Equal(
            [new Core.Summary.LengthCell("sad", "gpt", 2, 1, 1), new Core.Summary.LengthCell("sad", "human", 3, 1, 1)],
            (await store.GetQualityAsync()).Lengths);
        Assert.Equal([new Core.Summary.LengthCell("sad", "gpt", 2, 0, 1), new Core.Summary.LengthCell("sad", "human", 3, 1, 1)], before);
    }
}
