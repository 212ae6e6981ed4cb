using System.Threading.Channels;

namespace EmpathyBot.Host.Dashboard;

/// <summary>One open stream's mailbox: it holds only the newest update, so a slow client skips stale ones instead of queueing them.</summary>
public sealed class SummaryListener : IDisposable
{
    private readonly Channel<ReadOnlyMemory<byte>> updates = Channel.CreateBounded<ReadOnlyMemory<byte>>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    private readonly Action<SummaryListener> leave;

    internal SummaryListener(Action<SummaryListener> leave) => this.leave = leave;

    /// <summary>Complete server-sent events (<c>event: summary</c>), ready to write.</summary>
    public ChannelReader<ReadOnlyMemory<byte>> Updates => updates.Reader;

    internal void Offer(ReadOnlyMemory<byte> update) => updates.Writer.TryWrite(update);

    public void Dispose() => leave(this);
}
