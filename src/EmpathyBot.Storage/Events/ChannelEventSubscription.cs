using System.Runtime.CompilerServices;
using System.Threading.Channels;
using EmpathyBot.Core.Ports;

namespace EmpathyBot.Storage.Events;

/// <summary>A subscriber's buffer. A stalled dashboard drops its oldest hints rather than slowing ratings down; counters stay the truth.</summary>
internal sealed class ChannelEventSubscription(Func<ChannelEventSubscription, ValueTask> onDispose) : IStudyEventSubscription
{
    public const int Capacity = 1024;

    private readonly Channel<StudyEvent> _channel = Channel.CreateBounded<StudyEvent>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    private int _disposed;

    public void Deliver(StudyEvent studyEvent) => _channel.Writer.TryWrite(studyEvent);

    public async IAsyncEnumerable<StudyEvent> ReadAllAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        await foreach (var item in _channel.Reader.ReadAllAsync(ct))
        {
            yield return item;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        _channel.Writer.TryComplete();
        await onDispose(this);
    }
}
