using System.CommandLine;
using System.Text.Json;
using EmpathyBot.Cli;
using EmpathyBot.Cli.Commands;
using Microsoft.Data.Sqlite;

namespace EmpathyBot.Cli.Tests;

/// <summary><c>battles import</c>/<c>export</c> and the summary's pairwise section on a real store in a temp data directory.</summary>
public sealed class BattlesCommandsTests : IDisposable
{
    private const string Header = "prompt_id,emotion,situation,utterance,source_a,response_a_id,response_a,source_b,response_b_id,response_b,rater,winner";

    private readonly DirectoryInfo dir = Directory.CreateTempSubdirectory("empathybot-battles-cli-");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        dir.Delete(recursive: true);
    }

    private (int Exit, string Out, string Err) Run(params string[] args) => CliRun.Invoke(
        new RootCommand("test") { CliServices.DataDir, CliServices.Store, BattlesCommands.Create(), SummaryCommands.Create(), SummaryCommands.Report() },
        [.. args, "--data-dir", Path.Combine(dir.FullName, "store")]);

    private string File(string name, params string[] lines)
    {
        var path = Path.Combine(dir.FullName, name);
        System.IO.File.WriteAllLines(path, lines);
        return path;
    }

    private string[] Good() =>
    [
        Header,
        "p1,sad,\"Lost my keys, again\",Ugh.,human,h1,\"Oh no, that's annoying.\",gpt-4o,m1,I'm sorry to hear that.,alice,a",
        "p1,sad,\"Lost my keys, again\",Ugh.,gpt-4o,m1,I'm sorry to hear that.,human,h1,\"Oh no, that's annoying.\",bob,Both bad",
        "p2,joyful,,I got the job!,claude,c2,=Congratulations!,human,h2,Well done you!,alice,tie",
        "p2,joyful,,I got the job!,gpt-4o,m2,That is wonderful news.,claude,c2,=Congratulations!,bob,b",
    ];

    [Fact]
    public void Import_is_idempotent_and_round_trips_through_export_in_battle_order()
    {
        var file = File("battles.csv", Good());

        var (exit, output, error) = Run("battles", "import", file);
        Assert.True(exit == 0, error);
        Assert.Contains("Imported 4 rows: 4 new battles (0 already present), 2 new prompts, 5 new replies.", output);
        Assert.Contains("0 new battles (4 already present)", Run("battles", "import", file).Out);

        var csv = Path.Combine(dir.FullName, "out.csv");
        Assert.Contains("Exported 4 battles", Run("battles", "export", csv).Out);
        var lines = System.IO.File.ReadAllLines(csv);
        Assert.Equal(Header, lines[0]);
        // human vs gpt-4o is stored gpt-4o first, so alice's "a" for people becomes "b".
        Assert.Contains("p1,sad,\"Lost my keys, again\",Ugh.,gpt-4o,m1,I'm sorry to hear that.,human,h1,\"Oh no, that's annoying.\",alice,b", lines);
        Assert.Contains("p1,sad,\"Lost my keys, again\",Ugh.,gpt-4o,m1,I'm sorry to hear that.,human,h1,\"Oh no, that's annoying.\",bob,both_bad", lines);
        Assert.Contains("p2,joyful,,I got the job!,claude,c2,'=Congratulations!,human,h2,Well done you!,alice,tie", lines);

        // What was exported imports as nothing new.
        Assert.Contains("0 new battles (4 already present)", Run("battles", "import", csv).Out);

        var jsonl = Path.Combine(dir.FullName, "out.jsonl");
        Run("battles", "export", jsonl);
        var first = System.IO.File.ReadLines(jsonl).Select(l => JsonDocument.Parse(l).RootElement)
            .Single(e => e.GetProperty("rater").GetString() == "alice" && e.GetProperty("prompt_id").GetString() == "p1");
        Assert.Equal("gpt-4o", first.GetProperty("source_a").GetString());
        Assert.Equal(JsonValueKind.Null, first.GetProperty("shown_left").ValueKind);
        Assert.Equal(5, first.GetProperty("response_a_words").GetInt32());
        // An imported battle has no showing time, so the timing rule never flags it.
        Assert.False(first.GetProperty("too_fast").GetBoolean());
    }

    [Fact]
    public void A_file_with_bad_rows_imports_nothing_and_names_every_bad_line()
    {
        var file = File("bad.csv", [.. Good(),
            "p3,sad,,x,gpt-4o,m3,a,gpt-4o,m4,b,carol,a",
            "p3,bored,,x,human,h3,a,gpt-4o,m3,b,carol,a",
            "p3,sad,,x,human,h3,a,gpt-4o,m3,b,carol,left"]);

        var (exit, _, error) = Run("battles", "import", file);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("bad.csv:6: both replies are from 'gpt-4o'", error);
        Assert.Contains("bad.csv:7: unknown emotion 'bored'", error);
        Assert.Contains("bad.csv:8: winner 'left' is not a, b, tie or both_bad", error);
        Assert.Contains("Imported nothing: 3 bad row(s) of 7", error);
        Assert.Equal(ExitCodes.BadInput, Run("battles", "export", Path.Combine(dir.FullName, "none.csv")).Exit);
    }

    [Fact]
    public void Imported_battles_appear_in_the_summarys_pairwise_section()
    {
        Run("battles", "import", File("battles.csv", Good()));

        var (exit, output, error) = Run("summary", "--json");

        Assert.True(exit == 0, error);
        var pairwise = JsonDocument.Parse(output).RootElement.GetProperty("pairwise");
        Assert.Equal(4, pairwise.GetProperty("battles").GetInt32());
        Assert.Equal("human", pairwise.GetProperty("anchor").GetString());
        var gpt = pairwise.GetProperty("sources").GetProperty("gpt-4o");
        Assert.Equal((3, 0, 2, 1), (gpt.GetProperty("battles").GetInt32(), gpt.GetProperty("wins").GetInt32(), gpt.GetProperty("losses").GetInt32(), gpt.GetProperty("ties").GetInt32()));
        Assert.Equal(0.25, pairwise.GetProperty("winRates").GetProperty("gpt-4o").GetProperty("human").GetDouble());
        Assert.Equal(1000, pairwise.GetProperty("sources").GetProperty("human").GetProperty("rating").GetDouble());
        Assert.True(gpt.GetProperty("rating").GetDouble() < 1000);
        Assert.Equal(2, gpt.GetProperty("ci").GetArrayLength());
        // Both sad battles compare one person's reply (h1): fewer people than Privacy:MinGroupSize (5 by default).
        Assert.Equal(5, pairwise.GetProperty("minGroupSize").GetInt32());
        Assert.True(pairwise.GetProperty("emotions").GetProperty("sad").GetProperty("gpt-4o").GetProperty("withheld").GetBoolean());

        var report = Path.Combine(dir.FullName, "report.html");
        Assert.Equal(0, Run("report", report).Exit);
        var html = System.IO.File.ReadAllText(report);
        Assert.Contains("<table id=\"pairwise\">", html);
        Assert.Contains("<table id=\"win-rates\">", html);
        Assert.Contains("<tr data-source=\"gpt-4o\">", html);
    }
}
