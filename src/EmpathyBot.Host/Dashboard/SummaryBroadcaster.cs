using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using EmpathyBot.Services.Summary;
using EmpathyBot.Core.Summary;
using EmpathyBot.Core.Ports;
using Microsoft.Extensions.Options;

namespace EmpathyBot.Host.Dashboard;

/// <summary>
/// The live summary shared by every open stream: one subscription to the study events, at most one build per
/// <see cref="DashboardOptions.UpdateInterval"/> however many changes arrive, and the serialized event handed to each
/// listener as is. Nothing is built while nobody listens; the first listener after a change triggers the build.
/// </summary>
public sealed class SummaryBroadcaster(
    SummaryQuery summary, IStudyEvents events, TimeProvider clock, IOptions<DashboardOptions> options, ILogger<SummaryBroadcaster> logger)
    : BackgroundService
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    private readonly Lock gate = new();
    private readonly HashSet<SummaryListener> listeners = [];
    private readonly Channel<bool> wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private long version;
    private long builtVersion = -1;
    private ReadOnlyMemory<byte> latest;
    private long builds;

    /// <summary>Summary builds so far (a build serves every listener at once).</summary>
    public long Builds => Interlocked.Read(ref builds);

    public int Listeners
    {
        get
        {
            lock (gate) return listeners.Count;
        }
    }

    /// <summary>A new listener, given the current summary at once when it is up to date; null when <see cref="DashboardOptions.MaxStreams"/> are open.</summary>
    public SummaryListener? TryJoin()
    {
        lock (gate)
        {
            if (listeners.Count >= options.Value.MaxStreams) return null;
            var listener = new SummaryListener(Leave);
            listeners.Add(listener);
            if (builtVersion == version) listener.Offer(latest);
            else wake.Writer.TryWrite(true);
            return listener;
        }
    }

    private void Leave(SummaryListener listener)
    {
        lock (gate) listeners.Remove(listener);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(WatchAsync(stoppingToken), BuildAsync(stoppingToken));

    /// <summary>Marks the summary stale on every study event; resubscribes after the store comes back.</summary>
    private async Task WatchAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await using var subscription = await events.SubscribeAsync(stop);
                Changed(); // whatever happened while we were not subscribed
                await foreach (var _ in subscription.ReadAllAsync(stop)) Changed();
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (StoreUnavailableException e)
            {
                logger.LogWarning("Live summary updates paused: {Reason}", e.Message);
                await Pause(stop);
            }
        }
    }

    private void Changed()
    {
        lock (gate)
        {
            version++;
            if (listeners.Count > 0) wake.Writer.TryWrite(true);
        }
    }

    private async Task BuildAsync(CancellationToken stop)
    {
        try
        {
            await foreach (var _ in wake.Reader.ReadAllAsync(stop))
            {
                long target;
                lock (gate)
                {
                    if (listeners.Count == 0 || builtVersion == version) continue;
                    target = version;
                }

                await PublishAsync(target, stop);
                // Changes that arrive meanwhile wait for the next build: one build per interval at most.
                await Task.Delay(options.Value.UpdateInterval, clock, stop);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    private async Task PublishAsync(long target, CancellationToken stop)
    {
        ReadOnlyMemory<byte> update;
        try
        {
            update = await RenderAsync(stop);
        }
        catch (StoreUnavailableException e)
        {
            logger.LogWarning("The live summary could not be built: {Reason}", e.Message);
            await Pause(stop);
            wake.Writer.TryWrite(true);
            return;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "The live summary could not be built");
            await Pause(stop);
            wake.Writer.TryWrite(true);
            return;
        }

        lock (gate)
        {
            latest = update;
            builtVersion = target;
            foreach (var listener in listeners) listener.Offer(update);
            if (version != target) wake.Writer.TryWrite(true);
        }
    }

    private async Task<ReadOnlyMemory<byte>> RenderAsync(CancellationToken ct)
    {
        var document = await summary.BuildAsync(ct);
        Interlocked.Increment(ref builds);
        var payload = JsonSerializer.Serialize(new { summary = document, html = SummaryReport.Body(document, clock.GetUtcNow()) }, Json);
        return Encoding.UTF8.GetBytes($"event: summary\ndata: {payload}\n\n");
    }

    private async Task Pause(CancellationToken stop)
    {
        try
        {
            await Task.Delay(RetryDelay, clock, stop);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The host is stopping; the loops end on their own.
        }
    }
}
