using System.Threading.Channels;
using EmpathyBot.Core.Study;

namespace EmpathyBot.Channels.Slack;

/// <summary>
/// Hands acknowledged requests to the background worker. Work is partitioned by conversation so one
/// person's turns stay in order (a reply before its rating) while different people proceed in parallel.
/// </summary>
public sealed class SlackWorkQueue
{
    public const int Partitions = 4;

    // Unbounded: an item is only enqueued after its event id was claimed, so refusing it would lose it for good.
    private readonly Channel<SlackWork>[] channels = Enumerable.Range(0, Partitions)
        .Select(_ => Channel.CreateUnbounded<SlackWork>(new UnboundedChannelOptions { SingleReader = true }))
        .ToArray();

    public void Enqueue(SlackWork work)
    {
        var key = work.Turn.UserId + "\n" + work.Turn.ConversationId;
        var partition = (int)((uint)StableHash.Polynomial(key) % Partitions);
        if (!channels[partition].Writer.TryWrite(work))
        {
            throw new InvalidOperationException("The Slack work queue is closed (the host is shutting down).");
        }
    }

    public ChannelReader<SlackWork> Reader(int partition) => channels[partition].Reader;

    public void Complete()
    {
        foreach (var channel in channels)
        {
            channel.Writer.TryComplete();
        }
    }
}
