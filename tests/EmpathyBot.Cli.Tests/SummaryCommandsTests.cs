using System.CommandLine;
using System.Text.Json;
using EmpathyBot.Cli;
using EmpathyBot.Cli.Commands;
using Microsoft.Data.Sqlite;

namespace EmpathyBot.Cli.Tests;

/// <summary>A prior study imported from the long CSV, then summarised, reported and exported like live data.</summary>
public sealed class SummaryCommandsTests : IDisposable
{
    private readonly DirectoryInfo dir = Directory.CreateTempSubdirectory("empathybot-summary-cli-");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        dir.Delete(recursive: true);
    }

    private string DataDir => Path.Combine(dir.FullName, "data");

    private (int Exit, string Out, string Err) Run(params string[] args) => CliRun.Invoke(
        new RootCommand("test") { CliServices.DataDir, CliServices.Store, RatingsCommands.Create(), SummaryCommands.Create(), SummaryCommands.Report() },
        [.. args, "--data-dir", DataDir]);

    /// <summary>A small prior study: human vs gpt on two emotions, three raters per reply.</summary>
    private string PriorStudy()
    {
        var lines = new List<string> { string.Join(',', EmpathyBot.Core.Interchange.RatingsCsv.Header) };
        var n = 0;
        foreach (var (emotion, prompt) in new[] { ("sad", "q-sad"), ("proud", "q-proud") })
        {
            for (var reply = 0; reply < 6; reply++)
            {
                foreach (var source in new[] { "human", "gpt" })
                {
                    for (var rater = 0; rater < 3; rater++)
                    {
                        var rating = source == "gpt" ? (rater == 2 ? "okay" : "good") : (rater == 0 ? "good" : reply % 2 == 0 ? "okay" : "bad");
                        lines.Add($"{prompt}-{reply},{emotion},\"Something happened, and it mattered.\",They said so,{source},{source}-{prompt}-{reply},\"A reply, {source} style.\",r{rater},{rating}");
                        n++;
                    }
                }
            }
        }

        var path = Path.Combine(dir.FullName, "prior.csv");
        File.WriteAllLines(path, lines);
        return path;
    }

    [Fact]
    public void An_imported_study_appears_in_the_summary_with_its_statistics()
    {
        var (importExit, importOut, importErr) = Run("ratings", "import", PriorStudy());
        Assert.True(importExit == 0, importErr);
        Assert.Contains("72 new ratings", importOut);

        var (exit, output, error) = Run("summary", "--json");
        Assert.True(exit == 0, error);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.Equal("holm", root.GetProperty("correction").GetString());
        Assert.Equal(24, root.GetProperty("agreementUnits").GetInt64());
        var gpt = root.GetProperty("overall").GetProperty("sources").GetProperty("gpt");
        Assert.Equal(36, gpt.GetProperty("ratings").GetInt64());
        Assert.Equal(24, gpt.GetProperty("good").GetInt64());
        Assert.Equal(4.0, gpt.GetProperty("meanWords").GetDouble());
        Assert.True(gpt.GetProperty("p").GetDouble() < 0.05);
        Assert.Equal(2, root.GetProperty("emotions").GetProperty("sad").GetProperty("sources").GetProperty("gpt").GetProperty("goodRateCi").GetArrayLength());

        var (textExit, text, _) = Run("summary");
        Assert.Equal(0, textExit);
        Assert.Contains("raterAgreement (Krippendorff's alpha, ordinal)", text);
    }

    [Fact]
    [Trait("Category", "EndToEnd")] // the charting libraries come from npm at build time
    public void Report_writes_a_standalone_html_file_with_its_charts_and_their_libraries_inlined()
    {
        Run("ratings", "import", PriorStudy());
        var file = Path.Combine(dir.FullName, "report.html");

        var (exit, output, error) = Run("report", file);

        Assert.True(exit == 0, error);
        // Only the line naming the study data: no warning that the charting libraries are missing.
        Assert.StartsWith("Study data: ", Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));
        Assert.Contains("72 ratings", output);
        var html = File.ReadAllText(file);
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Contains("data-chart=\"forest-positive\"", html);
        Assert.Contains("data-chart=\"forest-negative\"", html);
        Assert.Contains("\"emotion\":\"proud\"", html);
        Assert.Contains("data-emotion=\"proud\"", html);
        Assert.Contains("Krippendorff", html);
        Assert.Contains("<th>vs people</th>", html);
        Assert.DoesNotContain("vs baseline", html);
        Assert.DoesNotContain("charts-missing", html);
        // Offline: the three libraries are inlined, nothing is loaded from elsewhere.
        foreach (var library in EmpathyBot.Core.Summary.ChartLibraries.Files)
        {
            var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "lib", library));
            Assert.Contains(text[..200], html);
        }

        Assert.DoesNotContain("<script src", html);
        Assert.DoesNotContain("<link", html);
    }

    [Fact]
    public async Task Report_withholds_the_feelings_check_of_fewer_people_than_Privacy_MinGroupSize()
    {
        Run("ratings", "import", PriorStudy());
        using (var store = new EmpathyBot.Storage.Sqlite.SqliteStudyStore(DataDir))
        {
            foreach (var (who, pa, evoked) in new[] { ("p1", 41, 17), ("p2", 23, 29) })
            {
                foreach (var (condition, value, emotion) in new[] { ("default", pa, ""), ("evoked", evoked, "Anger") })
                {
                    await store.AddAppraisalAnswerAsync(new EmpathyBot.Core.Ports.AppraisalAnswer($"{who}-{condition}", "human", who, condition,
                        emotion, emotion.Length > 0 ? "Unfair" : "", null, null, new EmpathyBot.Core.Appraisal.PanasScore(value, 20),
                        Enumerable.Repeat(3, 20).ToArray(), DateTimeOffset.UnixEpoch));
                }
            }
        }

        var file = Path.Combine(dir.FullName, "report.html");
        var (exit, _, error) = Run("report", file);

        Assert.True(exit == 0, error);
        var html = File.ReadAllText(file);
        Assert.Contains("default: fewer than 5 people", html);
        Assert.Contains("withheld (fewer than 5 people)", html);
        Assert.DoesNotContain("-24.00", html); // p1's own change
        Assert.DoesNotContain("+6.00", html); // p2's own change
    }

    [Fact]
    public void Report_refuses_a_missing_folder()
    {
        var (exit, _, error) = Run("report", Path.Combine(dir.FullName, "nope", "r.html"));
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("does not exist", error);
    }

    [Fact]
    public void Ratings_export_as_jsonl_has_every_field_and_csv_keeps_the_import_format()
    {
        var prior = PriorStudy();
        Run("ratings", "import", prior);

        var jsonl = Path.Combine(dir.FullName, "ratings.jsonl");
        var (exit, _, error) = Run("ratings", "export", jsonl, "--format", "jsonl");
        Assert.True(exit == 0, error);
        var lines = File.ReadAllLines(jsonl);
        Assert.Equal(72, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        foreach (var field in new[] { "prompt_id", "emotion", "valence", "situation", "utterance", "source", "response_id", "response",
            "response_words", "model_name", "latency_ms", "rater", "rating", "rating_score", "at", "rater_excluded" })
        {
            Assert.True(first.RootElement.TryGetProperty(field, out _), $"missing {field}");
        }

        var csv = Path.Combine(dir.FullName, "ratings.csv");
        Assert.Equal(0, Run("ratings", "export", csv).Exit);
        Assert.Equal(string.Join(',', EmpathyBot.Core.Interchange.RatingsCsv.Header), File.ReadLines(csv).First());
        Assert.Equal(73, File.ReadAllLines(csv).Length);

        var (badExit, _, badError) = Run("ratings", "export", csv, "--format", "xml");
        Assert.NotEqual(0, badExit);
        Assert.Contains("xml", badError);
    }
}
