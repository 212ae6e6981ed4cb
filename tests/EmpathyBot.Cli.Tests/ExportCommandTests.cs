using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using EmpathyBot.Cli;
using EmpathyBot.Cli.Commands;
using EmpathyBot.Core.Appraisal;
using EmpathyBot.Core.Interchange;
using EmpathyBot.Core.Integrity;
using EmpathyBot.Core.Ports;
using EmpathyBot.Core.Study;
using EmpathyBot.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Parquet;

namespace EmpathyBot.Cli.Tests;

/// <summary>
/// <c>export DIR</c> on a real seeded SQLite store, read back against its own <c>datapackage.json</c>: every
/// resource present, every header (or Parquet column list) equal to its schema's fields in order, every row count
/// equal to what the store holds.
/// </summary>
public sealed class ExportCommandTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly string[] Tables =
    [
        "prompts", "replies", "ratings", "rating_offers", "source_assignments", "attention_checks", "understanding_answers",
        "understanding_tests", "appraisal_answers", "battles", "participants", "card_timings", "reply_checks", "rating_flags", "author_guesses",
        "judge_verdicts", "judge_pair_verdicts",
    ];

    private readonly DirectoryInfo dir = Directory.CreateTempSubdirectory("empathybot-export-cli-");

    private string Store => Path.Combine(dir.FullName, "store");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        dir.Delete(recursive: true);
    }

    private (int Exit, string Out, string Err) Run(params string[] args) => CliRun.Invoke(
        new RootCommand("test") { CliServices.DataDir, CliServices.Store, ExportCommand.Create() },
        [.. args, "--data-dir", Store]);

    /// <summary>Seeds one record of every kind (and a few texts a spreadsheet would misread); returns the row count each table must have.</summary>
    private async Task<Dictionary<string, long>> SeedAsync()
    {
        await using var services = CliRun.Services(new Dictionary<string, string?> { ["Storage:DataDirectory"] = Store });
        var store = services.GetRequiredService<IStudyStore>();
        await store.UpsertPromptsAsync([new StudyPrompt("p1", "sad", "=1+1 in a cell", "I lost, my \"dog\"\nyesterday", "s1"), new StudyPrompt("p2", "joyful", "s", "u", "s1")]);
        await store.AddReplyAsync(new Reply("h1", "p1", Sources.Human, "-so sorry", "p_alice", T0));
        await store.AddReplyAsync(new Reply("m1", "p1", "gpt", "That is hard.", null, T0, null, new ModelReplyInfo("gpt-x", "t1", "k1", 12.5, 100, 20, "stop")));
        await store.AddReplyAsync(new Reply("m2", "p2", "gpt", "As an AI...", null, T0, "reveals a model"));
        await store.AddRatingAsync(new Rating("h1", "p_bob", RatingValue.Good, T0.AddHours(1)));
        await store.AddRatingAsync(new Rating("m1", "p_bob", RatingValue.Bad, T0.AddHours(1)));
        await store.AddRatingAsync(new Rating("m1", "p_carol", RatingValue.Okay, T0.AddHours(2)));
        await store.RecordConsentAsync("p_alice", T0);
        await store.RecordConsentAsync("p_bob", T0);
        await store.RecordAttentionCheckAsync(new AttentionCheck("p_bob", "gold-1", true, T0.AddMinutes(30)), 2);
        Assert.NotNull(await store.NextReplyToRateAsync("p_dan", 5));
        Assert.NotNull(await store.AssignSourceAsync("p_dan", 3, T0));
        var pair = await store.NextPairAsync("p_dan");
        Assert.Equal(PairAnswerOutcome.Recorded, (await store.AnswerPairAsync("p_dan", pair!.Id, PairChoice.BothBad, T0.AddHours(3))).Outcome);
        await store.AddUnderstandingAnswerAsync(new UnderstandingAnswer("ua1", Sources.Human, "p_alice", "allocation", "i1", [1, 2, 3, 4], -0.5, T0));
        await store.AddUnderstandingAnswerAsync(new UnderstandingAnswer("ua2", "gpt", null, "allocation", "i1", [], null, T0));
        await store.AddUnderstandingTestAsync(new UnderstandingTest("ut1", Sources.Human, "p_alice", "allocation", 1, 0.5, T0));
        await store.AddAppraisalAnswerAsync(new AppraisalAnswer("fa1", Sources.Human, "p_alice", "default", "", "", null, null,
            new PanasScore(30, 12), Enumerable.Repeat(3, 20).ToArray(), T0));
        await store.AddVerdictAsync(new EmpathyBot.Core.Judging.JudgeVerdict("m1", "judge-a", 0, null, "=good or bad", new string('0', 64), T0));
        Assert.True(await store.AddPairVerdictAsync(new EmpathyBot.Core.Judging.PairVerdict(
            pair.A.Id, pair.B.Id, "judge-a", EmpathyBot.Core.Judging.PairOrder.BA, 0, BattleWinner.A, "=B", new string('0', 64), T0)));

        var prompts = (await store.GetPromptSetsAsync()).Values.Sum();
        return new Dictionary<string, long>
        {
            ["prompts"] = prompts, ["replies"] = 3, ["ratings"] = 3, ["rating_offers"] = 1, ["source_assignments"] = 1, ["attention_checks"] = 1,
            ["understanding_answers"] = 2, ["understanding_tests"] = 1, ["appraisal_answers"] = 1, ["battles"] = 1,
            ["participants"] = 4, // alice, bob, carol, dan
            ["card_timings"] = 0, ["reply_checks"] = 0, ["rating_flags"] = 0, ["author_guesses"] = 0, ["judge_verdicts"] = 1,
            ["judge_pair_verdicts"] = 1,
        };
    }

    /// <summary>
    /// Adds a pasted reply with its check, and a rating given too fast with the rater's guess of its author; returns the
    /// row counts <see cref="SeedAsync"/>'s become.
    /// </summary>
    private async Task<Dictionary<string, long>> SeedIntegrityAsync(Dictionary<string, long> expected)
    {
        await using var services = CliRun.Services(new Dictionary<string, string?> { ["Storage:DataDirectory"] = Store });
        var store = services.GetRequiredService<IStudyStore>();
        await store.CardShownAsync("p_alice", CardKinds.Reply, "p2", T0);
        await store.AddCheckedReplyAsync(new Reply("h2", "p2", Sources.Human, "pasted, \"quoted\"", "p_alice", T0.AddSeconds(9), ExclusionReasons.Pasted),
            new ReplyCheck("h2", "p_alice", "p2", T0, T0.AddSeconds(9), 9, 2, true, 0.25, "m1", [ExclusionReasons.Pasted]));
        var card = await store.NextReplyToRateAsync("p_erin", 5);
        await store.CardShownAsync("p_erin", CardKinds.Rating, card!.Id, T0);
        await store.AddCheckedRatingAsync(new Rating(card.Id, "p_erin", RatingValue.Good, T0.AddSeconds(1)), new RatingRules(2, 15));
        await store.RecordAuthorGuessAsync(new AuthorGuess("p_erin", card.Id, AuthorGuesses.Ai, T0.AddSeconds(3)));
        return new Dictionary<string, long>(expected)
        {
            ["replies"] = 4, ["ratings"] = 4, ["rating_offers"] = 2, ["participants"] = 5,
            ["card_timings"] = 2, ["reply_checks"] = 1, ["rating_flags"] = 1, ["author_guesses"] = 1,
        };
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("jsonl")]
    [InlineData("parquet")]
    public async Task Every_table_reads_back_against_its_own_datapackage(string format)
    {
        var expected = await SeedIntegrityAsync(await SeedAsync());
        var target = Path.Combine(dir.FullName, "out");

        var (exit, output, error) = Run("export", target, "--format", format);

        Assert.True(exit == 0, error);
        Assert.Contains("Exported 17 tables", output);
        Assert.Contains("Every table is as of one moment (one snapshot of the store).", output);
        // Progress goes to stderr, table by table, so stdout keeps only the result.
        Assert.Contains("tables: 17/17 (100%)", error);
        Assert.DoesNotContain("tables:", output);
        using var package = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(target, "datapackage.json")));
        Assert.Equal("tabular-data-package", package.RootElement.GetProperty("profile").GetString());
        var resources = package.RootElement.GetProperty("resources").EnumerateArray().ToList();
        Assert.Equal(Tables, resources.Select(r => r.GetProperty("name").GetString()));
        foreach (var resource in resources)
        {
            var name = resource.GetProperty("name").GetString()!;
            Assert.Equal(format, resource.GetProperty("format").GetString());
            Assert.False(string.IsNullOrEmpty(resource.GetProperty("mediatype").GetString()));
            var schema = resource.GetProperty("schema");
            var fields = schema.GetProperty("fields").EnumerateArray().ToList();
            Assert.All(fields, f => Assert.False(string.IsNullOrWhiteSpace(f.GetProperty("description").GetString())));
            var names = fields.Select(f => f.GetProperty("name").GetString()!).ToArray();
            var types = fields.Select(f => f.GetProperty("type").GetString()!).ToArray();
            Assert.All(schema.GetProperty("primaryKey").EnumerateArray(), k => Assert.Contains(k.GetString(), names));
            var path = Path.Combine(target, resource.GetProperty("path").GetString()!);
            Assert.True(File.Exists(path), $"{name}: {path} is missing");

            var rows = format switch
            {
                "csv" => ReadCsv(path, names, types),
                "jsonl" => ReadJsonl(path, names, types),
                _ => await ReadParquetAsync(path, names),
            };
            Assert.True(expected[name] == rows, $"{name}: {rows} rows, expected {expected[name]}");
        }
    }

    [Fact]
    public async Task Values_keep_their_meaning_in_csv()
    {
        await SeedAsync();
        var target = Path.Combine(dir.FullName, "out");
        Assert.Equal(0, Run("export", target).Exit);

        var prompts = Csv.Read(new StringReader(await File.ReadAllTextAsync(Path.Combine(target, "prompts.csv")))).ToList();
        var p1 = prompts.Single(r => r.Fields[0] == "p1");
        Assert.Equal(["p1", "s1", "sad", "negative", "=1+1 in a cell", "I lost, my \"dog\"\nyesterday"], p1.Fields);
        var replies = (await File.ReadAllTextAsync(Path.Combine(target, "replies.csv"))).Split('\n');
        Assert.Contains(replies, l => l.StartsWith("h1,p1,human,'-so sorry,2,p_alice,2026-03-01T12:00:00.000000Z,true,,", StringComparison.Ordinal));
        Assert.Contains(replies, l => l.StartsWith("m1,p1,gpt,That is hard.,3,,2026-03-01T12:00:00.000000Z,true,,gpt-x,t1,k1,12.5,100,20,stop", StringComparison.Ordinal));
        var answers = await File.ReadAllTextAsync(Path.Combine(target, "understanding_answers.csv"));
        Assert.Contains("ua1,human,p_alice,allocation,i1,1,2,3,4,-0.5,", answers); // a negative number is not "neutralised"
        Assert.Contains("ua2,gpt,,allocation,i1,,,,,,", answers);
        var participants = (await File.ReadAllTextAsync(Path.Combine(target, "participants.csv"))).Split('\n');
        Assert.Contains(participants, l => l.StartsWith("p_alice,2026-03-01T12:00:00.000000Z,2026-03-01T12:00:00.000000Z,2026-03-01T12:00:00.000000Z,1,0,0,0,1,1,1", StringComparison.Ordinal));
        Assert.Contains(participants, l => l.StartsWith("p_carol,,2026-03-01T14:00:00.000000Z,2026-03-01T14:00:00.000000Z,0,1,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Integrity_tables_carry_times_flags_and_guesses()
    {
        await SeedIntegrityAsync(await SeedAsync());
        var target = Path.Combine(dir.FullName, "out");
        Assert.Equal(0, Run("export", target).Exit);

        var timings = await File.ReadAllTextAsync(Path.Combine(target, "card_timings.csv"));
        Assert.Contains("p_alice,reply,p2,2026-03-01T12:00:00.000000Z,2026-03-01T12:00:09.000000Z,9", timings);
        Assert.Contains(",2026-03-01T12:00:00.000000Z,2026-03-01T12:00:01.000000Z,1", timings);
        var checks = await File.ReadAllTextAsync(Path.Combine(target, "reply_checks.csv"));
        Assert.Contains("h2,p_alice,p2,2026-03-01T12:00:00.000000Z,2026-03-01T12:00:09.000000Z,9,2,true,0.25,m1,pasted", checks);
        Assert.Contains(",p_erin,tooFast,1", await File.ReadAllTextAsync(Path.Combine(target, "rating_flags.csv")));
        Assert.Contains("p_erin,", await File.ReadAllTextAsync(Path.Combine(target, "author_guesses.csv")));
        Assert.Contains(",ai,2026-03-01T12:00:03.000000Z", await File.ReadAllTextAsync(Path.Combine(target, "author_guesses.csv")));
    }

    [Fact]
    public async Task Values_keep_their_types_and_nulls_in_parquet()
    {
        await SeedAsync();
        var target = Path.Combine(dir.FullName, "out");
        Assert.Equal(0, Run("export", target, "--format", "parquet").Exit);

        await using var reader = await ParquetReader.CreateAsync(Path.Combine(target, "replies.parquet"));
        var fields = reader.Schema.GetDataFields().ToDictionary(f => f.Name);
        var group = reader.OpenRowGroupReader(0);
        var n = (int)group.RowCount;
        var ids = new string?[n];
        var authors = new string?[n];
        var latency = new double?[n];
        var created = new DateTime?[n];
        var inPool = new bool?[n];
        await group.ReadAsync(fields["id"], ids.AsMemory());
        await group.ReadAsync(fields["author"], authors.AsMemory());
        await group.ReadAsync<double>(fields["latency_ms"], latency.AsMemory());
        await group.ReadAsync<DateTime>(fields["created_at"], created.AsMemory());
        await group.ReadAsync<bool>(fields["in_pool"], inPool.AsMemory());

        Assert.Equal("h1|m1|m2", string.Join("|", ids));
        Assert.Equal(("p_alice", (string?)null, (string?)null), (authors[0], authors[1], authors[2]));
        Assert.Equal([null, 12.5, null], latency);
        Assert.All(created, c => Assert.Equal(T0.UtcDateTime, c));
        Assert.Equal([true, true, false], inPool);
    }

    [Fact]
    public async Task A_directory_that_is_not_empty_is_refused_unless_forced()
    {
        await SeedAsync();
        var target = Directory.CreateDirectory(Path.Combine(dir.FullName, "out")).FullName;
        await File.WriteAllTextAsync(Path.Combine(target, "notes.txt"), "mine");

        var (exit, _, error) = Run("export", target);
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("not empty", error);
        Assert.False(File.Exists(Path.Combine(target, "datapackage.json")));

        var forced = Run("export", target, "--force", "--format", "jsonl");
        Assert.True(forced.Exit == 0, forced.Err);
        Assert.True(File.Exists(Path.Combine(target, "replies.jsonl")));
        Assert.Equal("mine", await File.ReadAllTextAsync(Path.Combine(target, "notes.txt")));
    }

    private static long ReadCsv(string path, string[] names, string[] types)
    {
        using var reader = File.OpenText(path);
        var records = Csv.Read(reader).ToList();
        Assert.Equal(names, records[0].Fields);
        foreach (var record in records.Skip(1))
        {
            Assert.Equal(names.Length, record.Fields.Count);
            for (var i = 0; i < names.Length; i++) AssertTyped(types[i], record.Fields[i], path);
        }

        return records.Count - 1;
    }

    private static void AssertTyped(string type, string text, string path)
    {
        if (text.Length == 0) return;
        var ok = type switch
        {
            "integer" => long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out _),
            "number" => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _),
            "boolean" => text is "true" or "false",
            "datetime" => DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _),
            _ => true,
        };
        Assert.True(ok, $"{path}: '{text}' is not a {type}");
    }

    private static long ReadJsonl(string path, string[] names, string[] types)
    {
        long rows = 0;
        foreach (var line in File.ReadLines(path))
        {
            using var row = JsonDocument.Parse(line);
            var properties = row.RootElement.EnumerateObject().ToList();
            Assert.Equal(names, properties.Select(p => p.Name));
            for (var i = 0; i < names.Length; i++)
            {
                var value = properties[i].Value;
                if (value.ValueKind == JsonValueKind.Null) continue;
                var kind = types[i] switch
                {
                    "integer" or "number" => JsonValueKind.Number,
                    "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.ValueKind : JsonValueKind.True,
                    _ => JsonValueKind.String,
                };
                Assert.Equal(kind, value.ValueKind);
                if (types[i] == "datetime") AssertTyped("datetime", value.GetString()!, path);
            }

            rows++;
        }

        return rows;
    }

    private static async Task<long> ReadParquetAsync(string path, string[] names)
    {
        await using var reader = await ParquetReader.CreateAsync(path);
        Assert.Equal(names, reader.Schema.GetDataFields().Select(f => f.Name));
        long rows = 0;
        for (var g = 0; g < reader.RowGroupCount; g++) rows += reader.OpenRowGroupReader(g).RowCount;
        return rows;
    }
}
