using System.CommandLine;
using System.Text.Json;
using EmpathyBot.Cli.Commands;
using EmpathyBot.Core.Study;
using EmpathyBot.Storage;
using EmpathyBot.Testing.FakeOpenAi;
using Microsoft.Extensions.DependencyInjection;

namespace EmpathyBot.Cli.Tests;

public sealed class JudgeCommandsTests : IDisposable
{
    private readonly JudgeCliStudy study = new();
    private string _dir => study.Directory;

    public void Dispose() => study.Dispose();

    private ServiceProvider Services(FakeOpenAiServer server) => study.Services(server);

    private static async Task SeedAsync(IStudyStore store)
    {
        var at = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
        await store.UpsertPromptsAsync([new StudyPrompt("p1", "sad", "My dog was ill.", "I took her to the vet.", "core")]);
        await store.AddReplyAsync(new Reply("r1", "p1", Sources.Human, "I'm sorry, I hope she is well soon.", "a", at));
        await store.AddReplyAsync(new Reply("r2", "p1", "gpt", "=That must be worrying.", null, at));
    }

    [Fact]
    public async Task Run_rates_what_lacks_a_verdict_and_export_writes_the_contract_columns()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Responder = r => FakeResponse.Reply(r.UserMessage.Contains("=That") ? "Hmm, hard to say" : "Good");
        await using (var services = Services(server))
        {
            await SeedAsync(services.GetRequiredService<IStudyStore>());
            var run = CliRun.Invoke(new RootCommand { JudgeCommands.Create(() => services) }, "judge", "run", "--repeats", "2");
            Assert.Equal(0, run.Exit);
            Assert.Contains("judge-a: rated 2, unparseable 2, cached 0, failed 0", run.Output);
            var again = CliRun.Invoke(new RootCommand { JudgeCommands.Create(() => services) }, "judge", "run", "--repeats", "2");
            Assert.Contains("rated 0, unparseable 0, cached 4, failed 0", again.Output);
            Assert.Equal(4, server.RequestCount);
        }

        var csv = Path.Combine(_dir, "verdicts.csv");
        var export = CliRun.Invoke(CliApp.Root(), "judge", "export", csv, "--data-dir", _dir);
        Assert.Equal(0, export.Exit);
        var lines = File.ReadAllLines(csv);
        Assert.Equal("reply_id,judge,repeat,rating,raw,template_sha256,time", lines[0]);
        Assert.Equal(5, lines.Length);
        Assert.StartsWith("r1,judge-a,0,good,Good,", lines[1]);
        Assert.StartsWith("r2,judge-a,1,,\"Hmm, hard to say\",", lines[4]);

        var jsonl = Path.Combine(_dir, "verdicts.jsonl");
        Assert.Equal(0, CliRun.Invoke(CliApp.Root(), "judge", "export", jsonl, "--data-dir", _dir).Exit);
        using var first = JsonDocument.Parse(File.ReadLines(jsonl).First());
        Assert.Equal(["reply_id", "judge", "repeat", "rating", "raw", "template_sha256", "time"], first.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(64, first.RootElement.GetProperty("template_sha256").GetString()!.Length);
    }

    [Fact]
    public async Task Run_without_judges_or_with_an_unknown_judge_is_bad_input()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        await using var services = Services(server);
        var unknown = CliRun.Invoke(new RootCommand { JudgeCommands.Create(() => services) }, "judge", "run", "--judge", "nobody");
        Assert.Equal((2, "error: Unknown judge 'nobody'. Configured: judge-a.\n"), (unknown.Exit, unknown.Error.Replace("\r", "")));
        await using var none = CliRun.Services(new Dictionary<string, string?> { ["Storage:DataDirectory"] = _dir });
        var noJudges = CliRun.Invoke(new RootCommand { JudgeCommands.Create(() => none) }, "judge", "run");
        Assert.Equal((2, "error: No judges are configured (appsettings: Judges).\n"), (noJudges.Exit, noJudges.Error.Replace("\r", "")));
    }

    [Fact]
    public async Task The_summary_works_where_no_judge_can_be_asked()
    {
        await using var services = CliRun.Services(new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = _dir,
            ["Contenders:0:Id"] = "baseline",
            ["Contenders:0:Provider"] = "Baseline",
            ["Judges:0:Id"] = "judge-a",
            ["Judges:0:Provider"] = "OpenAI",
            ["Judges:0:Model"] = "gpt-4o-mini",
            ["Judges:0:ApiKeyEnv"] = "EMPATHYBOT_TEST_KEY_THAT_IS_NEVER_SET",
            ["Judges:0:SelfContender"] = "baseline",
        });

        var summary = await services.GetRequiredService<EmpathyBot.Services.Summary.SummaryQuery>().BuildAsync(CancellationToken.None);

        Assert.NotNull(summary.Judging);
        Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => services.GetRequiredService<EmpathyBot.Models.Judging.JudgeRunner>());
    }
}
