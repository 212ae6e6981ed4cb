using System.Diagnostics;

namespace EmpathyBot.Bench.Turns;

/// <summary>Starts the contestants: the SDK's echo bot (installed with npm in a temporary folder), EmpathyBot's host, redis-server.</summary>
public sealed class Bots(string repository, string scratch, IReadOnlyDictionary<string, string> hostEnvironment)
{
    public const string BotBuilderPackage = "botbuilder@4.23.3";

    private string? echoBotFolder;

    /// <summary>Writes the echo bot into a temporary folder and installs botbuilder there (once per run).</summary>
    public async Task<BotProcess> StartSdkEchoBotAsync(string cpus)
    {
        if (echoBotFolder is null)
        {
            var folder = Directory.CreateDirectory(Path.Combine(scratch, "sdk-echo-bot")).FullName;
            File.Copy(Path.Combine(AppContext.BaseDirectory, "sdk-echo-bot.js"), Path.Combine(folder, "index.js"), overwrite: true);
            await File.WriteAllTextAsync(Path.Combine(folder, "package.json"), "{ \"name\": \"sdk-echo-bot\", \"private\": true }");
            Console.WriteLine($"installing {BotBuilderPackage} with npm in {folder} ...");
            await RunAsync("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error", BotBuilderPackage], folder);
            echoBotFolder = folder;
        }

        var port = BotProcess.FreePort();
        return await BotProcess.StartAsync("sdk-echo-bot", cpus, "node", ["index.js"], echoBotFolder,
            new Dictionary<string, string> { ["PORT"] = port.ToString() }, port);
    }

    /// <summary>The Release host on SQLite in a fresh temporary folder, or on the given Redis.</summary>
    public Task<BotProcess> StartEmpathyBotAsync(string name, string cpus, int? redisPort)
    {
        var data = Directory.CreateDirectory(Path.Combine(scratch, $"{name}-{Guid.NewGuid():N}")).FullName;
        var port = BotProcess.FreePort();
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Storage__DataDirectory"] = data,
            ["Bot__AllowUnauthenticated"] = "true",
            ["Study__ParticipantSecret"] = "bench-participant-secret",
            ["DirectLine__TokenSigningKey"] = "bench-token-signing-key-bench-token-signing-key",
            // The simulated participants type a reply the instant its prompt arrives and press Good the instant a card
            // does, on every card. The integrity rules would rightly keep their replies out of the pool (tooFast) and
            // their ratings out of the counts (tooFast, straight-lining, failed attention checks), and the "rate" step
            // would soon find nothing to offer. Off here, every reply enters the pool and every card gets a rating
            // that counts: the heavy path, measured.
            ["Quality__MaxCharsPerSecond"] = "0",
            ["Rating__MinSecondsPerCard"] = "0",
            ["Rating__StraightLineRun"] = "0",
            ["Rating__GoldFailuresToExclude"] = "100",
        };
        foreach (var (key, value) in hostEnvironment) environment[key] = value;
        if (redisPort is { } redis)
        {
            environment["Storage__Provider"] = "Redis";
            environment["Storage__Redis__Configuration"] = $"127.0.0.1:{redis}";
        }

        var dll = Path.Combine(repository, "src", "EmpathyBot.Host", "bin", "Release", "net10.0", "EmpathyBot.Host.dll");
        if (!File.Exists(dll)) throw new FileNotFoundException($"build the host first: dotnet build -c Release src/EmpathyBot.Host ({dll} is missing)");
        return BotProcess.StartAsync(name, cpus, "dotnet", [dll, "--urls", $"http://127.0.0.1:{port}"], data, environment, port);
    }

    /// <summary>A fresh redis-server with the persistence the README recommends (AOF, fsync every second).</summary>
    public Task<BotProcess> StartRedisAsync(string cpus)
    {
        var data = Directory.CreateDirectory(Path.Combine(scratch, $"redis-{Guid.NewGuid():N}")).FullName;
        var port = BotProcess.FreePort();
        return BotProcess.StartAsync("redis", cpus, "redis-server",
            ["--port", port.ToString(), "--bind", "127.0.0.1", "--dir", data, "--appendonly", "yes", "--appendfsync", "everysec", "--save", ""],
            data, new Dictionary<string, string>(), port);
    }

    private static async Task RunAsync(string file, string[] args, string folder)
    {
        var info = new ProcessStartInfo(file) { WorkingDirectory = folder, UseShellExecute = false };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {file}");
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed with exit code {process.ExitCode}");
    }
}
