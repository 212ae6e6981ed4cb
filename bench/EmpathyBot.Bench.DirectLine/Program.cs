// Turn latency at the Direct Line endpoint: POST /v3/directline/conversations/{id}/activities, which
// echoes the activity, runs the engine against the embedded SQLite store and appends the bot's replies.
// Usage: dotnet run -c Release --project bench/EmpathyBot.Bench.DirectLine -- [turns=10000] [participants=50]
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EmpathyBot.Host;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

var turns = args.Length > 0 ? int.Parse(args[0]) : 10_000;
var participants = args.Length > 1 ? int.Parse(args[1]) : 50;
var dataDir = Directory.CreateTempSubdirectory("empathybot-bench-").FullName;

var app = EmpathyBotApp.Build(["--urls", "http://127.0.0.1:0"], b => b.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Storage:DataDirectory"] = dataDir,
    ["Logging:LogLevel:Default"] = "Warning",
}));
await app.StartAsync();
var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
using var http = new HttpClient { BaseAddress = new Uri(address + "/") };

// Each participant walks the study loop over and over: respond, reply, rate, press Good, summary.
var clients = new List<(string Conversation, string Token, string User)>();
for (var i = 0; i < participants; i++)
{
    // The server chooses each participant's id.
    var minted = (await (await http.PostAsync("webchat/token", null)).Content.ReadFromJsonAsync<JsonObject>())!;
    var (user, token) = ((string)minted["userId"]!, (string)minted["token"]!);
    using var start = new HttpRequestMessage(HttpMethod.Post, "v3/directline/conversations");
    start.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
    var started = await (await http.SendAsync(start)).Content.ReadFromJsonAsync<JsonObject>();
    clients.Add(((string)started!["conversationId"]!, (string)started["token"]!, user));
    await Post(clients[^1], new JsonObject { ["type"] = "message", ["value"] = new JsonObject { ["action"] = "consent" } });
}

JsonObject Step(int n, string user) => (n % 5) switch
{
    0 => new JsonObject { ["type"] = "message", ["text"] = "respond" },
    1 => new JsonObject { ["type"] = "message", ["text"] = $"That sounds really hard, {user}. I'm here if you want to talk about it." },
    2 => new JsonObject { ["type"] = "message", ["text"] = "rate" },
    3 => new JsonObject { ["type"] = "message", ["value"] = new JsonObject { ["action"] = "rate", ["reply"] = lastReply.GetValueOrDefault(user) ?? "none", ["rating"] = "good" } },
    _ => new JsonObject { ["type"] = "message", ["text"] = "summary" },
};

var latencies = new double[turns];
var watch = Stopwatch.StartNew();
for (var t = 0; t < turns; t++)
{
    var client = clients[t % participants];
    var step = t / participants;
    var replies = await Post(client, Step(step, client.User));
    latencies[t] = lastPostMs;
    if (step % 5 == 2) RememberReply(client.User, replies);
}

watch.Stop();
Array.Sort(latencies);
GC.Collect();
GC.WaitForPendingFinalizers();
GC.Collect();
var process = Process.GetCurrentProcess();
Console.WriteLine($"turns: {turns} over {participants} participants in {watch.Elapsed.TotalSeconds:0.0} s ({turns / watch.Elapsed.TotalSeconds:0} turns/s, sequential)");
Console.WriteLine($"turn latency: median {Percentile(0.50):0.00} ms, p99 {Percentile(0.99):0.00} ms, max {latencies[^1]:0.00} ms");
Console.WriteLine($"memory after: managed heap {GC.GetTotalMemory(false) / 1048576.0:0.0} MiB, working set {process.WorkingSet64 / 1048576.0:0.0} MiB (host and client in one process)");

await app.StopAsync();
Directory.Delete(dataDir, recursive: true);

double Percentile(double q) => latencies[Math.Min(latencies.Length - 1, (int)Math.Ceiling(q * latencies.Length) - 1)];

async Task<JsonArray> Post((string Conversation, string Token, string User) c, JsonObject activity)
{
    activity["from"] = new JsonObject { ["id"] = c.User, ["role"] = "user" };
    using var request = new HttpRequestMessage(HttpMethod.Post, $"v3/directline/conversations/{c.Conversation}/activities") { Content = JsonContent.Create(activity) };
    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", c.Token);
    var started = Stopwatch.GetTimestamp();
    using var response = await http.SendAsync(request);
    response.EnsureSuccessStatusCode();
    lastPostMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    using var poll = new HttpRequestMessage(HttpMethod.Get, $"v3/directline/conversations/{c.Conversation}/activities?watermark={watermarks.GetValueOrDefault(c.Conversation)}");
    poll.Headers.Authorization = new AuthenticationHeaderValue("Bearer", c.Token);
    var set = await (await http.SendAsync(poll)).Content.ReadFromJsonAsync<JsonObject>();
    watermarks[c.Conversation] = (string)set!["watermark"]!;
    return set["activities"]!.AsArray();
}

void RememberReply(string user, JsonArray activities)
{
    var data = activities.Select(a => a?["attachments"]?[0]?["content"]?["actions"]?.AsArray())
        .OfType<JsonArray>().SelectMany(a => a).Select(a => a?["data"]).FirstOrDefault(d => (string?)d?["action"] == "rate" && d?["reply"] is not null);
    lastReply[user] = (string?)data?["reply"];
}

partial class Program
{
    private static readonly Dictionary<string, string?> lastReply = new();
    private static readonly Dictionary<string, string> watermarks = new();
    private static double lastPostMs;
}
