using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;

namespace EmpathyBot.Models.Tests.Infrastructure;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that shows the waits started on it, so a test can check the length of each wait
/// and then advance exactly past it, instead of stepping the clock blindly while real HTTP is in flight.
/// </summary>
public sealed class WatchedClock : FakeTimeProvider
{
    private readonly ConcurrentQueue<TimeSpan> _waits = new();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        _waits.Enqueue(dueTime);
        return base.CreateTimer(callback, state, dueTime, period);
    }

    /// <summary>The next wait started on this clock; polls (real time) until one starts or <paramref name="within"/> passes.</summary>
    public async Task<TimeSpan> NextWaitAsync(TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(15));
        TimeSpan wait;
        while (!_waits.TryDequeue(out wait))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("No wait was started on the injected clock.");
            await Task.Delay(10);
        }

        return wait;
    }
}
