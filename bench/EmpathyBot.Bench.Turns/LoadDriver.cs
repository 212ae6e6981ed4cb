using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;

namespace EmpathyBot.Bench.Turns;

/// <summary>
/// The load generator: <c>connections</c> closed loops (like wrk's connections), each owning a share of the
/// participants and posting their next activity as soon as the previous request was acknowledged. A participant
/// presses Good only on a rating card that reached the sink, as a person cannot press a button before seeing it.
/// Refused activities (503/429) are re-sent with the same id after Retry-After, as Teams does.
/// Optionally paced to a fixed rate (open loop up to what the connections can carry).
/// </summary>
public sealed class LoadDriver(ReplySink sink, Mix mix, int connections, int participants, string tag)
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    private readonly ConcurrentDictionary<string, long> accepted = new(StringComparer.Ordinal);
    private long acknowledged;
    private long refused;
    private long failed;
    private long sequence;

    public async Task<LoadResult> RunAsync(IReadOnlyList<Uri> targets, TimeSpan duration, double? ratePerSecond, TimeSpan drainLimit)
    {
        sink.Reset();
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(60) };
        var people = Enumerable.Range(0, participants).Select(u => new Participant($"29:{tag}-user-{u}", $"a:{tag}-conversation-{u}")).ToArray();

        var start = Stopwatch.GetTimestamp();
        var end = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var pacer = ratePerSecond is { } rate ? new Pacer(start, rate) : null;
        var loops = Enumerable.Range(0, connections).Select(c =>
        {
            var mine = people.Where((_, u) => u % connections == c).ToArray();
            var target = targets[c % targets.Count];
            return Task.Run(() => LoopAsync(http, target, mine, end, pacer));
        });
        await Task.WhenAll(loops);
        var stopped = Stopwatch.GetTimestamp();
        var repliesInWindow = sink.Replies;
        var answeredInWindow = accepted.Count(a => sink.Answered.TryGetValue(a.Key, out var at) && at <= end);

        var drainDeadline = stopped + (long)(drainLimit.TotalSeconds * Stopwatch.Frequency);
        while (Unanswered() > 0 && Stopwatch.GetTimestamp() < drainDeadline) await Task.Delay(10);
        var drained = Stopwatch.GetTimestamp();
        var unanswered = Unanswered();

        var latencies = accepted
            .Select(a => sink.Answered.TryGetValue(a.Key, out var at) ? (at - a.Value) * 1000.0 / Stopwatch.Frequency : double.NaN)
            .Where(ms => !double.IsNaN(ms)).Order().ToArray();
        var seconds = (end - start) / (double)Stopwatch.Frequency;
        return new LoadResult(
            Acknowledged: Interlocked.Read(ref acknowledged) / seconds,
            AnsweredTurns: answeredInWindow / seconds,
            Replies: repliesInWindow / seconds,
            P50: Percentile(latencies, 0.50),
            P99: Percentile(latencies, 0.99),
            Refused: Interlocked.Read(ref refused),
            Failed: Interlocked.Read(ref failed),
            Ratings: sink.Ratings,
            Accepted: accepted.Count,
            Unanswered: unanswered,
            AfterStop: TimeSpan.FromSeconds((drained - stopped) / (double)Stopwatch.Frequency));
    }

    private int Unanswered() => accepted.Keys.Count(id => !sink.Answered.ContainsKey(id));

    private static double Percentile(double[] sorted, double q) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];

    private async Task LoopAsync(HttpClient http, Uri target, Participant[] mine, long end, Pacer? pacer)
    {
        var next = 0;
        while (Stopwatch.GetTimestamp() < end)
        {
            // The time a participant sends is taken after the pacer's wait, so pacing never counts as latency.
            if (pacer is not null) await pacer.WaitAsync();
            var (participant, outbound) = NextReady(mine, ref next, target);
            while (participant is null || outbound is null)
            {
                if (Stopwatch.GetTimestamp() >= end) return;
                await Task.Delay(2);
                (participant, outbound) = NextReady(mine, ref next, target);
            }

            await SendAsync(http, target, participant, outbound);
        }
    }

    private (Participant?, Outbound?) NextReady(Participant[] mine, ref int next, Uri target)
    {
        var now = Stopwatch.GetTimestamp();
        for (var i = 0; i < mine.Length; i++)
        {
            var participant = mine[next];
            next = (next + 1) % mine.Length;
            if (participant.Refused is { } again)
            {
                if (now < participant.NotBefore) continue;
                participant.Refused = null;
                return (participant, again);
            }

            if (Compose(participant, target, now) is { } outbound) return (participant, outbound);
        }

        return (null, null);
    }

    private Outbound? Compose(Participant p, Uri target, long now)
    {
        var id = $"{tag}-{Interlocked.Increment(ref sequence)}";
        var serviceUrl = sink.BaseUrl;
        if (mix == Mix.Hello) return new Outbound(id, Activities.Text(id, serviceUrl, p, "hello"), now);
        switch (p.Step)
        {
            case 0:
                return new Outbound(id, Activities.Value(id, serviceUrl, p, "{\"action\":\"consent\"}"), now);
            case 1:
                return new Outbound(id, Activities.Text(id, serviceUrl, p, "respond"), now);
            case 2:
                return new Outbound(id, Activities.Text(id, serviceUrl, p, Activities.ReplyText()), now);
            case 3:
                p.RateRequestId = id;
                return new Outbound(id, Activities.Text(id, serviceUrl, p, "rate"), now);
            default:
                if (!sink.Answered.ContainsKey(p.RateRequestId!)) return null;
                if (!sink.RateCards.TryGetValue(p.RateRequestId!, out var reply))
                {
                    // Nothing to rate (or not a card): start the loop again.
                    p.Step = 1;
                    return Compose(p, target, now);
                }

                return new Outbound(id, Activities.Value(id, serviceUrl, p, $"{{\"action\":\"rate\",\"reply\":\"{reply}\",\"rating\":\"good\"}}"), now);
        }
    }

    private async Task SendAsync(HttpClient http, Uri target, Participant participant, Outbound outbound)
    {
        using var content = new ByteArrayContent(outbound.Body);
        content.Headers.ContentType = Json;
        try
        {
            using var response = await http.PostAsync(target, content);
            if (response.IsSuccessStatusCode)
            {
                Interlocked.Increment(ref acknowledged);
                accepted.TryAdd(outbound.Id, outbound.FirstSent);
                participant.Step = participant.Step >= 4 ? 1 : participant.Step + 1;
            }
            else if (response.StatusCode is HttpStatusCode.ServiceUnavailable or HttpStatusCode.TooManyRequests)
            {
                Interlocked.Increment(ref refused);
                var wait = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1);
                participant.Refused = outbound;
                participant.NotBefore = Stopwatch.GetTimestamp() + (long)(wait.TotalSeconds * Stopwatch.Frequency);
            }
            else
            {
                Interlocked.Increment(ref failed);
            }
        }
        catch (HttpRequestException)
        {
            Interlocked.Increment(ref failed);
        }
    }

    /// <summary>Spaces sends evenly at a fixed rate across every connection.</summary>
    private sealed class Pacer(long start, double perSecond)
    {
        private readonly double interval = Stopwatch.Frequency / perSecond;
        private long slots;

        public async Task WaitAsync()
        {
            var due = start + (long)(Interlocked.Increment(ref slots) * interval);
            var wait = (due - Stopwatch.GetTimestamp()) * 1000.0 / Stopwatch.Frequency;
            if (wait >= 1) await Task.Delay(TimeSpan.FromMilliseconds(wait));
        }
    }
}

public sealed record LoadResult(
    double Acknowledged, double AnsweredTurns, double Replies, double P50, double P99,
    long Refused, long Failed, long Ratings, int Accepted, int Unanswered, TimeSpan AfterStop);
