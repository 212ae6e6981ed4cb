using System.Collections.Concurrent;
using System.Threading.Channels;
using EmpathyBot.Core.Ports;
using EmpathyBot.Models.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EmpathyBot.Models.Judging;

/// <summary>
/// Live judging: every reply that enters the pool (a <see cref="StudyEventKind.ReplyAdded"/> event, from people or
/// contenders) is queued for every judge, in the background. The queue is bounded
/// (<see cref="ModelRunnerOptions.JudgeQueueCapacity"/>): a reply that does not fit is logged and counted in
/// <see cref="NotQueued"/>, never dropped silently, and <c>empathybot judge run</c> judges it later.
/// </summary>
public sealed class JudgeScheduler(
    JudgeRunner runner, IReplyStore replies, IStudyEvents events, IIdempotencyStore claims, IOptions<ModelRunnerOptions> options,
    ILogger<JudgeScheduler> log)
    : BackgroundService
{
    /// <summary>
    /// How long a host's claim on judging a reply live stands. Several hosts on one Redis all hear every new reply; the
    /// first to claim it judges it, so the judges are not asked once per host.
    /// </summary>
    public static readonly TimeSpan ClaimTtl = TimeSpan.FromHours(1);

    private readonly Channel<string> _queue = Channel.CreateBounded<string>(
        new BoundedChannelOptions(options.Value.JudgeQueueCapacity) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });

    private readonly ConcurrentDictionary<string, byte> _pending = new(StringComparer.Ordinal);
    private long _notQueued;
    private IStudyEventSubscription? _first;

    /// <summary>Replies queued or being judged.</summary>
    public int Pending => _pending.Count;

    /// <summary>Replies that could not be queued since start (queue full or closed); <c>judge run</c> catches them up.</summary>
    public long NotQueued => Interlocked.Read(ref _notQueued);

    /// <summary>Queues a reply for every judge; false (logged and counted) when the queue cannot take it.</summary>
    public bool Enqueue(string replyId)
    {
        if (runner.Registry.All.Count == 0) return false;
        if (!_pending.TryAdd(replyId, 0)) return true;
        if (_queue.Writer.TryWrite(replyId)) return true;
        _pending.TryRemove(replyId, out _);
        var missed = Interlocked.Increment(ref _notQueued);
        log.LogWarning("Judge queue is full or closed; reply {Reply} was not queued ({Missed} so far). Run 'empathybot judge run' to judge it.", replyId, missed);
        return false;
    }

    /// <summary>Subscribes before the host finishes starting (ExecuteAsync runs later, in the background), so no reply added after start is missed.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        if (runner.Registry.All.Count > 0) _first = await TrySubscribeAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (runner.Registry.All.Count == 0) return;
        await Task.WhenAll(WatchAsync(stoppingToken), WorkAsync(stoppingToken));
    }

    private async Task<IStudyEventSubscription?> TrySubscribeAsync(CancellationToken ct)
    {
        try
        {
            return await events.SubscribeAsync(ct);
        }
        catch (StoreUnavailableException e)
        {
            log.LogWarning("Live judging paused: {Reason}. Replies added meanwhile are judged by 'empathybot judge run'.", e.Message);
            return null;
        }
    }

    private async Task WatchAsync(CancellationToken stop)
    {
        var subscription = Interlocked.Exchange(ref _first, null);
        while (!stop.IsCancellationRequested)
        {
            subscription ??= await TrySubscribeAsync(stop);
            if (subscription is null)
            {
                await Task.Delay(TimeSpan.FromSeconds(5), stop).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                continue;
            }

            try
            {
                await foreach (var e in subscription.ReadAllAsync(stop))
                {
                    if (e is { Kind: StudyEventKind.ReplyAdded, ReplyId: { Length: > 0 } id }) Enqueue(id);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
            }
            catch (StoreUnavailableException e)
            {
                log.LogWarning("Live judging paused: {Reason}. Replies added meanwhile are judged by 'empathybot judge run'.", e.Message);
            }
            finally
            {
                await subscription.DisposeAsync();
                subscription = null;
            }
        }
    }

    private async Task WorkAsync(CancellationToken stop)
    {
        using var slots = new SemaphoreSlim(options.Value.LivePromptsInFlight);
        var running = new ConcurrentDictionary<Task, byte>();
        try
        {
            await foreach (var id in _queue.Reader.ReadAllAsync(stop))
            {
                await slots.WaitAsync(stop);
                var work = Task.Run(() => JudgeOneAsync(id, stop), CancellationToken.None);
                running[work] = 0;
                _ = work.ContinueWith(t =>
                {
                    _pending.TryRemove(id, out _);
                    running.TryRemove(t, out _);
                    slots.Release();
                }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }

        await Task.WhenAll(running.Keys).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task JudgeOneAsync(string replyId, CancellationToken ct)
    {
        try
        {
            if (!await claims.TryClaimAsync("judge:" + replyId, ClaimTtl, ct)) return;
            if (await replies.GetReplyAsync(replyId, ct) is { } reply) await runner.JudgeReplyAsync(reply, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            // Store unavailable, most likely; the reply stays unjudged and the batch run picks it up.
            log.LogError(e, "Live judging of reply {Reply} failed.", replyId);
        }
    }
}
