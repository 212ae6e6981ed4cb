using System.Collections.Concurrent;
using EmpathyBot.Core.Ports;

namespace EmpathyBot.Storage.Events;

/// <summary>Study events for a single host instance (the SQLite deployment).</summary>
public sealed class InProcessStudyEvents : IStudyEvents
{
    /// <summary>Events a subscriber may fall behind by before its oldest are dropped.</summary>
    public const int SubscriberCapacity = ChannelEventSubscription.Capacity;

    private readonly ConcurrentDictionary<ChannelEventSubscription, byte> _subscriptions = new();

    public Task PublishAsync(StudyEvent studyEvent, CancellationToken ct = default)
    {
        foreach (var subscription in _subscriptions.Keys)
        {
            subscription.Deliver(studyEvent);
        }

        return Task.CompletedTask;
    }

    public Task<IStudyEventSubscription> SubscribeAsync(CancellationToken ct = default)
    {
        var subscription = new ChannelEventSubscription(s =>
        {
            _subscriptions.TryRemove(s, out _);
            return ValueTask.CompletedTask;
        });
        _subscriptions[subscription] = 0;
        return Task.FromResult<IStudyEventSubscription>(subscription);
    }
}
