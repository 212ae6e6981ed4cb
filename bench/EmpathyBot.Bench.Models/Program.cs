// Batch runner load run: N prompts x C contenders against a loopback OpenAI-compatible server that answers after a
// fixed latency, with a concurrency cap per contender. Ideal wall time = prompts x latency / concurrency (contenders
// run in parallel). Usage: dotnet run -c Release --project bench/EmpathyBot.Bench.Models -- [--prompts 2000]
// [--contenders 4] [--concurrency 16] [--latency-ms 100]
using System.Diagnostics;
using EmpathyBot.Core.Study;
using EmpathyBot.Models;
using EmpathyBot.Models.Running;
using EmpathyBot.Core.Ports;
using EmpathyBot.Storage;
using EmpathyBot.Storage.Sqlite;
using EmpathyBot.Testing.FakeOpenAi;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

var prompts = Arg("--prompts", 2000);
var contenders = Arg("--contenders", 4);
var concurrency = Arg("--concurrency", 16);
var latency = TimeSpan.FromMilliseconds(Arg("--latency-ms", 100));

await using var server = await FakeOpenAiServer.StartAsync();
server.RecordBodies = false;
server.Responder = r => FakeResponse.Reply($"That sounds really hard; I'm here for you ({r.Number}).", 180, 24) with { Delay = latency };

var dir = Path.Combine(Path.GetTempPath(), "eb-bench-models-" + Guid.NewGuid().ToString("N"));
var settings = new Dictionary<string, string?>();
for (var i = 0; i < contenders; i++)
{
    settings[$"Contenders:{i}:Id"] = $"llm-{i + 1}";
    settings[$"Contenders:{i}:Provider"] = "OpenAICompatible";
    settings[$"Contenders:{i}:Model"] = $"bench-model-{i + 1}";
    settings[$"Contenders:{i}:Endpoint"] = server.V1.ToString();
    settings[$"Contenders:{i}:MaxConcurrency"] = concurrency.ToString();
}

var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
var services = new ServiceCollection()
    .AddSingleton<IConfiguration>(configuration)
    .AddLogging()
    .AddSingleton<IStudyStore>(_ => new SqliteStudyStore(dir))
    .AddEmpathyBotModels(configuration)
    .BuildServiceProvider();
try
{
    var store = services.GetRequiredService<IStudyStore>();
    var runner = services.GetRequiredService<ModelRunner>();
    await store.UpsertPromptsAsync(Enumerable.Range(1, 64).Select(n => Prompt($"warm-{n:D4}", "warmup")).ToList());
    await store.UpsertPromptsAsync(Enumerable.Range(1, prompts).Select(n => Prompt($"bench-{n:D5}", "bench")).ToList());
    await runner.RunAsync(new RunRequest(PromptSet: "warmup"), null, CancellationToken.None);
    GC.Collect();
    GC.WaitForPendingFinalizers();
    GC.Collect();

    var samples = new List<(double Progress, long Heap, long WorkingSet)>();
    var baselineHeap = GC.GetTotalMemory(false);
    var nextSample = 0.0;
    var progress = new SyncProgress(p =>
    {
        var share = (double)p.Completed / Math.Max(1, p.Total);
        if (share < nextSample) return;
        nextSample += 0.1;
        lock (samples) samples.Add((share, GC.GetTotalMemory(false), Environment.WorkingSet));
    });

    var watch = Stopwatch.StartNew();
    var summary = await runner.RunAsync(new RunRequest(PromptSet: "bench"), progress, CancellationToken.None);
    watch.Stop();

    var ideal = TimeSpan.FromTicks(latency.Ticks * prompts / concurrency);
    var ratio = watch.Elapsed / ideal;
    Console.WriteLine($"prompts {prompts} x contenders {contenders}, concurrency {concurrency}/contender, server latency {latency.TotalMilliseconds:0} ms");
    Console.WriteLine($"requests {server.RequestCount - 64 * contenders}, max in flight per contender {string.Join("/", Enumerable.Range(1, contenders).Select(i => server.MaxInFlightFor($"bench-model-{i}")))}");
    Console.WriteLine($"{summary.FinalLine}");
    Console.WriteLine($"wall {watch.Elapsed.TotalSeconds:0.00} s, ideal {ideal.TotalSeconds:0.00} s, ratio {ratio:0.000} (target <= 1.15)");
    Console.WriteLine($"managed heap MB at start {baselineHeap / 1048576.0:0.0}; by progress: " +
        string.Join(", ", samples.Select(s => $"{s.Progress:P0} {s.Heap / 1048576.0:0.0}")));
    Console.WriteLine($"working set MB by progress: " + string.Join(", ", samples.Select(s => $"{s.Progress:P0} {s.WorkingSet / 1048576.0:0}")));
    Console.WriteLine(ratio <= 1.15 && summary.Failed == 0 ? "PASS" : "MISS");
    return ratio <= 1.15 && summary.Failed == 0 ? 0 : 1;
}
finally
{
    await services.DisposeAsync();
    try { Directory.Delete(dir, recursive: true); }
    catch (IOException) { }
}

int Arg(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var v) ? v : fallback;
}

static StudyPrompt Prompt(string id, string set) =>
    new(id, "sad", $"Situation {id}: my old dog has been unwell for weeks.", $"Utterance {id}: I had to take her to the vet again today.", set);

internal sealed class SyncProgress(Action<RunProgress> report) : IProgress<RunProgress>
{
    public void Report(RunProgress value) => report(value);
}
