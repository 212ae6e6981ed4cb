using EmpathyBot.Services.Understanding;
using System.CommandLine;
using EmpathyBot.Cli.Commands;
using EmpathyBot.Core.Understanding;
using EmpathyBot.Core.Ports;
using EmpathyBot.Storage;
using EmpathyBot.Testing.FakeOpenAi;
using Microsoft.Extensions.DependencyInjection;

namespace EmpathyBot.Cli.Tests;

public sealed class UnderstandingCommandsTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("empathybot-understanding-cli-").FullName;

    // Two questions in EQ-Bench's v2 shape (scores partly as strings), written for this test.
    private const string EqBench = """
        {
          "1": {
            "prompt": "Predict the feelings.\n\nAda: You ate my cake.\nBo: It was very good cake.\n[End dialogue]\n\nAt the end of this dialogue, Ada would feel...\nAngry\nAmused\nSad\nCalm\n\nYour answer should be in this format:\nAngry: <score>\nAmused: <score>\nSad: <score>\nCalm: <score>\n",
            "reference_answer": {"emotion1": "Angry", "emotion2": "Amused", "emotion3": "Sad", "emotion4": "Calm",
              "emotion1_score": "5", "emotion2_score": 3, "emotion3_score": "2", "emotion4_score": 0},
            "reference_answer_fullscale": {"emotion1": "Angry", "emotion2": "Amused", "emotion3": "Sad", "emotion4": "Calm",
              "emotion1_score": "7", "emotion2_score": "4", "emotion3_score": "3", "emotion4_score": "0"}
          },
          "2": {
            "prompt": "Predict the feelings.\n\nCy: I passed.\nDi: I knew you would.\n[End dialogue]\n\nAt the end of this dialogue, Cy would feel...\nProud\nRelieved\nAnxious\nBored\n\nYour answer should be in this format:\nProud: <score>\nRelieved: <score>\nAnxious: <score>\nBored: <score>\n",
            "reference_answer": {"emotion1": "Proud", "emotion2": "Relieved", "emotion3": "Anxious", "emotion4": "Bored",
              "emotion1_score": 5, "emotion2_score": 5, "emotion3_score": 0, "emotion4_score": 0},
            "reference_answer_fullscale": {"emotion1": "Proud", "emotion2": "Relieved", "emotion3": "Anxious", "emotion4": "Bored",
              "emotion1_score": 8, "emotion2_score": 8, "emotion3_score": 1, "emotion4_score": 0}
          }
        }
        """;

    private const string Seceu = """
        {
          "norm_mean_distance": "2.5", "norm_sd_distance": 0.5, "pattern_similarity_norm_mean": 0.2, "pattern_similarity_norm_sd": 0.1,
          "norm_sample": [1.5, 2.0, 2.5, 3.0],
          "items": [
            {"item": 1, "story": "Her plant finally flowered. At this moment, she would feel:", "options": ["Glad", "Sad", "Bored", "Scared"],
             "standard_scores": [7, 1, 1, 1], "human_template_distance": 2.1},
            {"item": 2, "story": "His train was cancelled. At this moment, he would feel:", "options": ["Annoyed", "Joyful", "Calm", "Tired"],
             "standard_scores": [5, 0, 2, 3], "human_template_distance": 2.6}
          ]
        }
        """;

    private ServiceProvider Services(FakeOpenAiServer server) =>
        CliRun.Services(Path.Combine(directory, "store"), server, "fake-llm", "fake-model", maxConcurrency: 1);

    private static (int Exit, string Output, string Error) Run(IServiceProvider services, params string[] args) =>
        CliRun.Invoke(new RootCommand { UnderstandingCommands.Create(_ => services) }, args);

    [Fact]
    public async Task EqBench_import_then_run_retries_unparseable_answers_with_rising_temperature_and_scores_v2()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Responder = r => r.UserMessage.Contains("Ada:", StringComparison.Ordinal)
            ? FakeResponse.Reply("Angry: 7\nAmused: 4\nSad: 3\nCalm: 0")
            : FakeResponse.Reply("I would rather not say.");
        await using var provider = Services(server);
        var file = Path.Combine(directory, "eqbench.json");
        File.WriteAllText(file, EqBench);

        var imported = Run(provider, "understanding", "import-eqbench", file, "--name", "eqb");
        Assert.True(imported.Exit == 0, imported.Error);
        Assert.Contains("'eqb': 2 questions (2 with a fullscale reference", imported.Output);

        var (exit, output, error) = Run(provider, "understanding", "run", "--contender", "fake-llm", "--set", "eqb");
        Assert.True(exit == 0, error);
        Assert.Contains("answered 2, already answered 0, unscored 1, failed 0, EQ-Bench score 100.00", output);
        // Not a terminal: progress comes as plain lines on stderr, and stdout keeps only the result.
        Assert.Contains("items: 0/2 (0%)", error);
        Assert.Contains("items: 2/2 (100%)", error);
        Assert.DoesNotContain("items:", output);

        // Question 2 never parses: EQ-Bench's three attempts at 0.01, 0.16, 0.31; the prompt has "Your answer:" appended.
        var second = server.Requests.Where(r => r.UserMessage.Contains("Cy:", StringComparison.Ordinal)).ToArray();
        Assert.Equal([0.01, 0.16, 0.31], second.Select(r => Math.Round(r.Json.GetProperty("temperature").GetDouble(), 6)));
        Assert.EndsWith("Your answer:\n", second[0].UserMessage);

        var store = provider.GetRequiredService<IStudyStore>();
        var cell = Assert.Single(await store.GetUnderstandingTestCellsAsync());
        Assert.Equal(("eqb", "fake-llm", 1L, 100.0), (cell.Set, cell.Source, cell.N, cell.Sum));

        var again = Run(provider, "understanding", "run", "--contender", "fake-llm", "--set", "eqb");
        Assert.Contains("answered 0, already answered 2", again.Output);
        Assert.Equal(4, server.RequestCount);
    }

    [Fact]
    public async Task Seceu_import_keeps_the_norm_and_a_run_applies_SECEU_answer_rules()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        // Item 1: named and summing to 20 (rescaled to 7 1 1 1); item 2: nothing readable, so (0,0,0,0).
        server.Responder = r => FakeResponse.Reply(r.UserMessage.Contains("plant", StringComparison.Ordinal)
            ? "Glad: 14, Sad: 2, Bored: 2, Scared: 2" : "It depends on the person.");
        await using var provider = Services(server);
        var file = Path.Combine(directory, "seceu.json");
        File.WriteAllText(file, Seceu);

        var imported = Run(provider, "understanding", "import-seceu", file);
        Assert.True(imported.Exit == 0, imported.Error);
        Assert.Contains("'seceu': 2 items, norm M 2.5 SD 0.5, 4 norm scores", imported.Output);
        var stored = UnderstandingSet.FromJson((await provider.GetRequiredService<IStudyStore>().GetUnderstandingSetAsync("seceu"))!);
        Assert.Equal([1.5, 2.0, 2.5, 3.0], stored.Norm!.Sample!);
        Assert.Equal(2.6, stored.Allocation[1].TemplateDistance);

        var (exit, output, error) = Run(provider, "understanding", "run", "--contender", "fake-llm", "--set", "seceu");
        Assert.True(exit == 0, error);
        // Distances 0 and sqrt(25 + 4 + 9) = 6.164...; mean 3.08.
        Assert.Contains("SECEU score 3.08", output);

        var summary = await provider.GetRequiredService<EmpathyBot.Services.Understanding.UnderstandingData>().SummariseAsync(default);
        var contender = summary.Sets["seceu"].Contenders["fake-llm"];
        Assert.Equal(15 * (2.5 - Math.Sqrt(38) / 2) / 0.5 + 100, contender.Eq!.Value, 9);
        Assert.Equal(0, contender.Percentile);
        Assert.Equal(1.0, contender.PatternR!.Value, 9);
        Assert.Equal("imported", summary.Sets["seceu"].Norm!.Source);
    }

    [Fact]
    public void Bad_files_and_unknown_sets_are_reported_with_exit_code_2()
    {
        using var provider = new ServiceCollection().BuildServiceProvider();
        var bad = Path.Combine(directory, "bad.json");
        File.WriteAllText(bad, """{"1": {"prompt": "x"}}""");
        var (exit, _, error) = Run(provider, "understanding", "import-eqbench", bad);
        Assert.Equal(2, exit);
        Assert.Contains("reference_answer", error);
        var missing = Run(provider, "understanding", "import-seceu", Path.Combine(directory, "nope.json"));
        Assert.Equal(2, missing.Exit);
        Assert.Contains("file not found", missing.Error);
    }

    [Fact]
    public async Task The_baseline_gives_the_chance_answer_so_a_fresh_install_has_a_floor_to_compare_with()
    {
        await using var provider = CliRun.Services(new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = Path.Combine(directory, "store"),
            ["Contenders:0:Id"] = "baseline",
            ["Contenders:0:Provider"] = "Baseline",
        });
        var file = Path.Combine(directory, "seceu.json");
        File.WriteAllText(file, Seceu);
        Assert.Equal(0, Run(provider, "understanding", "import-seceu", file).Exit);

        var (exit, output, error) = Run(provider, "understanding", "run", "--contender", "baseline", "--set", "seceu");
        Assert.True(exit == 0, error);
        var answers = await provider.GetRequiredService<IStudyStore>().GetUnderstandingAnswersAsync("seceu", "baseline");
        Assert.All(answers, a => Assert.Equal([2.5, 2.5, 2.5, 2.5], a.Values));
        // Distances to (7,1,1,1) and (5,0,2,3): sqrt(27) and sqrt(13); the test score is their mean.
        var score = (Math.Sqrt(27) + Math.Sqrt(13)) / 2;
        Assert.Contains($"SECEU score {score:0.00}", output);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }
}
