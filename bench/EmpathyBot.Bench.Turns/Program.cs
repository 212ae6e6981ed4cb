// Turns under load: the official SDK's echo bot and EmpathyBot's /api/messages driven with the same load, measured by
// the replies that reach a local stand-in for the Bot Connector. See bench/turns/README.md; run bench/turns/run.sh.
using System.Diagnostics;
using EmpathyBot.Bench.Turns;

var options = BenchOptions.Parse(args);
var repository = FindRepository();
var scratch = Directory.CreateTempSubdirectory("empathybot-bench-turns-").FullName;
var bots = new Bots(repository, scratch, options.HostEnvironment);
await using var sink = await ReplySink.StartAsync();
Console.WriteLine($"{options.Duration.TotalSeconds:0} s per run, {options.Connections} connections, {options.Participants} participants; "
    + $"bots on CPU {options.BotCpus}, driver (load client + sink) on CPU {options.DriverCpus}; {Environment.ProcessorCount} CPUs visible to the driver; "
    + (BotProcess.FairScheduling ? "each bot in a cpu cgroup of its own" : "no writable cpu cgroup: a bot with more threads gets more CPU on a busy machine"));
var results = new Dictionary<string, List<LoadResult>>();

try
{
    Report.Header();
    if (options.Phases.Contains("calibrate"))
    {
        var calibration = await Measure(Mix.Hello, "calibrate", [sink.NullBot], null);
        Report.Row("driver alone (null bot answering inside the driver)", calibration, BotProcess.PeakRssMiB(Environment.ProcessId));
    }

    foreach (var mix in new[] { Mix.Hello, Mix.Work }.Where(m => options.Phases.Contains(m.ToString().ToLowerInvariant())))
    {
        var label = mix == Mix.Hello ? $"\"hello\" from {options.Participants} unconsented users" : $"{options.Participants} users: consent, respond, a reply, rate";
        for (var round = 0; round < options.Rounds; round++)
        {
            if (options.Contestants.Contains("sdk"))
                Add($"sdk-{mix}", await RunBot($"SDK echo bot, {label}", mix, () => bots.StartSdkEchoBotAsync(options.BotCpus), null));
            if (options.Contestants.Contains("empathybot"))
                Add($"ours-{mix}", await RunBot($"EmpathyBot, {label}", mix, () => bots.StartEmpathyBotAsync("host", options.BotCpus, null), null));
        }

        if (options.Contestants.Contains("half") && results.TryGetValue($"ours-{mix}", out var measured))
        {
            var capacity = Median(measured);
            await RunBot($"EmpathyBot at half capacity ({capacity / 2:0}/s offered), {label}", mix,
                () => bots.StartEmpathyBotAsync("host", options.BotCpus, null), capacity / 2);
        }
    }

    if (options.Phases.Contains("scale"))
    {
        Add("redis-1", await RunOnRedis(hosts: 1));
        Add("redis-2", await RunOnRedis(hosts: 2));
    }

    Console.WriteLine();
    foreach (var mix in new[] { Mix.Hello, Mix.Work })
    {
        if (results.TryGetValue($"ours-{mix}", out var ours) && results.TryGetValue($"sdk-{mix}", out var sdk))
            Report.Ratio($"{mix} mix", Median(ours), Median(sdk), ours.Count);
    }

    if (results.TryGetValue("redis-1", out var one) && results.TryGetValue("redis-2", out var two))
        Console.WriteLine($"scale-out on Redis: one host {Median(one):0} answered turns/s, two hosts {Median(two):0}/s ({Median(two) / Median(one):0.00}x)");
}
finally
{
    Directory.Delete(scratch, recursive: true);
}

void Add(string key, LoadResult result)
{
    if (!results.TryGetValue(key, out var list)) results[key] = list = [];
    list.Add(result);
}

static double Median(List<LoadResult> runs)
{
    var sorted = runs.Select(r => r.AnsweredTurns).Order().ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
}

async Task<LoadResult> RunBot(string name, Mix mix, Func<Task<BotProcess>> start, double? rate)
{
    await using var bot = await start();
    var result = await Measure(mix, name, [bot.Messages], rate);
    Report.Row(name, result, bot.PeakRssMiB());
    return result;
}

async Task<LoadResult> RunOnRedis(int hosts)
{
    await using var redis = await bots.StartRedisAsync(options.BotCpus);
    var started = new List<BotProcess>();
    try
    {
        for (var i = 0; i < hosts; i++)
            started.Add(await bots.StartEmpathyBotAsync($"redis-host-{i}", i == 0 ? options.BotCpus : options.SecondHostCpus, redis.Port));
        var cpus = string.Join(" and ", started.Select((_, i) => i == 0 ? options.BotCpus : options.SecondHostCpus));
        var name = $"EmpathyBot on one Redis, {hosts} host{(hosts > 1 ? "s" : "")} (CPU {cpus}), {options.Participants} users: consent, respond, a reply, rate";
        var result = await Measure(Mix.Work, name, started.Select(h => h.Messages).ToArray(), null);
        Report.Row(name, result, started.Sum(h => h.PeakRssMiB()));
        return result;
    }
    finally
    {
        foreach (var host in started) await host.DisposeAsync();
    }
}

async Task<LoadResult> Measure(Mix mix, string name, IReadOnlyList<Uri> targets, double? rate)
{
    var tag = $"r{Stopwatch.GetTimestamp():x}";
    if (options.Warmup > TimeSpan.Zero)
        await new LoadDriver(sink, mix, options.Connections, options.Participants, tag + "w").RunAsync(targets, options.Warmup, rate, options.DrainLimit);
    return await new LoadDriver(sink, mix, options.Connections, options.Participants, tag).RunAsync(targets, options.Duration, rate, options.DrainLimit);
}

static string FindRepository()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "EmpathyBot.sln"))) return dir.FullName;
    }

    throw new InvalidOperationException("run the benchmark from inside the EmpathyBot repository");
}
