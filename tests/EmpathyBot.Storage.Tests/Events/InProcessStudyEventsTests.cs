using EmpathyBot.Core.Ports;
using EmpathyBot.Storage.Events;
using EmpathyBot.Storage.Tests.Redis;

namespace EmpathyBot.Storage.Tests.Events;

public sealed class InProcessStudyEventsTests
{
    private static StudyEvent Event(string reply) => new(StudyEventKind.RatingRecorded, reply, "sad", "gpt", "good", DateTimeOffset.UnixEpoch);

    [Fact]
    public async Task Every_subscriber_receives_events_published_after_it_subscribed_in_order()
    {
        var events = new InProcessStudyEvents();
        await events.PublishAsync(Event("before"));
        await using var a = await events.SubscribeAsync();
        await using var b = await events.SubscribeAsync();

        await events.PublishAsync(Event("r1"));
        await events.PublishAsync(Event("r2"));

        Assert.Equal(["r1", "r2"], (await RedisStudyEventsTests.ReadAsync(a, 2)).Select(e => e.ReplyId));
        Assert.Equal(["r1", "r2"], (await RedisStudyEventsTests.ReadAsync(b, 2)).Select(e => e.ReplyId));
    }

    [Fact]
    public async Task A_stalled_subscriber_keeps_the_newest_events_and_never_blocks_publishers()
    {
        var events = new InProcessStudyEvents();
        await using var stalled = await events.SubscribeAsync();
        var total = InProcessStudyEvents.SubscriberCapacity + 10;
        for (var i = 0; i < total; i++) await events.PublishAsync(Event($"r{i}"));

        var kept = await RedisStudyEventsTests.ReadAsync(stalled, InProcessStudyEvents.SubscriberCapacity);
        Assert.Equal("r10", kept[0].ReplyId);
        Assert.Equal($"r{total - 1}", kept[^1].ReplyId);
    }
}
