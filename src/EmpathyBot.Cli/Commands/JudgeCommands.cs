using System.CommandLine;
using EmpathyBot.Cli.Export;
using EmpathyBot.Cli.Progress;
using EmpathyBot.Core.Ports;
using EmpathyBot.Models.Judging;
using EmpathyBot.Models.Running;
using Microsoft.Extensions.DependencyInjection;

namespace EmpathyBot.Cli.Commands;

/// <summary>
/// <c>judge run [--judge ID] [--limit N] [--repeats N] [--pairwise]</c>: LLM judges rate every reply lacking their
/// verdicts, or with <c>--pairwise</c> every pair of replies people compared, in both orders;
/// <c>judge export FILE [--format csv|jsonl] [--pairwise]</c>: every verdict (or pairwise verdict), one row each.
/// </summary>
public static class JudgeCommands
{
    /// <summary>Services from the CLI's usual composition root (honours --data-dir and --store).</summary>
    public static Command Create() => Create(r => CliServices.Build(r), owns: true);

    /// <summary>With the caller's services for <c>judge run</c> (tests); they are not disposed.</summary>
    public static Command Create(Func<IServiceProvider> services) => Create(_ => services(), owns: false);

    private static Command Create(Func<ParseResult, IServiceProvider> services, bool owns) =>
        new("judge", "LLM judges: rate replies as people do, held against people's ratings") { Run(services, owns), Export() };

    private static Command Run(Func<ParseResult, IServiceProvider> services, bool owns)
    {
        var judge = new Option<string?>("--judge") { Description = "Only this judge (its Id in appsettings Judges); default: all" };
        var limit = new Option<int?>("--limit") { Description = "Judge at most N replies per judge" };
        var repeats = new Option<int?>("--repeats") { Description = "Verdicts wanted per reply, or per pair and order (default: the judge's Repeats)" };
        var pairwise = new Option<bool>("--pairwise") { Description = "Judge the pairs of replies people compared (battles), each in both orders; --limit counts pairs" };
        OptionRules.AtLeastOne(limit);
        OptionRules.AtLeastOne(repeats);

        var run = new Command("run", "Rate every reply in the store that lacks a judge's verdict(s); stored verdicts are never asked again") { judge, limit, repeats, pairwise };
        run.SetAction((ParseResult r, CancellationToken ct) => ServiceActions.WithServices(r, services, owns, async provider =>
        {
            var output = r.InvocationConfiguration.Output;
            var request = new JudgeRunRequest(r.GetValue(judge), r.GetValue(limit), r.GetValue(repeats));
            var summary = await CliProgress.RunAsync(r, "verdicts", p =>
            {
                var report = new SyncProgress<RunProgress>(x => p.Report((x.Completed, x.Total)));
                return r.GetValue(pairwise)
                    ? provider.GetRequiredService<PairJudgeRunner>().RunAsync(request, report, ct)
                    : provider.GetRequiredService<JudgeRunner>().RunAsync(request, report, ct);
            });
            foreach (var j in summary.Judges)
                await output.WriteLineAsync($"{j.JudgeId}: rated {j.Rated}, unparseable {j.Unparseable}, cached {j.Cached}, failed {j.Failed}");
            if (summary.Failed > 0) await output.WriteLineAsync($"{summary.Failed} failed request(s) stored nothing and will be asked again on the next run.");
            await output.WriteLineAsync(summary.FinalLine);
            return summary.Failed > 0 ? ExitCodes.Failed : ExitCodes.Ok;
        }));
        return run;
    }

    private static Command Export()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "Where to write the verdicts" };
        var format = new Option<string?>("--format") { Description = "csv or jsonl; default: the file's extension (.jsonl), else csv" };
        format.AcceptOnlyFromAmong("csv", "jsonl");
        var pairwise = new Option<bool>("--pairwise")
        {
            Description = "Export the pairwise verdicts instead: response_a_id, response_b_id, judge, order, repeat, winner, raw, template_sha256, time",
        };
        var export = new Command("export", "Export every judge verdict: reply_id, judge, repeat, rating, raw, template_sha256, time") { file, format, pairwise };
        export.SetAction(async (ParseResult r, CancellationToken ct) =>
        {
            var path = r.GetValue(file)!;
            var chosen = r.GetValue(format) ?? (path.Extension.Equals(".jsonl", StringComparison.OrdinalIgnoreCase) ? "jsonl" : "csv");
            await using var services = CliServices.BuildExisting(r);
            if (services is null) return ExitCodes.BadInput;
            var table = r.GetValue(pairwise)
                ? PairVerdictsTable.Create(services.GetRequiredService<IPairVerdictStore>())
                : JudgeVerdictsTable.Create(services.GetRequiredService<IJudgeStore>());
            var count = 0;
            await using (var writer = ExportFormat.Named(chosen).Open(path.FullName, table))
            {
                await foreach (var row in table.Rows(ct))
                {
                    await writer.WriteAsync(row, ct);
                    count++;
                }
            }

            await r.InvocationConfiguration.Output.WriteLineAsync($"Exported {count} verdicts to {path.FullName}.");
            return ExitCodes.Ok;
        });
        return export;
    }
}
