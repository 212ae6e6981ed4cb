using System.Collections.Concurrent;
using EmpathyBot.Channels.Work;
using Microsoft.Extensions.Logging.Abstractions;

namespace EmpathyBot.Channels.Tests.Work;

public sealed class ConversationWorkQueueTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private static ConversationWorkQueue Queue(int capacity = ConversationWorkQueue.Unbounded) =>
        new(NullLogger<ConversationWorkQueue>.Instance, capacity);

    [Fact]
    public async Task One_conversations_work_runs_in_the_order_queued_and_never_two_at_once()
    {
        var queue = Queue();
        var order = new ConcurrentQueue<int>();
        var running = 0;
        var overlapped = false;

        for (var i = 0; i < 50; i++)
        {
            var n = i;
            Assert.True(queue.TryEnqueue("msteams:a", async _ =>
            {
                if (Interlocked.Increment(ref running) > 1) overlapped = true;
                await Task.Yield();
                order.Enqueue(n);
                Interlocked.Decrement(ref running);
            }));
        }

        await queue.WhenIdleAsync().WaitAsync(Patience);

        Assert.Equal(Enumerable.Range(0, 50), order);
        Assert.False(overlapped);
        Assert.Equal(0, queue.Pending);
    }

    [Fact]
    public async Task Different_conversations_run_in_parallel()
    {
        var queue = Queue();
        var bRan = new TaskCompletionSource();

        // a waits for b: if conversations ran one after another, a would never finish.
        queue.TryEnqueue("slack:a", ct => bRan.Task.WaitAsync(ct));
        queue.TryEnqueue("slack:b", _ =>
        {
            bRan.SetResult();
            return Task.CompletedTask;
        });

        await queue.WhenIdleAsync().WaitAsync(Patience);
        Assert.True(bRan.Task.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task A_failing_item_does_not_stop_the_ones_behind_it()
    {
        var queue = Queue();
        var ran = false;

        queue.TryEnqueue("c", _ => throw new InvalidOperationException("boom"));
        queue.TryEnqueue("c", _ =>
        {
            ran = true;
            return Task.CompletedTask;
        });

        await queue.WhenIdleAsync().WaitAsync(Patience);
        Assert.True(ran);
    }

    [Fact]
    public async Task Shutdown_refuses_new_work_and_waits_until_accepted_work_has_run()
    {
        var queue = Queue();
        var release = new TaskCompletionSource();
        var done = new ConcurrentQueue<string>();
        queue.TryEnqueue("c", async ct =>
        {
            await release.Task.WaitAsync(ct);
            done.Enqueue("first");
        });
        queue.TryEnqueue("c", _ =>
        {
            done.Enqueue("second");
            return Task.CompletedTask;
        });
        queue.TryEnqueue("d", _ =>
        {
            done.Enqueue("other");
            return Task.CompletedTask;
        });

        using var timeout = new CancellationTokenSource(Patience);
        var stopping = queue.StopAsync(timeout.Token);

        Assert.False(stopping.IsCompleted);
        Assert.False(queue.TryEnqueue("e", _ => Task.CompletedTask));
        release.SetResult();
        await stopping.WaitAsync(Patience);
        Assert.Equal(["first", "second"], done.Where(d => d != "other"));
        Assert.Contains("other", done);
        Assert.Equal(0, queue.Pending);
    }

    [Fact]
    public async Task At_the_shutdown_timeout_running_work_is_cancelled_and_work_not_started_is_not_run()
    {
        var queue = Queue();
        var started = new TaskCompletionSource();
        var cancelled = false;
        var secondRan = false;
        queue.TryEnqueue("c", async ct =>
        {
            started.SetResult();
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, ct);
            }
            catch (OperationCanceledException)
            {
                cancelled = true;
                throw;
            }
        });
        queue.TryEnqueue("c", _ =>
        {
            secondRan = true;
            return Task.CompletedTask;
        });
        await started.Task.WaitAsync(Patience);

        using var timeout = new CancellationTokenSource();
        var stopping = queue.StopAsync(timeout.Token);
        await timeout.CancelAsync();
        await stopping.WaitAsync(Patience);
        await queue.WhenIdleAsync().WaitAsync(Patience);

        Assert.True(cancelled);
        Assert.False(secondRan);
    }

    [Fact]
    public async Task A_full_queue_refuses_work_until_there_is_room_again()
    {
        var queue = Queue(capacity: 2);
        var release = new TaskCompletionSource();

        Assert.True(queue.TryEnqueue("a", ct => release.Task.WaitAsync(ct)));
        Assert.True(queue.TryEnqueue("b", ct => release.Task.WaitAsync(ct)));
        Assert.False(queue.TryEnqueue("c", _ => Task.CompletedTask));

        release.SetResult();
        await queue.WhenIdleAsync().WaitAsync(Patience);
        Assert.True(queue.TryEnqueue("c", _ => Task.CompletedTask));
        await queue.WhenIdleAsync().WaitAsync(Patience);
    }
}
