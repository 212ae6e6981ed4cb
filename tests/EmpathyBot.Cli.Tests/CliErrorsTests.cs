using EmpathyBot.Cli.Commands;
using Microsoft.Data.Sqlite;

namespace EmpathyBot.Cli.Tests;

/// <summary>Bad command lines through the real command tree: one line on stderr, exit code 2, never the help.</summary>
public sealed class CliErrorsTests : IDisposable
{
    private const string RatingsHeader = "prompt_id,emotion,situation,utterance,source,response_id,response,rater,rating";

    private readonly DirectoryInfo dir = Directory.CreateTempSubdirectory("empathybot-cli-errors-");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        dir.Delete(recursive: true);
    }

    private (int Exit, string Out, string Err) Run(params string[] args) =>
        CliRun.Invoke(CliApp.Root(), [.. args, "--data-dir", Path.Combine(dir.FullName, "store")]);

    [Theory]
    [InlineData("--limit must be at least 1.", "models", "run", "--limit", "-1")]
    [InlineData("-1x", "models", "run", "--limit", "-1x")]
    [InlineData("xml", "ratings", "export", "out.csv", "--format", "xml")]
    public void A_bad_option_value_is_one_line_and_exit_code_2(string expected, params string[] args)
    {
        var (exit, output, error) = Run(args);
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Equal("", output);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line);
        Assert.Contains(expected, line);
        Assert.DoesNotContain("Usage", error);
    }

    [Fact]
    public void Ratings_export_without_format_follows_the_file_extension()
    {
        var ratings = Path.Combine(dir.FullName, "ratings.csv");
        File.WriteAllLines(ratings, [RatingsHeader, "p1,sad,s,u,human,r1,Oh no.,alice,good"]);
        var imported = Run("ratings", "import", ratings);
        Assert.True(imported.Exit == 0, imported.Err);

        var jsonl = Path.Combine(dir.FullName, "x.jsonl");
        Assert.Equal(ExitCodes.Ok, Run("ratings", "export", jsonl).Exit);
        using (var record = System.Text.Json.JsonDocument.Parse(Assert.Single(File.ReadAllLines(jsonl))))
        {
            Assert.Equal("alice", record.RootElement.GetProperty("rater").GetString());
        }

        var csv = Path.Combine(dir.FullName, "x.CSV");
        Assert.Equal(ExitCodes.Ok, Run("ratings", "export", csv).Exit);
        Assert.Equal(RatingsHeader, File.ReadLines(csv).First());
    }

    [Fact]
    public void Ratings_export_to_an_unknown_extension_without_format_is_one_line_and_writes_nothing()
    {
        var target = Path.Combine(dir.FullName, "x.txt");
        var (exit, output, error) = Run("ratings", "export", target);
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Equal("", output);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("x.txt", line);
        Assert.Contains("--format", line);
        Assert.False(File.Exists(target));
    }
}
