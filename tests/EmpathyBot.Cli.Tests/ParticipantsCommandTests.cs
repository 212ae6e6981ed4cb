using System.CommandLine;
using EmpathyBot.Cli.Commands;
using EmpathyBot.Core.Ports;
using EmpathyBot.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace EmpathyBot.Cli.Tests;

/// <summary><c>participants export FILE.csv</c> on a real seeded SQLite store.</summary>
public sealed class ParticipantsCommandTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly DirectoryInfo dir = Directory.CreateTempSubdirectory("empathybot-participants-cli-");

    private string Store => Path.Combine(dir.FullName, "store");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        dir.Delete(recursive: true);
    }

    private (int Exit, string Out, string Err) Run(params string[] args) => CliRun.Invoke(
        new RootCommand("test") { CliServices.DataDir, CliServices.Store, ParticipantsCommands.Create() },
        [.. args, "--data-dir", Store]);

    private async Task SeedAsync()
    {
        await using var services = CliRun.Services(new Dictionary<string, string?> { ["Storage:DataDirectory"] = Store });
        var store = services.GetRequiredService<IStudyStore>();
        await store.RecordConsentAsync("p_alice", T0);
        await store.RecordEnrolmentAsync("p_alice", "webchat", new ExternalIds("5f1e2d3c4b5a69788796a5b4", "study-1", "-session"));
        await store.RecordCompletionAsync("p_alice", T0.AddMinutes(25.5), "C0DE");
        await store.RecordConsentAsync("p_bob", T0.AddHours(1));
    }

    [Fact]
    public async Task The_full_export_s_participants_table_carries_channel_panel_ids_and_completion()
    {
        await SeedAsync();
        var target = Path.Combine(dir.FullName, "export");
        var (exit, _, error) = CliRun.Invoke(new RootCommand("test") { CliServices.DataDir, CliServices.Store, ExportCommand.Create() },
            ["export", target, "--data-dir", Store]);

        Assert.True(exit == 0, error);
        var lines = await File.ReadAllLinesAsync(Path.Combine(target, "participants.csv"));
        Assert.EndsWith(",channel,external_id,study_id,session_id,completed_at,completion_code", lines[0]);
        Assert.EndsWith(",webchat,5f1e2d3c4b5a69788796a5b4,study-1,'-session,2026-03-01T12:25:30.000000Z,C0DE", lines[1]);
        Assert.EndsWith(",,,,,,", lines[2]);
    }

    [Fact]
    public async Task Export_writes_one_row_per_consented_participant_with_panel_ids_and_times()
    {
        await SeedAsync();

        var file = Path.Combine(dir.FullName, "participants.csv");
        var (exit, output, error) = Run("participants", "export", file);

        Assert.True(exit == 0, error);
        Assert.Contains("Exported 2 participants", output);
        Assert.Equal(
        [
            "participant,channel,external_id,study_id,session_id,consented_at,completed_at,completion_code",
            // A cell a spreadsheet would run as a formula gets a quote in front, as in every export.
            "p_alice,webchat,5f1e2d3c4b5a69788796a5b4,study-1,'-session,2026-03-01T12:00:00.000000Z,2026-03-01T12:25:30.000000Z,C0DE",
            "p_bob,,,,,2026-03-01T13:00:00.000000Z,,",
        ], await File.ReadAllLinesAsync(file));

        var (stdoutExit, stdout, _) = Run("participants", "export", "-");
        Assert.Equal(0, stdoutExit);
        Assert.StartsWith("participant,channel,external_id", stdout);
    }
}
