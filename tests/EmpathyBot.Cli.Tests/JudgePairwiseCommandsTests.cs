using System.CommandLine;
using System.Text.Json;
using EmpathyBot.Cli.Commands;
using EmpathyBot.Core.Interchange;
using EmpathyBot.Core.Study;
using EmpathyBot.Storage;
using EmpathyBot.Testing.FakeOpenAi;
using Microsoft.Extensions.DependencyInjection;

namespace EmpathyBot.Cli.Tests;

public sealed class JudgePairwiseCommandsTests : IDisposable
{
    private readonly JudgeCliStudy study = new();
    private string _dir => study.Directory;

    public void Dispose() => study.Dispose();

    private ServiceProvider Services(FakeOpenAiServer server) => study.Services(server);

    /// <summary>One pair people compared twice (gpt's reply mq1 is A in battle order) and one compared once.</summary>
    private static Task SeedAsync(IStudyStore store)
    {
        BattleRow Row(int i, string rater, BattleWinner winner) =>
            new($"q{i}", "sad", "My dog was ill.", $"I took her to the vet ({i}).", Sources.Human, $"hq{i}", "I'm sorry, I hope she is well soon.",
                "gpt", $"mq{i}", "=That must be worrying.", rater, winner);
        return store.ImportBattlesAsync([Row(1, "r1", BattleWinner.A), Row(1, "r2", BattleWinner.B), Row(2, "r1", BattleWinner.Tie)], "imported");
    }

    [Fact]
    public async Task Run_pairwise_asks_each_pair_in_both_orders_once_and_export_pairwise_writes_the_contract_columns()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        // The judge prefers whichever reply it is shown second, and hedges when shown pair 2 with gpt's reply first.
        server.Responder = r => FakeResponse.Reply(r.UserMessage.Contains("(2)") && r.UserMessage.Contains("Reply A: =That") ? "A or B" : "B");
        await using (var services = Services(server))
        {
            await SeedAsync(services.GetRequiredService<IStudyStore>());
            var run = CliRun.Invoke(new RootCommand { JudgeCommands.Create(() => services) }, "judge", "run", "--pairwise", "--judge", "judge-a");
            Assert.Equal(0, run.Exit);
            Assert.Contains("judge-a: rated 3, unparseable 1, cached 0, failed 0", run.Output);
            var again = CliRun.Invoke(new RootCommand { JudgeCommands.Create(() => services) }, "judge", "run", "--pairwise");
            Assert.Contains("rated 0, unparseable 0, cached 4, failed 0", again.Output);
            Assert.Equal(4, server.RequestCount);
        }

        var csv = Path.Combine(_dir, "pairs.csv");
        var export = CliRun.Invoke(CliApp.Root(), "judge", "export", csv, "--pairwise", "--data-dir", _dir);
        Assert.Equal(0, export.Exit);
        var lines = File.ReadAllLines(csv);
        Assert.Equal("response_a_id,response_b_id,judge,order,repeat,winner,raw,template_sha256,time", lines[0]);
        Assert.Equal(5, lines.Length);
        Assert.StartsWith("mq1,hq1,judge-a,ab,0,b,B,", lines[1]);
        Assert.StartsWith("mq1,hq1,judge-a,ba,0,a,B,", lines[2]);
        Assert.StartsWith("mq2,hq2,judge-a,ab,0,,A or B,", lines[3]);

        var single = Path.Combine(_dir, "verdicts.csv");
        Assert.Equal(0, CliRun.Invoke(CliApp.Root(), "judge", "export", single, "--data-dir", _dir).Exit);
        Assert.Equal(["reply_id,judge,repeat,rating,raw,template_sha256,time"], File.ReadAllLines(single));

        var jsonl = Path.Combine(_dir, "pairs.jsonl");
        Assert.Equal(0, CliRun.Invoke(CliApp.Root(), "judge", "export", jsonl, "--pairwise", "--data-dir", _dir).Exit);
        using var first = JsonDocument.Parse(File.ReadLines(jsonl).First());
        Assert.Equal(["response_a_id", "response_b_id", "judge", "order", "repeat", "winner", "raw", "template_sha256", "time"],
            first.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(64, first.RootElement.GetProperty("template_sha256").GetString()!.Length);
    }

    [Fact]
    public async Task Run_pairwise_keeps_the_repeats_and_limit_checks()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        await using var services = Services(server);
        var bad = CliRun.Invoke(new RootCommand { JudgeCommands.Create(() => services) }, "judge", "run", "--pairwise", "--repeats", "0");
        Assert.NotEqual(0, bad.Exit);
        var unknown = CliRun.Invoke(new RootCommand { JudgeCommands.Create(() => services) }, "judge", "run", "--pairwise", "--judge", "nobody");
        Assert.Equal((2, "error: Unknown judge 'nobody'. Configured: judge-a.\n"), (unknown.Exit, unknown.Error.Replace("\r", "")));
        Assert.Equal(0, server.RequestCount);
    }
}
