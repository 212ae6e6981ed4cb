// Summary benchmark: fills an embedded (SQLite) store with N ratings (default 1,000,000) through the store's
// import API, starts the real host on 127.0.0.1:0, then measures GET /api/summary over HTTP and a single
// AddRatingAsync (through the same decorated store the bot uses) with p50/p99.
//
//   dotnet run -c Release --project bench/EmpathyBot.Bench.Summary -- [ratings] [data-dir]
//
// A data directory that already holds the ratings is reused, so repeated runs skip the fill.
using System.Diagnostics;
using EmpathyBot.Core.Interchange;
using EmpathyBot.Core.Study;
using EmpathyBot.Host;
using EmpathyBot.Core.Ports;
using EmpathyBot.Storage;
using EmpathyBot.Storage.Sqlite;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

var target = args.Length > 0 ? long.Parse(args[0]) : 1_000_000;
var dataDir = args.Length > 1 ? args[1] : Path.Combine(Path.GetTempPath(), $"empathybot-bench-summary-{target}");
const int RatersPerReply = 5;
string[] sources = ["human", "gpt-a", "gpt-b"];

Console.WriteLine($"Store: {dataDir}");
var existing = 0L;
using (var store = new SqliteStudyStore(dataDir))
{
    existing = (await store.GetCountersAsync()).Sum(r => r.Counts.Ratings);
    if (existing < target)
    {
        var fill = Stopwatch.StartNew();
        var random = new Random(42);
        var replies = (target - existing + RatersPerReply - 1) / RatersPerReply;
        var batch = new List<RatingRow>(50_000);
        for (var r = existing / RatersPerReply; r < existing / RatersPerReply + replies; r++)
        {
            var emotion = Emotions.All[(int)(r % Emotions.All.Count)].Label;
            var prompt = $"{emotion}-{r / Emotions.All.Count % 10}";
            var source = sources[r % sources.Length];
            var goodBias = source == "human" ? 0.5 : 0.65;
            for (var k = 0; k < RatersPerReply; k++)
            {
                var u = random.NextDouble();
                var value = u < goodBias ? RatingValue.Good : u < goodBias + 0.3 ? RatingValue.Okay : RatingValue.Bad;
                batch.Add(new RatingRow(prompt, emotion, "A situation.", "Something they said.", source, $"bench-{r}",
                    "A reply of about a dozen words that says something kind and relevant.", $"rater-{(r * 7 + k) % 5000}", value));
            }

            if (batch.Count >= 50_000)
            {
                await store.ImportRatingsAsync(batch, "bench");
                batch.Clear();
                Console.Write($"\r  filled {(await store.GetCountersAsync()).Sum(c => c.Counts.Ratings):N0} ratings ({fill.Elapsed.TotalSeconds:0}s)");
            }
        }

        if (batch.Count > 0) await store.ImportRatingsAsync(batch, "bench");
        existing = (await store.GetCountersAsync()).Sum(c => c.Counts.Ratings);
        Console.WriteLine($"\r  filled {existing:N0} ratings in {fill.Elapsed.TotalSeconds:0.0}s");
    }
}

Console.WriteLine($"Ratings stored: {existing:N0}");
var app = EmpathyBotApp.Build(["--urls", "http://127.0.0.1:0"], builder =>
    builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Storage:DataDirectory"] = dataDir,
        ["Logging:LogLevel:Default"] = "Warning",
    }));
await app.StartAsync();
var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
using var http = new HttpClient { BaseAddress = new Uri(address) };

for (var i = 0; i < 50; i++) await http.GetStringAsync("/api/summary");
var summaryTimes = new List<double>();
for (var i = 0; i < 1000; i++)
{
    var sw = Stopwatch.StartNew();
    using var response = await http.GetAsync("/api/summary");
    response.EnsureSuccessStatusCode();
    await response.Content.ReadAsByteArrayAsync();
    summaryTimes.Add(sw.Elapsed.TotalMilliseconds);
}

var storeApi = app.Services.GetRequiredService<IStudyStore>();
var ratingTimes = new List<double>();
var runId = Guid.NewGuid().ToString("N")[..8];
for (var i = 0; i < 2000; i++)
{
    var rating = new Rating($"bench-{i * 37 % 1000}", $"live-{runId}-{i}", RatingValue.Good, DateTimeOffset.UtcNow);
    var sw = Stopwatch.StartNew();
    var outcome = await storeApi.AddRatingAsync(rating);
    ratingTimes.Add(sw.Elapsed.TotalMilliseconds);
    if (outcome != RatingOutcome.Recorded) throw new InvalidOperationException($"Rating {i} was not recorded: {outcome}");
}

await app.StopAsync();
await app.DisposeAsync();

Report("GET /api/summary (HTTP)", summaryTimes, 20);
Report("AddRatingAsync (embedded store)", ratingTimes, 2);

static void Report(string name, List<double> times, double limitP99)
{
    times.Sort();
    double P(double q) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(q * times.Count) - 1)];
    var ok = P(0.99) < limitP99 ? "OK" : "OVER";
    Console.WriteLine($"{name}: n={times.Count} p50={P(0.50):0.00} ms p99={P(0.99):0.00} ms max={times[^1]:0.00} ms (target p99 < {limitP99} ms: {ok})");
}
