using System.CommandLine;
using EmpathyBot.Cli.Export;
using EmpathyBot.Cli.Progress;
using EmpathyBot.Core.Ports;
using EmpathyBot.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace EmpathyBot.Cli.Commands;

/// <summary>
/// <c>export DIR [--format csv|jsonl|parquet] [--force]</c>: every table of the study, one file each, plus a
/// <c>datapackage.json</c> (Frictionless Tabular Data Package) describing every column's type and meaning.
/// </summary>
public static class ExportCommand
{
    public static Command Create()
    {
        var dir = new Argument<DirectoryInfo>("DIR") { Description = "Directory to write the tables and datapackage.json into" };
        var format = new Option<string>("--format")
        {
            Description = "csv (default), jsonl (one JSON object per line) or parquet",
            DefaultValueFactory = _ => ExportFormat.Csv.Name,
        };
        format.AcceptOnlyFromAmong(ExportFormat.All.Select(f => f.Name).ToArray());
        var force = new Option<bool>("--force") { Description = "Write into a directory that is not empty, replacing files of the same names" };
        var command = new Command("export", "Export every table of the study with a datapackage.json describing it") { dir, format, force };
        command.SetAction(async (r, ct) =>
        {
            var target = r.GetValue(dir)!;
            var error = r.InvocationConfiguration.Error;
            if (File.Exists(target.FullName))
            {
                await error.WriteLineAsync($"{target.FullName} is a file; give a directory to export into.");
                return ExitCodes.BadInput;
            }

            if (target.Exists && target.EnumerateFileSystemInfos().Any() && !r.GetValue(force))
            {
                await error.WriteLineAsync($"{target.FullName} is not empty; choose an empty directory or add --force to replace files in it.");
                return ExitCodes.BadInput;
            }

            await using var services = CliServices.BuildExisting(r);
            if (services is null) return ExitCodes.BadInput;
            IReadOnlyList<ExportTable> tables =
            [
                .. new StudyTables(
                    services.GetRequiredService<IPromptStore>(), services.GetRequiredService<IReplyStore>(),
                    services.GetRequiredService<IRatingStore>(), services.GetRequiredService<IQualityStore>(),
                    services.GetRequiredService<IParticipantStore>(), services.GetRequiredService<IUnderstandingStore>(),
                    services.GetRequiredService<IAppraisalStore>(), services.GetRequiredService<ISourceAssignmentStore>(),
                    services.GetRequiredService<IParticipantRecordStore>(), services.GetRequiredService<IBattleStore>()).All(),
                .. new IntegrityTables(services.GetRequiredService<ICardTimingStore>(), services.GetRequiredService<IIntegrityStore>()).All(),
                JudgeVerdictsTable.Create(services.GetRequiredService<IJudgeStore>()),
                PairVerdictsTable.Create(services.GetRequiredService<IPairVerdictStore>()),
            ];
            var now = (services.GetService<TimeProvider>() ?? TimeProvider.System).GetUtcNow();
            // Every table as of one moment where the store can (SQLite), so the tables agree while the bot keeps writing.
            var snapshots = services.GetRequiredService<IStudyStore>() as IExportSnapshots;
            IReadOnlyList<ExportedTable> written;
            await using (snapshots is null ? null : await snapshots.BeginExportSnapshotAsync(ct))
            {
                written = await CliProgress.RunAsync(r, "tables", p => StudyExporter.ExportAsync(tables, ExportFormat.Named(r.GetValue(format)!), target, now, ct, p));
            }

            var output = r.InvocationConfiguration.Output;
            foreach (var table in written) await output.WriteLineAsync($"{table.Name}: {table.Rows} rows -> {Path.GetFileName(table.Path)}");
            await output.WriteLineAsync($"Exported {written.Count} tables to {target.FullName} (described in {DataPackage.FileName}).");
            await output.WriteLineAsync(snapshots is null
                ? "The tables were read one after another (this store has no snapshot): export while no one takes part for tables that agree row for row."
                : "Every table is as of one moment (one snapshot of the store).");
            return ExitCodes.Ok;
        });
        return command;
    }
}
