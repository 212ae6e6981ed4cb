using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using EmpathyBot.Host.Tests.Infrastructure;
using EmpathyBot.Storage;

namespace EmpathyBot.Host.Tests.StudyData;

/// <summary>
/// The host and the CLI started as the README says, as real processes with default storage settings, find one store.
/// <c>dotnet run --project src/EmpathyBot.Host</c> runs the host in its project folder (the Web SDK's RunWorkingDirectory),
/// while <c>dotnet run --project src/EmpathyBot.Cli</c> runs the CLI in the repository root; a checkout in a temporary
/// folder gives the same two working directories without touching this repository's own data.
/// </summary>
public sealed class OneStoreTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    private readonly DirectoryInfo checkout = Directory.CreateTempSubdirectory("empathybot-checkout-");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            checkout.Delete(recursive: true);
        }
        catch (IOException)
        {
            // The killed host may still hold the database for a moment; the OS temp cleaner takes it.
        }
    }

    [Fact]
    public async Task A_rating_made_through_the_hosts_Direct_Line_is_in_the_CLI_summary()
    {
        File.WriteAllText(Path.Combine(checkout.FullName, StudyDataLocation.RootMarker), "");
        var hostFolder = Directory.CreateDirectory(Path.Combine(checkout.FullName, "src", "EmpathyBot.Host")).FullName;
        var expected = Path.Combine(checkout.FullName, ".empathybot");

        using var host = Start("EmpathyBot.Host.dll", hostFolder, "--urls", "http://127.0.0.1:0");
        var address = await host.WaitForLineAsync("Now listening on: ");
        using var http = new HttpClient { BaseAddress = new Uri(address.Trim().TrimEnd('/') + "/"), Timeout = TimeSpan.FromSeconds(30) };
        await host.WaitForLineAsync($"Study data: {expected} (SQLite)");

        await RateOnePeoplesReplyAsync(http);

        using var cli = Start("empathybot.dll", checkout.FullName, "summary", "--json");
        var exit = await cli.WaitForExitAsync();
        Assert.True(exit == 0, cli.Error);
        Assert.StartsWith($"Study data: {expected} (SQLite)", cli.Error);
        var human = JsonNode.Parse(cli.Output)!["overall"]!["sources"]!["human"]!;
        Assert.Equal(1, (int)human["ratings"]!);
        Assert.Equal(1, (int)human["good"]!);
        Assert.False(Directory.Exists(Path.Combine(hostFolder, ".empathybot")), "the host kept its own store in its project folder");
    }

    private static async Task RateOnePeoplesReplyAsync(HttpClient http)
    {
        var writer = new DirectLineClient(http, "writer");
        await writer.StartAsync();
        var greeting = await writer.JoinAsync();
        var menu = await writer.SubmitAsync(BotActivity.Button(greeting, "I am 18 or older and agree"));
        await writer.SubmitAsync(BotActivity.Button(menu, "Respond to a prompt"));
        Assert.Contains("Your reply is saved", BotActivity.Text(await writer.SayAsync("That sounds hard; I'm here if you want to talk.")));

        var rater = new DirectLineClient(http, "rater");
        await rater.StartAsync();
        await rater.SubmitAsync(BotActivity.Button(await rater.JoinAsync(), "I am 18 or older and agree"));
        var card = await rater.SayAsync("rate");
        Assert.Contains("you rated this reply Good", BotActivity.Text(await rater.SubmitAsync(BotActivity.Button(card, "Good"))));
    }

    /// <summary>One of the built binaries beside the tests, started with <c>dotnet</c> in <paramref name="workingDirectory"/>.</summary>
    private static RunningProcess Start(string assembly, string workingDirectory, params string[] args)
    {
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, assembly));
        foreach (var arg in args) info.ArgumentList.Add(arg);
        // Default storage settings, whatever the test runner's environment says; people only, no attention checks.
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("Storage__", StringComparison.OrdinalIgnoreCase)).ToList()) info.Environment.Remove(key);
        info.Environment["Contenders__0__Enabled"] = "false";
        info.Environment["Rating__GoldRate"] = "0";
        info.Environment["Rating__FirstCardGoldRate"] = "0";
        // The test answers at machine speed.
        info.Environment["Rating__MinSecondsPerCard"] = "0";
        info.Environment["Quality__MaxCharsPerSecond"] = "0";
        return new RunningProcess(Process.Start(info)!);
    }

    private sealed class RunningProcess : IDisposable
    {
        private readonly Process process;
        private readonly StringBuilder output = new();
        private readonly StringBuilder error = new();

        public RunningProcess(Process process)
        {
            this.process = process;
            process.OutputDataReceived += (_, e) => Append(output, e.Data);
            process.ErrorDataReceived += (_, e) => Append(error, e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        public string Output => Read(output);

        public string Error => Read(error);

        /// <summary>The rest of the first stdout line containing <paramref name="text"/>, polled until the deadline.</summary>
        public async Task<string> WaitForLineAsync(string text)
        {
            var until = DateTime.UtcNow + Deadline;
            while (DateTime.UtcNow < until)
            {
                var line = Output.Split('\n').FirstOrDefault(l => l.Contains(text, StringComparison.Ordinal));
                if (line is not null) return line[(line.IndexOf(text, StringComparison.Ordinal) + text.Length)..];
                if (process.HasExited) Assert.Fail($"the process ended ({process.ExitCode}) before '{text}':\n{Output}\n{Error}");
                await Task.Delay(100);
            }

            throw new TimeoutException($"no '{text}' within {Deadline}:\n{Output}\n{Error}");
        }

        public async Task<int> WaitForExitAsync()
        {
            using var timeout = new CancellationTokenSource(Deadline);
            await process.WaitForExitAsync(timeout.Token);
            return process.ExitCode;
        }

        public void Dispose()
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            process.WaitForExit();
            process.Dispose();
        }

        private static void Append(StringBuilder to, string? line)
        {
            if (line is null) return;
            lock (to) to.Append(line).Append('\n');
        }

        private static string Read(StringBuilder from)
        {
            lock (from) return from.ToString();
        }
    }
}
