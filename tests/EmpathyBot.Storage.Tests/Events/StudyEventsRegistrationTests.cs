using EmpathyBot.Core.Study;
using EmpathyBot.Core.Ports;
using EmpathyBot.Storage;
using EmpathyBot.Storage.Events;
using EmpathyBot.Storage.Redis;
using EmpathyBot.Storage.Sqlite;
using EmpathyBot.Storage.Tests.Redis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EmpathyBot.Storage.Tests.Events;

[Collection(RedisCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class StudyEventsRegistrationTests(RedisServerFixture redis)
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddEmpathyBotStorage(configuration).BuildServiceProvider();
    }

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

    [Fact]
    public async Task Sqlite_provider_gets_in_process_events_announced_by_a_publishing_store()
    {
        var dir = Path.Combine(Path.GetTempPath(), "empathybot-events-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using (var services = Build(new() { ["Storage:Provider"] = "Sqlite", ["Storage:DataDirectory"] = dir }))
            {
                Assert.IsType<PublishingStudyStore>(services.GetRequiredService<IRatingStore>());
                Assert.IsType<PublishingStudyStore>(services.GetRequiredService<IReplyStore>());
                Assert.IsType<SqliteStudyStore>(services.GetRequiredService<IPromptStore>());
                var prompts = services.GetRequiredService<IPromptStore>();
                var replies = services.GetRequiredService<IReplyStore>();
                var ratings = services.GetRequiredService<IRatingStore>();
                var events = services.GetRequiredService<IStudyEvents>();
                Assert.IsType<InProcessStudyEvents>(events);
                await using var subscription = await events.SubscribeAsync();

                await prompts.UpsertPromptsAsync([new StudyPrompt("p1", "sad", "s", "u", "s1")]);
                await replies.AddReplyAsync(new Reply("m1", "p1", "gpt", "text", null, DateTimeOffset.UtcNow));
                await ratings.AddRatingAsync(new Rating("m1", "bob", RatingValue.Bad, DateTimeOffset.UtcNow));
                await ratings.AddRatingAsync(new Rating("m1", "bob", RatingValue.Bad, DateTimeOffset.UtcNow)); // duplicate: no event

                var received = await RedisStudyEventsTests.ReadAsync(subscription, 2);
                Assert.Equal([StudyEventKind.ReplyAdded, StudyEventKind.RatingRecorded], received.Select(e => e.Kind));
                Assert.Equal(("m1", "sad", "gpt", "bad"), (received[1].ReplyId, received[1].Emotion, received[1].Source, received[1].Rating));
                // The duplicate rating announced nothing: the next event is the reply added after it.
                await replies.AddReplyAsync(new Reply("m2", "p1", "gpt", "text", null, DateTimeOffset.UtcNow));
                var next = Assert.Single(await RedisStudyEventsTests.ReadAsync(subscription, 1));
                Assert.Equal((StudyEventKind.ReplyAdded, "m2"), (next.Kind, next.ReplyId));
            }
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }
}
