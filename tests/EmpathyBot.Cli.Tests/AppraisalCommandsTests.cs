using System.CommandLine;
using System.Text.Json;
using EmpathyBot.Cli.Commands;
using EmpathyBot.Core.Ports;
using EmpathyBot.Storage;
using EmpathyBot.Testing.FakeOpenAi;
using Microsoft.Extensions.DependencyInjection;

namespace EmpathyBot.Cli.Tests;

public sealed class AppraisalCommandsTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("empathybot-appraisal-cli-").FullName;

    // The same rows as the Core fixture; values pinned with scipy there (EmotionBench's F gate, ttest_ind_from_stats).
    private const string Csv = """
        source,emotion,factor,condition,pa,na
        human,,,default,32,14
        human,,,default,35,12
        human,,,default,29,15
        human,,,default,31,13
        human,,,default,34,16
        human,,,default,30,11
        human,Anger,Unfair treatment,evoked,26,24
        human,Anger,Unfair treatment,evoked,28,27
        human,Anger,Unfair treatment,evoked,24,22
        human,Anger,Careless others,evoked,30,19
        human,Anger,Careless others,evoked,27,25
        human,Fear,Danger,evoked,22,31
        human,Fear,Danger,evoked,25,28
        human,Fear,Danger,evoked,20,33
        gpt,,,default,40,12
        gpt,,,default,40,12
        gpt,,,default,41,12
        gpt,,,default,40,13
        gpt,Anger,Unfair treatment,evoked,25,30
        gpt,Anger,Unfair treatment,evoked,35,18
        gpt,Anger,Careless others,evoked,18,36
        gpt,Anger,Careless others,evoked,40,12
        """;

    private static (int Exit, string Output, string Error) Run(Func<ParseResult, IServiceProvider>? services, params string[] args) =>
        CliRun.Invoke(new RootCommand { services is null ? AppraisalCommands.Create() : AppraisalCommands.Create(services) }, args);

    [Fact]
    public void Compare_prints_change_p_and_mark_per_source_and_emotion()
    {
        var file = Path.Combine(directory, "published.csv");
        File.WriteAllText(file, Csv);

        var (exit, output, error) = Run(null, "appraisal", "compare", "--input", file, "--json");

        Assert.Equal(0, exit);
        Assert.Equal("", error);
        using var doc = JsonDocument.Parse(output);
        var anger = doc.RootElement.GetProperty("human").GetProperty("Anger");
        Assert.Equal(["paChange", "naChange", "paP", "naP", "paMark", "naMark"], anger.EnumerateObject().Select(p => p.Name));
        Assert.Equal(-4.833333333333332, anger.GetProperty("paChange").GetDouble(), 9);
        Assert.Equal(0.006733178034146576, anger.GetProperty("paP").GetDouble(), 9);
        Assert.Equal("down", anger.GetProperty("paMark").GetString());
        Assert.Equal(9.572121093680206e-05, anger.GetProperty("naP").GetDouble(), 10);
        Assert.Equal("up", anger.GetProperty("naMark").GetString());
        var gpt = doc.RootElement.GetProperty("gpt").GetProperty("Anger");
        Assert.Equal(0.11769257195236739, gpt.GetProperty("paP").GetDouble(), 9);
        Assert.Equal("none", gpt.GetProperty("paMark").GetString());
        Assert.Equal("up", doc.RootElement.GetProperty("human").GetProperty("Overall").GetProperty("naMark").GetString());
    }

    [Fact]
    public void Compare_reports_bad_input_with_exit_code_2()
    {
        var file = Path.Combine(directory, "bad.csv");
        File.WriteAllText(file, "source,emotion,factor,condition,pa,na\nhuman,Anger,f,sometimes,30,20\n");

        var (exit, _, error) = Run(null, "appraisal", "compare", "--input", file, "--json");

        Assert.Equal(2, exit);
        Assert.Contains("line 2: condition must be default or evoked", error);
    }

    [Fact]
    public async Task Import_then_run_a_fake_server_contender_with_shuffled_orders()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        // Answer every item with 2, except Afraid with 5, naming each item so shuffled orders must map back by word.
        server.Responder = request =>
        {
            var lines = request.UserMessage.Split('\n').Where(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^\d{1,2}\. [A-Za-z]+$"));
            return FakeResponse.Reply(string.Join("\n", lines.Select(l => l + ": " + (l.EndsWith("Afraid") ? 5 : 2))));
        };
        var situations = Path.Combine(directory, "situations.json");
        File.WriteAllText(situations, """
            {"emotions":[{"name":"Fear","factors":[{"name":"Night","scenarios":["You hear a noise downstairs at night.","You are lost in a dark forest."]}]}]}
            """);
        var provider = CliRun.Services(Path.Combine(directory, "store"), server, "fake-llm", "fake-model");
        var store = provider.GetRequiredService<IStudyStore>();

        var imported = Run(_ => provider, "appraisal", "import", situations, "--name", "mine");
        Assert.Equal(0, imported.Exit);
        Assert.Contains("1 emotions, 1 factors, 2 situations", imported.Output);

        var (exit, output, error) = Run(_ => provider, "appraisal", "run", "--contender", "fake-llm", "--runs", "3", "--set", "mine");

        Assert.True(exit == 0, error);
        Assert.Contains("stored 9, already stored 0, failed 0", output);
        Assert.Equal(9, server.RequestCount);
        var first = server.Requests.Select(r => r.Json).First(j => j.GetProperty("messages").GetArrayLength() == 2);
        Assert.Equal("system", first.GetProperty("messages")[0].GetProperty("role").GetString());
        var orders = server.Requests.Select(r => string.Join(",", r.UserMessage.Split('\n').Where(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^\d{1,2}\. ")))).Distinct().Count();
        Assert.True(orders > 1, "runs after the first must shuffle the item order");
        Assert.Contains(server.Requests, r => r.UserMessage.Contains("You hear a noise downstairs at night."));

        // PA = 10 x 2 = 20 and NA = 9 x 2 + 5 = 23 in every run, whatever the order.
        var cells = await store.GetAppraisalCellsAsync();
        var defaults = cells.Single(c => c.Condition == "default");
        Assert.Equal(("fake-llm", 3L, 60L, 69L), (defaults.Source, defaults.Moments.N, defaults.Moments.PaSum, defaults.Moments.NaSum));
        var evoked = cells.Single(c => c.Condition == "evoked");
        Assert.Equal(("Fear", "Night", 6L), (evoked.Emotion, evoked.Factor, evoked.Moments.N));

        // A rerun finds the same answers already stored (stable ids), so counts do not double.
        var again = Run(_ => provider, "appraisal", "run", "--contender", "fake-llm", "--set", "mine");
        Assert.Contains("stored 0, already stored 3", again.Output);
        Assert.Equal(3, (await store.GetAppraisalCellsAsync()).Single(c => c.Condition == "default").Moments.N);
    }

    [Fact]
    public async Task Unreadable_contender_answers_are_retried_then_reported()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Responder = _ => FakeResponse.Reply("As an AI I have no feelings.");
        var provider = CliRun.Services(Path.Combine(directory, "store2"), server, "shy", "m");
        var situations = Path.Combine(directory, "one.json");
        File.WriteAllText(situations, """{"emotions":[{"name":"Guilt","factors":[{"name":"F","scenarios":["You forget a birthday."]}]}]}""");
        Run(_ => provider, "appraisal", "import", situations, "--name", "one");

        var (exit, output, error) = Run(_ => provider, "appraisal", "run", "--contender", "shy", "--set", "one");

        Assert.Equal(1, exit);
        Assert.Contains("failed 2", output);
        Assert.Contains("unreadable answer", error);
        Assert.Equal(6, server.RequestCount);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
    }
}
