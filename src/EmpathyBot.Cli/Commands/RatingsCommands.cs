using System.CommandLine;
using EmpathyBot.Core.Interchange;
using EmpathyBot.Core.Ports;
using Microsoft.Extensions.DependencyInjection;

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
            var result = await services.GetRequiredService<IRatingStore>().ImportRatingsAsync(parsed.Rows, r.GetValue(set)!, ct);
            await output.WriteLineAsync(
                $"Imported {result.Rows} rows: {result.NewRatings} new ratings ({result.DuplicateRatings} already present), " +
                $"{result.NewPrompts} new prompts, {result.NewReplies} new replies.");
            return ExitCodes.Ok;
        });

        var exportFile = new Argument<FileInfo>("FILE") { Description = "Where to write the ratings ('-' for standard output)" };
        var format = new Option<string>("--format")
        {
            Description = "csv (the long import format) or jsonl (one JSON object per rating with every field: prompt, reply and model info, rater, rating, time)",
            DefaultValueFactory = _ => "csv",
        };
        format.AcceptOnlyFromAmong("csv", "jsonl");
        var export = new Command("export", "Export every rating with its prompt and reply") { exportFile, format };
        export.SetAction(async (r, ct) =>
        {
            var path = r.GetValue(exportFile)!;
            var jsonl = r.GetValue(format) == "jsonl";
            await using var services = CliServices.Build(r);
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
}
