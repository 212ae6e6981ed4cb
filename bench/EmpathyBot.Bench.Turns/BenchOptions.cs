using System.Globalization;

namespace EmpathyBot.Bench.Turns;

/// <summary>Command-line settings: <c>--name value</c> pairs, every one optional.</summary>
public sealed record BenchOptions
{
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// The same load before each measured run, unmeasured: long enough for .NET's tiered compilation to promote the hot
    /// path on one busy core (about 10 s) and for V8 alike, so both bots are measured in their steady state.
    /// </summary>
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan DrainLimit { get; init; } = TimeSpan.FromSeconds(120);

    public int Connections { get; init; } = 32;

    /// <summary>Each mix runs the SDK and EmpathyBot this many times, alternating, so drift in the machine's load hits both.</summary>
    public int Rounds { get; init; } = 1;

    public int Participants { get; init; } = 200;

    /// <summary>CPUs (taskset list) of the bot under test; the driver (load client and sink) gets the others.</summary>
    public string BotCpus { get; init; } = "1";

    public string DriverCpus { get; init; } = "0";

    /// <summary>CPUs of the second host in the scale-out run.</summary>
    public string SecondHostCpus { get; init; } = "0";

    /// <summary>Which bots run in the mixes: <c>sdk</c>, <c>empathybot</c>, <c>half</c> (EmpathyBot at half its capacity).</summary>
    public IReadOnlySet<string> Contestants { get; init; } = new HashSet<string> { "sdk", "empathybot", "half" };

    /// <summary>Extra environment for EmpathyBot's hosts (<c>--host-env Name=value</c>, repeatable), e.g. a setting to compare.</summary>
    public IReadOnlyDictionary<string, string> HostEnvironment { get; init; } = new Dictionary<string, string>();

    public IReadOnlySet<string> Phases { get; init; } = new HashSet<string> { "calibrate", "hello", "work", "scale" };

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = args[i + 1];
            options = args[i] switch
            {
                "--duration" => options with { Duration = Seconds(value) },
                "--warmup" => options with { Warmup = Seconds(value) },
                "--drain-limit" => options with { DrainLimit = Seconds(value) },
                "--connections" => options with { Connections = int.Parse(value, CultureInfo.InvariantCulture) },
                "--rounds" => options with { Rounds = int.Parse(value, CultureInfo.InvariantCulture) },
                "--participants" => options with { Participants = int.Parse(value, CultureInfo.InvariantCulture) },
                "--bot-cpus" => options with { BotCpus = value },
                "--driver-cpus" => options with { DriverCpus = value },
                "--second-host-cpus" => options with { SecondHostCpus = value },
                "--contestants" => options with { Contestants = value.Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet() },
                "--host-env" => options with { HostEnvironment = WithVariable(options.HostEnvironment, value) },
                "--phases" => options with { Phases = value.Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet() },
                _ => throw new ArgumentException($"unknown option {args[i]}; see bench/turns/README.md"),
            };
        }

        if (args.Length % 2 != 0) throw new ArgumentException($"option {args[^1]} has no value");
        return options;
    }

    private static Dictionary<string, string> WithVariable(IReadOnlyDictionary<string, string> current, string assignment)
    {
        var at = assignment.IndexOf('=');
        if (at <= 0) throw new ArgumentException($"--host-env wants Name=value, got '{assignment}'");
        return new Dictionary<string, string>(current) { [assignment[..at]] = assignment[(at + 1)..] };
    }

    private static TimeSpan Seconds(string value) => TimeSpan.FromSeconds(double.Parse(value, CultureInfo.InvariantCulture));
}
