using EmpathyBot.Core.Ports;
using EmpathyBot.Core.Study;
using EmpathyBot.Storage.Redis;

namespace EmpathyBot.Storage.Tests.Redis;

/// <summary>The same on Redis, where the answer script announces the verdict itself.</summary>
[Collection(RedisCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class RedisBattleEventsTests(RedisServerFixture redis)
{
    [Fact]
    public async Task Redis_announces_a_recorded_verdict_from_its_script()
    {
        var keys = new RedisKeys("bev-" + Guid.NewGuid().ToString("N"));
        var store = new RedisStudyStore(redis.Connection, keys);
        var events = new RedisStudyEvents(redis.Connection, keys);
        await using var subscription = await events.SubscribeAsync();
        var t0 = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

        await store.UpsertPromptsAsync([new StudyPrompt("p1", "sad", "s", "u", "s1")]);
        await store.AddReplyAsync(new Reply("h1", "p1", Sources.Human, "a person's reply", "alice", t0));
        await store.AddReplyAsync(new Reply("m1", "p1", "gpt", "a model's reply", null, t0));
        var card = await store.NextPairAsync("bob");
        await store.AnswerPairAsync("bob", card!.Id, PairChoice.Right, t0);
        await store.AnswerPairAsync("bob", card.Id, PairChoice.Right, t0);
        var gold = await store.NextPairAsync("carol", "h-00112233aabbccdd");
        await store.AnswerPairAsync("carol", gold!.Id, PairChoice.Left, t0);
        var marker = new StudyEvent(StudyEventKind.CountersChanged, "marker", null, null, null, DateTimeOffset.UnixEpoch);
        await events.PublishAsync(marker);

        var received = await RedisStudyEventsTests.ReadAsync(subscription, 4);
        Assert.Equal([StudyEventKind.ReplyAdded, StudyEventKind.ReplyAdded, StudyEventKind.CountersChanged], received.Take(3).Select(e => e.Kind));
        Assert.Equal(marker, received[3]);
    }
}
