using System.CommandLine;
using EmpathyBot.Cli.Progress;
using EmpathyBot.Core.Interchange;
using EmpathyBot.Core.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace EmpathyBot.Cli.Commands;

/// <summary>
/// <c>battles import FILE.csv</c> and <c>battles export FILE [--format csv|jsonl]</c> in the format
/// <c>prompt_id,emotion,situation,utterance,source_a,response_a_id,response_a,source_b,response_b_id,response_b,rater,winner</c>.
/// Import is all or nothing and idempotent, like <c>ratings import</c>.
/// </summary>
public static class BattlesCommands
{
    public static Command Create() => new("battles", "Side-by-side battles (two replies, which is more empathetic)") { Import(), Export() };

    private static Command Import()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "Battles CSV" };
        var set = new Option<string>("--prompt-set") { Description = "Prompt set for prompts the file introduces", DefaultValueFactory = _ => "imported" };
        var import = new Command("import", "Import battles (idempotent: a rater's verdict on a pair of replies counts once)") { file, set };
        import.SetAction(async (r, ct) =>
        {
            var path = r.GetValue(file)!;
            var error = r.InvocationConfiguration.Error;
            if (!path.Exists)
            {
                await error.WriteLineAsync($"No such file: {path.FullName}");
                return ExitCodes.BadInput;
            }

            BattlesCsv.ParseResult parsed;
            using (var reader = path.OpenText()) parsed = BattlesCsv.Parse(reader);
            if (parsed.Errors.Count > 0)
            {
                foreach (var e in parsed.Errors) await error.WriteLineAsync($"{path.Name}:{e.Line}: {e.Message}");
                await error.WriteLineAsync($"Imported nothing: {parsed.Errors.Count} bad row(s) of {parsed.Rows.Count + parsed.Errors.Count}. Fix them and run again.");
                return ExitCodes.BadInput;
            }

            await using var services = CliServices.Build(r);
            var store = services.GetRequiredService<IBattleStore>();
            var result = await CliProgress.RunAsync(r, "rows", p => CliProgress.AllAtOnceAsync(p, parsed.Rows.Count, () => store.ImportBattlesAsync(parsed.Rows, r.GetValue(set)!, ct)));
            await r.InvocationConfiguration.Output.WriteLineAsync(
                $"Imported {result.Rows} rows: {result.NewBattles} new battles ({result.DuplicateBattles} already present), " +
                $"{result.NewPrompts} new prompts, {result.NewReplies} new replies.");
            return ExitCodes.Ok;
        });
        return import;
    }

    private static Command Export()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "Where to write the battles ('-' for standard output)" };
        var format = new Option<string?>("--format")
        {
            Description = "csv (the import format) or jsonl (one JSON object per battle with placement, times, lengths and exclusion); " +
                "default: the file's extension (.csv, .jsonl), CSV on standard output",
        };
        format.AcceptOnlyFromAmong("csv", "jsonl");
        var export = new Command("export", "Export every battle with its prompt and both replies") { file, format };
        export.SetAction(async (r, ct) =>
        {
            var path = r.GetValue(file)!;
            if ((r.GetValue(format) ?? RatingsCommands.FormatOf(path)) is not { } chosen)
            {
                await r.InvocationConfiguration.Error.WriteLineAsync(
                    $"error: cannot tell the format of '{path.Name}' from its extension; name it .csv or .jsonl, or pass --format csv|jsonl.");
                return ExitCodes.BadInput;
            }

            await using var services = CliServices.BuildExisting(r);
            if (services is null) return ExitCodes.BadInput;
            var battles = services.GetRequiredService<IBattleStore>();
            var toStdout = path.Name == "-";
            var writer = toStdout ? r.InvocationConfiguration.Output : new StreamWriter(path.FullName);
            var count = 0;
            try
            {
                if (chosen == "jsonl")
                {
                    await foreach (var battle in battles.ExportBattlesAsync(ct))
                    {
                        await writer.WriteLineAsync(BattlesJsonl.Line(battle));
                        count++;
                    }
                }
                else
                {
                    await using var csv = Csv.CreateWriter(writer);
                    BattlesCsv.WriteHeader(csv);
                    await foreach (var battle in battles.ExportBattlesAsync(ct))
                    {
                        BattlesCsv.Write(csv, BattlesJsonl.Row(battle));
                        count++;
                    }
                }
            }
            finally
            {
                if (!toStdout) await writer.DisposeAsync();
            }

            if (!toStdout) await r.InvocationConfiguration.Output.WriteLineAsync($"Exported {count} battles to {path.FullName}.");
            return ExitCodes.Ok;
        });
        return export;
    }
}
