using System.CommandLine;
using EmpathyBot.Core.Interchange;
using EmpathyBot.Core.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace EmpathyBot.Cli.Commands;

/// <summary>
/// <c>participants export FILE.csv</c>: one row per consented participant with the recruiting panel's ids they came
/// with and when they consented and completed, to match the study's records with the panel's.
/// </summary>
public static class ParticipantsCommands
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "Where to write the CSV ('-' for standard output)" };
        var export = new Command("export",
            "Write one row per participant: " + string.Join(",", ParticipantsCsv.Header)) { file };
        export.SetAction(async (r, ct) =>
        {
            var path = r.GetValue(file)!;
            await using var services = CliServices.BuildExisting(r);
            if (services is null) return ExitCodes.BadInput;
            var records = services.GetRequiredService<IParticipantRecordStore>();
            var toStdout = path.Name == "-";
            var writer = toStdout ? r.InvocationConfiguration.Output : new StreamWriter(path.FullName);
            var count = 0;
            try
            {
                await using var csv = Csv.CreateWriter(writer);
                Csv.WriteRow(csv, ParticipantsCsv.Header);
                await foreach (var record in records.ExportParticipantRecordsAsync(ct))
                {
                    Csv.WriteRow(csv, ParticipantsCsv.Row(record));
                    count++;
                }
            }
            finally
            {
                if (!toStdout) await writer.DisposeAsync();
            }

            if (!toStdout) await r.InvocationConfiguration.Output.WriteLineAsync($"Exported {count} participants to {path.FullName}.");
            return ExitCodes.Ok;
        });

        return new Command("participants", "Participants: their panel ids, consent and completion") { export };
    }
}
