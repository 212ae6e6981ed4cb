using System.Globalization;

namespace EmpathyBot.Bench.Turns;

/// <summary>The result table, one row per measured run.</summary>
public static class Report
{
    public static void Header()
    {
        Console.WriteLine();
        Console.WriteLine("| run | acknowledged/s | answered turns/s | replies delivered/s | p50 request→reply | p99 request→reply | refused (503/429) | after the load stopped | peak RSS | ratings stored |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
    }

    public static void Row(string name, LoadResult r, double peakRssMiB)
    {
        var after = r.Unanswered > 0
            ? $"{r.Unanswered} of {r.Accepted} still unanswered after {r.AfterStop.TotalSeconds:0.0} s"
            : $"{r.AfterStop.TotalSeconds:0.00} s";
        var failed = r.Failed > 0 ? $" ({r.Failed} failed)" : "";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {r.Acknowledged:0} | {r.AnsweredTurns:0} | {r.Replies:0} | {r.P50:0.0} ms | {r.P99:0.0} ms | {r.Refused}{failed} | {after} | {peakRssMiB:0} MiB | {r.Ratings} |"));
    }

    public static void Ratio(string what, double ours, double theirs, int rounds) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what}: EmpathyBot answered {ours:0} turns/s, the SDK echo bot {theirs:0}{(rounds > 1 ? $" (medians of {rounds} rounds)" : "")}: ratio {ours / theirs:0.00}x"));
}
