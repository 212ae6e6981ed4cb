using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using EmpathyBot.Core.Study;
using EmpathyBot.Storage.Redis;
using StackExchange.Redis;

// Ratings through two host instances (two multiplexers = two bot processes) sharing one local Redis.
// Each rating is what the bot does for a user: offer the least-rated reply, then record the rating.
//
//   dotnet run -c Release --project bench/EmpathyBot.Bench.Redis -- [--ratings 20000] [--raters 32]
//       [--replies 2000] [--fsync everysec|always] [--redis host:port]

var settings = Args.Parse(args);
RedisProcess? server = null;
var configuration = settings.Redis;
if (configuration is null)
{
    server = RedisProcess.Start(settings.Fsync);
    configuration = $"127.0.0.1:{server.Port}";
}

try
{
    await using var instanceA = await RedisConnection.ConnectAsync(configuration);
    await using var instanceB = await RedisConnection.ConnectAsync(configuration);
    var keys = new RedisKeys("bench-" + Guid.NewGuid().ToString("N")[..8]);
    RedisStudyStore[] stores = [new(instanceA, keys), new(instanceB, keys)];

    var prompts = Enumerable.Range(0, 64).Select(i => new StudyPrompt($"p{i}", Emotions.All[i % Emotions.All.Count].Label, "situation", "utterance", "bench")).ToArray();
    await stores[0].UpsertPromptsAsync(prompts);
    string[] sources = [Sources.Human, "gpt", "claude", "llama"];
    for (var i = 0; i < settings.Replies; i++)
    {
        await stores[i % 2].AddReplyAsync(new Reply($"r{i}", $"p{i % prompts.Length}", sources[i % sources.Length], "text", null, DateTimeOffset.UtcNow));
    }

    await RunAsync(stores, settings.Raters, Math.Min(1000, settings.Ratings / 10), "warmup");
    // INFO needs admin mode; a third connection keeps its own traffic out of the instances' counts.
    await using var adminConnection = await ConnectionMultiplexer.ConnectAsync(configuration + ",allowAdmin=true");
    var admin = adminConnection.GetServer(adminConnection.GetEndPoints()[0]);
    var scriptsBefore = await ScriptCallsAsync(admin);
    var opsBefore = instanceA.OperationCount + instanceB.OperationCount;

    var run = await RunAsync(stores, settings.Raters, settings.Ratings, "measured");

    var ops = instanceA.OperationCount + instanceB.OperationCount - opsBefore;
    var scripts = await ScriptCallsAsync(admin) - scriptsBefore;
    var counted = (await stores[1].GetCountersAsync()).Sum(c => c.Counts.Ratings);

    Console.WriteLine($"redis-server   {(server is null ? configuration : $"local, appendonly yes, appendfsync {settings.Fsync}")}");
    Console.WriteLine($"instances      2 multiplexers, {settings.Raters} concurrent raters, {settings.Replies} replies in the pool");
    Console.WriteLine($"ratings        {run.Ratings} in {run.Elapsed.TotalSeconds:F2} s = {run.Ratings / run.Elapsed.TotalSeconds:F0} ratings/s");
    Console.WriteLine($"record latency p50 {Percentile(run.Record, 0.50):F2} ms, p99 {Percentile(run.Record, 0.99):F2} ms (AddRating: the acknowledgement)");
    Console.WriteLine($"rating latency p50 {Percentile(run.Total, 0.50):F2} ms, p99 {Percentile(run.Total, 0.99):F2} ms (NextReplyToRate + AddRating)");
    Console.WriteLine($"round trips    {(double)ops / run.Ratings:F2} per rating (client operations), {(double)scripts / run.Ratings:F2} scripts per rating (server INFO commandstats)");
    Console.WriteLine($"check          counters hold {counted} ratings (warmup + measured), duplicates refused: {run.Duplicates}");
}
finally
{
    server?.Dispose();
}

static async Task<Run> RunAsync(RedisStudyStore[] stores, int raters, int ratings, string label)
{
    var record = new double[ratings];
    var total = new double[ratings];
    var next = -1;
    var duplicates = 0;
    var watch = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, raters).Select(worker => Task.Run(async () =>
    {
        var rater = 0;
        var perRater = 0;
        while (true)
        {
            var slot = Interlocked.Increment(ref next);
            if (slot >= ratings) return;
            // Alternate instances per rating, as a load balancer without affinity would.
            var store = stores[slot % 2];
            if (++perRater > 40) (rater, perRater) = (rater + 1, 1);
            var raterId = $"{label}-{worker}-{rater}";
            var start = Stopwatch.GetTimestamp();
            var reply = await store.NextReplyToRateAsync(raterId, 1_000_000) ?? throw new InvalidOperationException("the pool ran dry");
            var offered = Stopwatch.GetTimestamp();
            var outcome = await store.AddOfferedRatingAsync(new Rating(reply.Id, raterId, (RatingValue)(1 + slot % 3), DateTimeOffset.UtcNow));
            var done = Stopwatch.GetTimestamp();
            if (outcome != RatingOutcome.Recorded) Interlocked.Increment(ref duplicates);
            record[slot] = Stopwatch.GetElapsedTime(offered, done).TotalMilliseconds;
            total[slot] = Stopwatch.GetElapsedTime(start, done).TotalMilliseconds;
        }
    })));
    return new Run(ratings, watch.Elapsed, record, total, duplicates);
}

static async Task<long> ScriptCallsAsync(IServer server)
{
    var sections = await server.InfoAsync("commandstats");
    long calls = 0;
    foreach (var pair in sections.SelectMany(g => g))
    {
        if (pair.Key is "cmdstat_evalsha" or "cmdstat_eval")
        {
            var field = pair.Value.Split(',')[0]; // calls=N
            calls += long.Parse(field["calls=".Length..], CultureInfo.InvariantCulture);
        }
    }

    return calls;
}

static double Percentile(double[] values, double q)
{
    var sorted = values.Order().ToArray();
    return sorted[(int)Math.Min(sorted.Length - 1, Math.Ceiling(q * sorted.Length) - 1)];
}

internal sealed record Run(int Ratings, TimeSpan Elapsed, double[] Record, double[] Total, int Duplicates);

internal sealed record Args(int Ratings, int Raters, int Replies, string Fsync, string? Redis)
{
    public static Args Parse(string[] args)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
                throw new ArgumentException($"Unexpected argument '{args[i]}'; options are --ratings, --raters, --replies, --fsync, --redis.");
            map[args[i][2..]] = args[++i];
        }

        var unknown = map.Keys.Except(["ratings", "raters", "replies", "fsync", "redis"]).ToArray();
        if (unknown.Length > 0) throw new ArgumentException($"Unknown option(s): {string.Join(", ", unknown)}.");
        var fsync = map.GetValueOrDefault("fsync", "everysec");
        if (fsync is not ("everysec" or "always" or "no")) throw new ArgumentException("--fsync must be everysec, always or no.");
        return new Args(Int("ratings", 20_000), Int("raters", 32), Int("replies", 2_000), fsync, map.GetValueOrDefault("redis"));

        int Int(string name, int fallback) => map.TryGetValue(name, out var v)
            ? int.TryParse(v, out var n) && n > 0 ? n : throw new ArgumentException($"--{name} must be a positive number.")
            : fallback;
    }
}

/// <summary>A throwaway redis-server on a free loopback port, in a temp directory, with the AOF on.</summary>
internal sealed class RedisProcess : IDisposable
{
    private readonly Process _process;
    private readonly string _dir;

    private RedisProcess(Process process, int port, string dir) => (_process, Port, _dir) = (process, port, dir);

    public int Port { get; }

    public static RedisProcess Start(string fsync)
    {
        var exe = new[] { "/usr/bin/redis-server", "/usr/local/bin/redis-server", "/usr/sbin/redis-server" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("redis-server not found: apt-get install -y redis-server, or pass --redis host:port.");
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var dir = Directory.CreateTempSubdirectory("empathybot-bench-").FullName;
        var info = new ProcessStartInfo(exe) { UseShellExecute = false, RedirectStandardOutput = true };
        foreach (var a in new[] { "--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--dir", dir, "--save", "",
                     "--appendonly", "yes", "--appendfsync", fsync, "--logfile", Path.Combine(dir, "redis.log") })
        {
            info.ArgumentList.Add(a);
        }

        var process = Process.Start(info)!;
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, port);
                return new RedisProcess(process, port, dir);
            }
            catch (SocketException)
            {
                Thread.Sleep(50);
            }
        }

        process.Kill();
        throw new TimeoutException("redis-server did not start within 10 s.");
    }

    public void Dispose()
    {
        _process.Kill();
        _process.WaitForExit();
        Directory.Delete(_dir, recursive: true);
    }
}
