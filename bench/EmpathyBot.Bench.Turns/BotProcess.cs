using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace EmpathyBot.Bench.Turns;

/// <summary>A bot (or redis-server) in its own process, pinned to CPUs with taskset, and its peak resident memory.</summary>
public sealed class BotProcess : IAsyncDisposable
{
    // Linux schedules threads fairly, so on a machine busy with other work a bot with many threads would get more of
    // its CPU than the SDK's one Node thread. Each bot in a cpu cgroup of its own competes as one entity instead.
    private const string CpuCgroupRoot = "/sys/fs/cgroup/cpu";

    private readonly Process process;
    private readonly string? cgroup;

    private BotProcess(Process process, string name, int port, string? cgroup)
    {
        this.process = process;
        this.cgroup = cgroup;
        Name = name;
        Port = port;
    }

    public string Name { get; }

    public int Port { get; }

    public Uri Messages => new($"http://127.0.0.1:{Port}/api/messages");

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static async Task<BotProcess> StartAsync(string name, string cpus, string file, IEnumerable<string> args, string workingDirectory,
        IReadOnlyDictionary<string, string> environment, int port)
    {
        // The shell redirects the output straight to a file (then execs, keeping the pid), so the bot never waits
        // on a pipe the driver would have to drain on its own CPU.
        var log = Path.Combine(Path.GetTempPath(), $"empathybot-bench-{name}-{Guid.NewGuid():N}.log");
        var cgroup = CreateCgroup(name);
        var info = new ProcessStartInfo("/bin/sh") { WorkingDirectory = workingDirectory, UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("log=\"$1\"; group=\"$2\"; shift 2; [ -n \"$group\" ] && echo $$ > \"$group/cgroup.procs\"; exec taskset -c \"$@\" > \"$log\" 2>&1");
        info.ArgumentList.Add("sh");
        info.ArgumentList.Add(log);
        info.ArgumentList.Add(cgroup ?? "");
        info.ArgumentList.Add(cpus);
        info.ArgumentList.Add(file);
        foreach (var arg in args) info.ArgumentList.Add(arg);
        foreach (var (key, value) in environment) info.Environment[key] = value;

        var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {name}");
        var bot = new BotProcess(process, name, port, cgroup);
        await bot.WaitListeningAsync(TimeSpan.FromSeconds(120), log);
        return bot;
    }

    public double PeakRssMiB() => PeakRssMiB(process.Id);

    /// <summary>True when bots run in cpu cgroups of their own (needs a writable cgroup v1 cpu controller, e.g. as root).</summary>
    public static bool FairScheduling => Directory.Exists(CpuCgroupRoot) && CanWrite(CpuCgroupRoot);

    private static string? CreateCgroup(string name)
    {
        if (!FairScheduling) return null;
        var path = Path.Combine(CpuCgroupRoot, $"empathybot-bench-{name}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }

    private static bool CanWrite(string directory)
    {
        try
        {
            var probe = Path.Combine(directory, $"empathybot-bench-probe-{Environment.ProcessId}");
            Directory.CreateDirectory(probe);
            Directory.Delete(probe);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>VmHWM: the most resident memory the process ever had.</summary>
    public static double PeakRssMiB(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0]) / 1024.0;
        }

        return double.NaN;
    }

    private async Task WaitListeningAsync(TimeSpan limit, string log)
    {
        var deadline = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) throw new InvalidOperationException($"{Name} exited with {process.ExitCode}; see {log}");
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new TimeoutException($"{Name} did not listen on port {Port} within {limit}; see {log}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        // An empty cgroup is removed with rmdir; its files are not real files.
        if (cgroup is not null && Directory.Exists(cgroup)) Directory.Delete(cgroup);
    }
}
