using EmpathyBot.Channels.Teams;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EmpathyBot.Channels.Work;

/// <summary>
/// Work a channel acknowledged and does afterwards (Teams wants its answer within about 15 s, Slack within 3 s; the
/// engine and the outbound calls may take longer). Work for one conversation runs in the order it was queued, one
/// item at a time, so a reply is stored before the rating that follows it; different conversations run in parallel.
/// <para>
/// Shutdown has one rule for every channel: from <see cref="StopAsync"/> on nothing new is accepted, and everything
/// already accepted still runs until the host's shutdown timeout; then running work is cancelled, work not yet
/// started is dropped, and both are logged as errors.
/// </para>
/// </summary>
public sealed class ConversationWorkQueue(ILogger<ConversationWorkQueue> logger, int capacity = ConversationWorkQueue.Unbounded, int maxParallel = BotOptions.DefaultMaxParallelTurns)
    : IHostedService
{
    public const int Unbounded = int.MaxValue;

    private readonly object gate = new();
    private readonly Dictionary<string, Queue<Func<CancellationToken, Task>>> waiting = new(StringComparer.Ordinal);
    // Neither is disposed: a lane cancelled at the shutdown timeout may still be finishing when the host disposes
    // its services, and neither holds anything beyond managed memory while no wait handle is asked for.
    private readonly SemaphoreSlim slots = new(maxParallel, maxParallel);
    private readonly CancellationTokenSource hardStop = new();
    private TaskCompletionSource idle = Completed();
    private int pending;
    private int waitingForSlot;
    private bool closed;

    /// <summary>Work accepted and not finished yet (queued or running).</summary>
    public int Pending
    {
        get
        {
            lock (gate) return pending;
        }
    }

    /// <summary>Work whose turn has come in its conversation and that waits for one of the <c>maxParallel</c> slots.</summary>
    public int WaitingForSlot => Volatile.Read(ref waitingForSlot);

    /// <summary>
    /// Queues <paramref name="work"/> behind earlier work of <paramref name="conversation"/>. False when the queue is
    /// full or shutting down: the caller must answer so that the sender retries, because the work was not taken.
    /// </summary>
    public bool TryEnqueue(string conversation, Func<CancellationToken, Task> work)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(work);
        lock (gate)
        {
            if (closed || pending >= capacity) return false;
            if (pending++ == 0) idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (waiting.TryGetValue(conversation, out var lane))
            {
                lane.Enqueue(work);
                return true;
            }

            // The conversation's lane exists while its runner is alive; later work waits in it.
            waiting[conversation] = new Queue<Func<CancellationToken, Task>>();
        }

        _ = Task.Run(() => RunLaneAsync(conversation, work));
        return true;
    }

    /// <summary>Completes when nothing is queued or running.</summary>
    public Task WhenIdleAsync()
    {
        lock (gate) return idle.Task;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        Task drained;
        lock (gate)
        {
            closed = true;
            drained = idle.Task;
        }

        try
        {
            await drained.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            logger.LogError("Shutdown timeout reached with {Pending} channel work items unfinished; cancelling them", Pending);
            await hardStop.CancelAsync();
        }
    }

    private async Task RunLaneAsync(string conversation, Func<CancellationToken, Task> work)
    {
        for (var next = work; next is not null; next = Finished(conversation)) await RunOneAsync(next);
    }

    private async Task RunOneAsync(Func<CancellationToken, Task> work)
    {
        Interlocked.Increment(ref waitingForSlot);
        try
        {
            await slots.WaitAsync(hardStop.Token);
        }
        catch (OperationCanceledException)
        {
            logger.LogError("Dropped channel work that had not started before the shutdown timeout");
            return;
        }
        finally
        {
            Interlocked.Decrement(ref waitingForSlot);
        }

        try
        {
            await work(hardStop.Token);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Channel work failed after the acknowledgement");
        }
        finally
        {
            slots.Release();
        }
    }

    /// <summary>Counts one item as done and hands out the conversation's next one, or retires the lane.</summary>
    private Func<CancellationToken, Task>? Finished(string conversation)
    {
        lock (gate)
        {
            if (--pending == 0) idle.TrySetResult();
            var lane = waiting[conversation];
            if (lane.TryDequeue(out var next)) return next;
            waiting.Remove(conversation);
            return null;
        }
    }

    private static TaskCompletionSource Completed()
    {
        var done = new TaskCompletionSource();
        done.SetResult();
        return done;
    }
}
