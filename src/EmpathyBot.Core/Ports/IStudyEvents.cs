namespace EmpathyBot.Core.Ports;

/// <summary>
/// Live study events. In process for SQLite; Redis pub/sub when several host instances share one Redis,
/// so a rating taken on instance A reaches a dashboard open on instance B.
/// </summary>
public interface IStudyEvents
{
    Task PublishAsync(StudyEvent studyEvent, CancellationToken ct = default);

    /// <summary>Subscribes now: every event published after this returns is delivered to the subscription.</summary>
    Task<IStudyEventSubscription> SubscribeAsync(CancellationToken ct = default);
}

public interface IStudyEventSubscription : IAsyncDisposable
{
    /// <summary>Events in arrival order until the subscription is disposed or <paramref name="ct"/> is cancelled.</summary>
    IAsyncEnumerable<StudyEvent> ReadAllAsync(CancellationToken ct = default);
}
