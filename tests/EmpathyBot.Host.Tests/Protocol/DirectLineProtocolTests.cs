using System.Text.Json.Nodes;
using EmpathyBot.Core.Ports;
using EmpathyBot.Host.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace EmpathyBot.Host.Tests.Protocol;

/// <summary>A Prolific participant through the real host over Direct Line: study link, protocol, completion, export.</summary>
public sealed class DirectLineProtocolTests : IAsyncLifetime
{
    private readonly CapturedLogs logs = new();
    private BotHost host = null!;

    public async Task InitializeAsync()
    {
        host = await BotHost.StartAsync(ProtocolStudySettings.TwoSteps(), builder => builder.Logging.AddProvider(logs));
        await ProtocolStudySettings.SeedRepliesAsync(host);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    private static JsonObject LinkAction(IEnumerable<JsonObject> activities) =>
        activities.Select(BotActivity.Card).OfType<JsonObject>().SelectMany(c => c["actions"]?.AsArray() ?? [])
            .OfType<JsonObject>().Single(a => (string?)a["type"] == "Action.OpenUrl");

    [Fact]
    public async Task A_prolific_participant_goes_through_two_steps_gets_the_code_and_the_export_row_has_their_ids_and_times()
    {
        var ann = new DirectLineClient(host.Client, "ann");
        await ann.StartAsync(query: $"PROLIFIC_PID={ProlificPid}&STUDY_ID=study-42&SESSION_ID=session-7");

        var consent = await ann.JoinAsync();
        var text = BotActivity.Text(consent);
        Assert.Contains("18 or older", text);
        Assert.Contains("Dr Ada Example", text);
        Assert.Contains("ada@example.org", text);
        Assert.Contains("imagine upsetting situations", text);
        // Nothing stored before consent: not even the ids of the study link.
        Assert.Empty(await ExportRowsAsync());

        var first = await ann.SubmitAsync(BotActivity.Button(consent, "I am 18 or older and agree"));
        Assert.Contains("Step 1 of 2 · reply", BotActivity.Text(first));
        Assert.Contains("Your turn to respond", BotActivity.Text(first));

        var outOfOrder = await ann.SayAsync("rate");
        Assert.Contains("not the next step", BotActivity.Text(outOfOrder));

        var rating = await ann.SayAsync("I'm so sorry; that sounds frightening. I'm glad you told me.");
        Assert.True(BotActivity.Text(rating).Contains("Step 2 of 2 · rating", StringComparison.Ordinal), BotActivity.Text(rating));

        var done = await ann.SubmitAsync(BotActivity.Button(rating, "Good"));
        Assert.Contains("Your completion code: " + Code, BotActivity.Text(done));
        Assert.Equal(ProtocolStudySettings.CompletionLink, (string?)LinkAction(done)["url"]);

        var rows = await ExportRowsAsync();
        var row = Assert.Single(rows);
        Assert.Equal("webchat", row[1]);
        Assert.Equal([ProlificPid, "study-42", "session-7"], row[2..5]);
        Assert.True(DateTimeOffset.TryParse(row[5], out var consented));
        Assert.True(DateTimeOffset.TryParse(row[6], out var completed));
        Assert.True(completed >= consented);
        Assert.Equal(Code, row[7]);
    }

    [Fact]
    public async Task Someone_elses_prolific_id_labels_a_new_participant_and_never_reaches_the_owner_and_junk_is_left_out()
    {
        var owner = new DirectLineClient(host.Client, "owner");
        await owner.StartAsync(query: $"PROLIFIC_PID={ProlificPid}");
        await owner.SubmitAsync(BotActivity.Button(await owner.JoinAsync(), "I am 18 or older and agree"));
        await owner.SayAsync("My reply to the first prompt: that sounds so hard, I'm sorry.");

        var copycat = new DirectLineClient(host.Client, "copycat");
        await copycat.StartAsync(query: $"PROLIFIC_PID={ProlificPid}&STUDY_ID=%3Cscript%3E&SESSION_ID={new string('x', 65)}");
        Assert.NotEqual(owner.UserId, copycat.UserId);
        var warnings = logs.Entries.Where(e => e.Level == LogLevel.Warning && e.Message.StartsWith("Ignored the study link's", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.Contains(warnings, w => w.Message.Contains("STUDY_ID") && !w.Message.Contains("script"));
        Assert.Contains(warnings, w => w.Message.Contains("SESSION_ID") && w.Message.Contains("65 characters"));
        var first = await copycat.SubmitAsync(BotActivity.Button(await copycat.JoinAsync(), "I am 18 or older and agree"));
        // A new participant at the first step: the owner's progress is not theirs.
        Assert.Contains("Step 1 of 2 · reply", BotActivity.Text(first));

        var rows = await ExportRowsAsync();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal(ProlificPid, r[2]));
        Assert.Equal(2, rows.Select(r => r[0]).Distinct().Count());
        Assert.Contains(rows, r => r[3] == "" && r[4] == "");

        var forgotten = await copycat.SubmitAsync(BotActivity.Button(await copycat.SayAsync("forget me"), "Yes, delete everything"));
        Assert.Contains("your participation record", BotActivity.Text(forgotten));
        Assert.Single(await ExportRowsAsync());
    }

    private const string Code = ProtocolStudySettings.Code;
    private const string ProlificPid = ProtocolStudySettings.ProlificPid;

    private async Task<IReadOnlyList<string[]>> ExportRowsAsync()
    {
        var lines = await ProtocolStudySettings.ExportParticipantsAsync(host);
        Assert.Equal("participant,channel,external_id,study_id,session_id,consented_at,completed_at,completion_code", lines[0]);
        return lines.Skip(1).Select(l => l.Split(',')).ToArray();
    }
}
