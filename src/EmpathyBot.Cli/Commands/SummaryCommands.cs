using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using EmpathyBot.Services.Summary;
using EmpathyBot.Core.Summary;
using Microsoft.Extensions.DependencyInjection;

namespace EmpathyBot.Cli.Commands;

/// <summary>
/// <c>summary [--json]</c>: the same document as <c>GET /api/summary</c>; <c>report FILE.html</c>: the dashboard's
/// content as one standalone HTML file whose Vega-Lite charts draw offline (the libraries are inlined).
/// </summary>
public static class SummaryCommands
{
    private static readonly JsonSerializerOptions Indented = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print the JSON document of GET /api/summary" };
        var command = new Command("summary", "Per-emotion comparison of Good rates, people vs each model") { json };
        command.SetAction(async (r, ct) =>
        {
            await using var services = CliServices.BuildExisting(r);
            if (services is null) return ExitCodes.BadInput;
            var summary = await services.GetRequiredService<SummaryQuery>().BuildAsync(ct);
            var output = r.InvocationConfiguration.Output;
            if (r.GetValue(json))
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(summary, Indented));
                return ExitCodes.Ok;
            }

            await output.WriteLineAsync("source\treplies\tratings\tgood\tokay\tbad\tgoodRate\tci95\tvsPeople\tchiSquare\tp\tmannWhitneyP\tmeanWords\texcludedReplies\texcludedRatings");
            foreach (var (source, s) in summary.Overall.Sources)
            {
                await output.WriteLineAsync(string.Join('\t',
                    source, s.Replies, s.Ratings, s.Good, s.Okay, s.Bad, F(s.GoodRate, "0.000"),
                    s.GoodRateCi is [var lo, var hi] ? $"{F(lo, "0.000")}-{F(hi, "0.000")}" : "",
                    s.GoodIncreaseVsPeople is { } inc ? inc.ToString("+0.0%;-0.0%", CultureInfo.InvariantCulture) : "",
                    F(s.ChiSquare, "0.00"), F(s.P, "0.0000"), F(s.MannWhitneyP, "0.0000"), F(s.MeanWords, "0.0"),
                    s.ExcludedReplies, s.ExcludedRatings));
            }

            await output.WriteLineAsync(
                $"raterAgreement (Krippendorff's alpha, ordinal): {F(summary.RaterAgreement, "0.000")} over {summary.AgreementUnits} replies; " +
                $"excluded raters: {summary.ExcludedRaters}; per-emotion p-values: {summary.Correction}");
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command Report()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "Where to write the HTML report" };
        var command = new Command("report", "Write the summary (charts and tables, as on the dashboard) to a standalone HTML file") { file };
        command.SetAction(async (r, ct) =>
        {
            var path = r.GetValue(file)!;
            if (path.Directory is { Exists: false } dir)
            {
                await r.InvocationConfiguration.Error.WriteLineAsync($"The folder {dir.FullName} does not exist.");
                return ExitCodes.BadInput;
            }

            await using var services = CliServices.BuildExisting(r);
            if (services is null) return ExitCodes.BadInput;
            var summary = await services.GetRequiredService<SummaryQuery>().BuildAsync(ct);
            var libraries = ChartLibraries.Load(ChartLibrariesDirectory);
            if (libraries is null)
            {
                await r.InvocationConfiguration.Error.WriteLineAsync(
                    $"The charting libraries ({string.Join(", ", ChartLibraries.Files)}) are not in {ChartLibrariesDirectory}: empathybot was built " +
                    "without Node.js/npm. The report has every table but no charts; install Node.js and build again to get them.");
            }

            await File.WriteAllTextAsync(path.FullName, SummaryReport.Page(summary, DateTimeOffset.UtcNow, libraries), ct);
            await r.InvocationConfiguration.Output.WriteLineAsync(
                $"Wrote the report ({summary.Overall.Sources.Values.Sum(s => s.Ratings)} ratings, {summary.Emotions.Count} emotions) to {path.FullName}.");
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Where the build copies the charting libraries (from the host's npm packages).</summary>
    internal static string ChartLibrariesDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "lib");

    private static string F(double? value, string format) => value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "";
}
