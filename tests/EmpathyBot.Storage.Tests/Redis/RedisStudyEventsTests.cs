using EmpathyBot.Core.Study;
using EmpathyBot.Core.Ports;
using EmpathyBot.Storage.Redis;
using Microsoft.Extensions.Time.Testing;

namespace EmpathyBot.Storage.Tests.Redis;

/// <summary>Two host instances (two multiplexers) share one Redis: what one records, the other's dashboards hear.</summary>
[Collection(RedisCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class RedisStudyEventsTests(RedisServerFixture redis)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task A_rating_recorded_on_instance_A_reaches_a_subscriber_on_instance_B()
    {
        var keys = new RedisKeys("ev-" + Guid.NewGuid().ToString("N"));
        await using var instanceB = await redis.ConnectAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
        var storeA = new RedisStudyStore(redis.Connection, keys, clock);
        await using var subscription = await new RedisStudyEvents(instanceB, keys).SubscribeAsync();

        await storeA.UpsertPromptsAsync([new StudyPrompt("p1", "proud", "s", "u", "s1")]);
        await storeA.AddReplyAsync(new Reply("m1", "p1", "gpt", "text", null, DateTimeOffset.UtcNow));
        Assert.Equal(RatingOutcome.Recorded, await storeA.AddRatingAsync(new Rating("m1", "bob", RatingValue.Okay, DateTimeOffset.UtcNow)));
        Assert.Equal(RatingOutcome.AlreadyRated, await storeA.AddRatingAsync(new Rating("m1", "bob", RatingValue.Okay, DateTimeOffset.UtcNow)));
        await storeA.ForgetAsync("bob");

        var received = await ReadAsync(subscription, 3);
        Assert.Equal([StudyEventKind.ReplyAdded, StudyEventKind.RatingRecorded, StudyEventKind.CountersChanged], received.Select(e => e.Kind));
        var rating = received[1];
        Assert.Equal(("m1", "proud", "gpt", "okay"), (rating.ReplyId, rating.Emotion, rating.Source, rating.Rating));
        Assert.Equal(("m1", "proud", "gpt", (string?)null), (received[0].ReplyId, received[0].Emotion, received[0].Source, received[0].Rating));
        Assert.Equal(clock.GetUtcNow(), received[2].At); // the withdrawal is dated by the store's clock
    }

    [Fact]
    public async Task An_event_published_through_instance_A_reaches_every_subscriber_of_its_study_only()
    {
        var keys = new RedisKeys("ev-" + Guid.NewGuid().ToString("N"));
        await using var instanceB = await redis.ConnectAsync();
        var eventsA = new RedisStudyEvents(redis.Connection, keys);
        await using var first = await new RedisStudyEvents(instanceB, keys).SubscribeAsync();
        await using var second = await new RedisStudyEvents(instanceB, keys).SubscribeAsync();
        var otherKeys = new RedisKeys("ev-other-" + Guid.NewGuid().ToString("N"));
        await using var otherStudy = await new RedisStudyEvents(instanceB, otherKeys).SubscribeAsync();

        var sent = new StudyEvent(StudyEventKind.CountersChanged, null, null, null, null, new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
        await eventsA.PublishAsync(sent);
        // Published after it on the same connection, so the other study hears this first unless it heard ours.
        var othersOwn = sent with { ReplyId = "other" };
        await new RedisStudyEvents(redis.Connection, otherKeys).PublishAsync(othersOwn);

        Assert.Equal(sent, Assert.Single(await ReadAsync(first, 1)));
        Assert.Equal(sent, Assert.Single(await ReadAsync(second, 1)));
        Assert.Equal(othersOwn, Assert.Single(await ReadAsync(otherStudy, 1)));
    }

    [Fact]
    public async Task A_disposed_subscription_ends_its_stream()
    {
        var keys = new RedisKeys("ev-" + Guid.NewGuid().ToString("N"));
        var events = new RedisStudyEvents(redis.Connection, keys);
        var subscription = await events.SubscribeAsync();
        await subscription.DisposeAsync();

        await events.PublishAsync(new StudyEvent(StudyEventKind.CountersChanged, null, null, null, null, DateTimeOffset.UtcNow));
        Assert.Empty(await ReadAsync(subscription, int.MaxValue));
    }

    internal static async Task<List<StudyEvent>> ReadAsync(IStudyEventSubscription subscription, int count)
    {
        using var cts = new CancellationTokenSource(Patience);
        var list = new List<StudyEvent>();
        await foreach (var e in subscription.ReadAllAsync(cts.Token))
        {
            list.Add(e);
            if (list.Count == count) break;
        }

        return list;
    }
}
