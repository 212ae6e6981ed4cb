using System.CommandLine;
using EmpathyBot.Core.Interchange;
using EmpathyBot.Core.Ports;
using Microsoft.Extensions.DependencyInjection;

using EmpathyBot.Cli.Progress;

namespace EmpathyBot.Cli.Commands;

/// <summary>
/// <c>ratings import FILE.csv</c> and <c>ratings export FILE [--format csv|jsonl]</c>: CSV in the long format
/// (<c>prompt_id,emotion,situation,utterance,source,response_id,response,rater,rating</c>), JSON lines with every field.
/// Import is all or nothing: a file with any bad row imports none and lists every bad row by line.
/// </summary>
public static class RatingsCommands
{
    public static Command Create()
    {
        var importFile = new Argument<FileInfo>("FILE") { Description = "Long-format ratings CSV" };
        var set = new Option<string>("--prompt-set") { Description = "Prompt set for prompts the file introduces", DefaultValueFactory = _ => "imported" };
        var import = new Command("import", "Import ratings (idempotent: the same rows twice count once)") { importFile, set };
        import.SetAction(async (r, ct) =>
        {
            var path = r.GetValue(importFile)!;
            var output = r.InvocationConfiguration.Output;
            var error = r.InvocationConfiguration.Error;
            if (!path.Exists)
            {
                await error.WriteLineAsync($"No such file: {path.FullName}");
                return ExitCodes.BadInput;
            }

            RatingsCsv.ParseResult parsed;
            using (var reader = path.OpenText()) parsed = RatingsCsv.Parse(reader);
            if (parsed.Errors.Count > 0)
            {
                foreach (var e in parsed.Errors) await error.WriteLineAsync($"{path.Name}:{e.Line}: {e.Message}");
                await error.WriteLineAsync($"Imported nothing: {parsed.Errors.Count} bad row(s) of {parsed.Rows.Count + parsed.Errors.Count}. Fix them and run again.");
                return ExitCodes.BadInput;
            }

            await using var services = CliServices.Build(r);
            var store = services.GetRequiredService<IRatingStore>();
            var result = await CliProgress.RunAsync(r, "rows", p => CliProgress.AllAtOnceAsync(p, parsed.Rows.Count, () => store.ImportRatingsAsync(parsed.Rows, r.GetValue(set)!, ct)));
            await output.WriteLineAsync(
                $"Imported {result.Rows} rows: {result.NewRatings} new ratings ({result.DuplicateRatings} already present), " +
                $"{result.NewPrompts} new prompts, {result.NewReplies} new replies.");
            return ExitCodes.Ok;
        });

        var exportFile = new Argument<FileInfo>("FILE") { Description = "Where to write the ratings ('-' for standard output)" };
        var format = new Option<string?>("--format")
        {
            Description = "csv (the long import format) or jsonl (one JSON object per rating with every field: prompt, reply and model info, rater, rating, time); " +
                "default: the file's extension (.csv, .jsonl), CSV on standard output",
        };
        format.AcceptOnlyFromAmong("csv", "jsonl");
        var export = new Command("export", "Export every rating with its prompt and reply") { exportFile, format };
        export.SetAction(async (r, ct) =>
        {
            var path = r.GetValue(exportFile)!;
            if ((r.GetValue(format) ?? FormatOf(path)) is not { } chosen)
            {
                await r.InvocationConfiguration.Error.WriteLineAsync(
                    $"error: cannot tell the format of '{path.Name}' from its extension; name it .csv or .jsonl, or pass --format csv|jsonl.");
                return ExitCodes.BadInput;
            }

            var jsonl = chosen == "jsonl";
            await using var services = CliServices.BuildExisting(r);
            if (services is null) return ExitCodes.BadInput;
            var ratings = services.GetRequiredService<IRatingStore>();
            var quality = services.GetRequiredService<IQualityStore>();
            var toStdout = path.Name == "-";
            var writer = toStdout ? r.InvocationConfiguration.Output : new StreamWriter(path.FullName);
            var count = 0;
            try
            {
                if (jsonl)
                {
                    await foreach (var record in quality.ExportRatingRecordsAsync(ct))
                    {
                        await writer.WriteLineAsync(RatingsJsonl.Line(record));
                        count++;
                    }
                }
                else
                {
                    await using var csv = Csv.CreateWriter(writer);
                    RatingsCsv.WriteHeader(csv);
                    await foreach (var row in ratings.ExportRatingsAsync(ct))
                    {
                        RatingsCsv.Write(csv, row);
                        count++;
                    }
                }
            }
            finally
            {
                if (!toStdout) await writer.DisposeAsync();
            }

            if (!toStdout) await r.InvocationConfiguration.Output.WriteLineAsync($"Exported {count} ratings to {path.FullName}.");
            return ExitCodes.Ok;
        });

        return new Command("ratings", "Ratings in the long CSV format") { import, export };
    }

    /// <summary>The export format named by the file's extension; standard output ('-') gets CSV; null when the extension names neither.</summary>
    internal static string? FormatOf(FileInfo path) => path.Name == "-" ? "csv" : path.Extension.ToLowerInvariant() switch
    {
        ".csv" => "csv",
        ".jsonl" => "jsonl",
        _ => null,
    };
}
