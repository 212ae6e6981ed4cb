using EmpathyBot.Core.Study;
using EmpathyBot.Core.Ports;
using EmpathyBot.Storage.Redis;
using EmpathyBot.Storage.Tests.Events;
using Microsoft.Extensions.DependencyInjection;

namespace EmpathyBot.Storage.Tests.Redis;

[Collection(RedisCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class RedisStudyEventsRegistrationTests(RedisServerFixture redis)
{
    private static ServiceProvider Build(Dictionary<string, string?> settings) => StudyEventsRegistrationTests.Build(settings);

    [Fact]
    public async Task Redis_provider_registers_the_redis_store_and_pubsub_events_that_cross_instances()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Redis",
            ["Storage:Redis:Configuration"] = redis.Configuration,
            ["Storage:Redis:KeyPrefix"] = "reg-" + Guid.NewGuid().ToString("N"),
        };
        await using var instanceA = Build(settings);
        await using var instanceB = Build(settings);

        var storeA = instanceA.GetRequiredService<IStudyStore>();
        Assert.IsType<RedisStudyStore>(storeA);
        Assert.IsType<RedisStudyEvents>(instanceB.GetRequiredService<IStudyEvents>());
        Assert.True(await storeA.PingAsync());

        await using var subscription = await instanceB.GetRequiredService<IStudyEvents>().SubscribeAsync();
        await storeA.UpsertPromptsAsync([new StudyPrompt("p1", "sad", "s", "u", "s1")]);
        await storeA.AddReplyAsync(new Reply("h1", "p1", Sources.Human, "text", "alice", DateTimeOffset.UtcNow));
        await storeA.AddRatingAsync(new Rating("h1", "bob", RatingValue.Good, DateTimeOffset.UtcNow));

        var received = await RedisStudyEventsTests.ReadAsync(subscription, 2);
        Assert.Equal(StudyEventKind.RatingRecorded, received[1].Kind);
        Assert.Equal(1, (await instanceB.GetRequiredService<IStudyStore>().GetCountersAsync()).Single().Counts.Good);
    }
}
