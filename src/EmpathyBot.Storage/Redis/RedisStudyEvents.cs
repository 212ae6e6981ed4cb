using System.Text.Json;
using EmpathyBot.Core.Ports;
using EmpathyBot.Storage.Events;
using StackExchange.Redis;

namespace EmpathyBot.Storage.Redis;

/// <summary>
/// Study events over Redis pub/sub, so every host instance sharing the Redis sees every rating. The Redis
/// store publishes from inside its scripts; the multiplexer re-subscribes by itself after a reconnect.
/// </summary>
public sealed class RedisStudyEvents(IConnectionMultiplexer redis, RedisKeys keys) : IStudyEvents
{
    public async Task PublishAsync(StudyEvent studyEvent, CancellationToken ct = default)
    {
        try
        {
            await redis.GetSubscriber().PublishAsync(keys.Events, JsonSerializer.Serialize(studyEvent));
        }
        catch (Exception e) when (RedisStudyStore.IsUnavailable(e))
        {
            throw new StoreUnavailableException("The study store (Redis) is unavailable: " + e.Message, e);
        }
    }

    public async Task<IStudyEventSubscription> SubscribeAsync(CancellationToken ct = default)
    {
        ChannelMessageQueue queue;
        try
        {
            queue = await redis.GetSubscriber().SubscribeAsync(keys.Events);
        }
        catch (Exception e) when (RedisStudyStore.IsUnavailable(e))
        {
            throw new StoreUnavailableException("The study store (Redis) is unavailable: " + e.Message, e);
        }

        var subscription = new ChannelEventSubscription(_ => new ValueTask(queue.UnsubscribeAsync()));
        queue.OnMessage(message =>
        {
            if (Parse(message.Message) is { } studyEvent) subscription.Deliver(studyEvent);
        });
        return subscription;
    }

    private static StudyEvent? Parse(RedisValue payload)
    {
        try
        {
            return JsonSerializer.Deserialize<StudyEvent>((string)payload!);
        }
        catch (JsonException)
        {
            // Someone else's message on our channel: not ours to deliver.
            return null;
        }
    }
}
