using System.Security.Cryptography;
using System.Text.Json;
using EmpathyBot.Core.Interchange;
using EmpathyBot.Core.Judging;
using EmpathyBot.Core.Study;
using EmpathyBot.Core.Summary;
using EmpathyBot.Models.Judging;
using EmpathyBot.Models.Tests.Infrastructure;
using EmpathyBot.Services.Summary;
using EmpathyBot.Testing.FakeOpenAi;
using Microsoft.Extensions.DependencyInjection;

namespace EmpathyBot.Models.Tests.Judging;

/// <summary>Judges on the pairs people compared, each pair in both orders, over real HTTP against the OpenAI-compatible fake.</summary>
public sealed class PairJudgeRunTests
{
    private const string Scary = "That sounds scary.";
    private const string Safe = "Are you safe now?";

    private static FakeResponse Judge(FakeRequest r, Func<string, string> answer) =>
        r.Model == JudgeHarness.Model ? FakeResponse.Reply(answer(r.UserMessage)) : FakeResponse.Reply("That sounds hard.");

    private static PairJudgeRunner Pairs(ModelsHarness h) => h.Services.GetRequiredService<PairJudgeRunner>();

    private static Task<SummaryDocument> SummaryAsync(ModelsHarness h) => h.Services.GetRequiredService<SummaryQuery>().BuildAsync(CancellationToken.None);

    /// <summary>Two pairs people compared (gpt vs human), one battle each: on pair 1 people chose gpt (a), on pair 2 the human (b).</summary>
    private static async Task SeedBattlesAsync(ModelsHarness h)
    {
        BattleRow Row(int i, string rater, BattleWinner winner) =>
            new($"q{i}", "afraid", $"it was dark {i}", $"I heard a noise {i}", Sources.Human, $"hq{i}", $"{Scary} ({i})", "gpt", $"mq{i}", $"{Safe} ({i})", rater, winner);
        // Rows name the human first; battle order puts gpt (sorting first) as A, so the human's win is b.
        await h.Store.ImportBattlesAsync([Row(1, "r1", BattleWinner.B), Row(2, "r1", BattleWinner.A)], "imported");
    }

    [Fact]
    public async Task Each_pair_is_asked_in_both_orders_an_always_A_judge_shows_full_position_bias_and_a_rerun_asks_nothing()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Responder = r => Judge(r, _ => "A");
        await using var h = await JudgeHarness.StartAsync(server);
        await SeedBattlesAsync(h);
        var peopleBefore = JsonSerializer.Serialize((await SummaryAsync(h)).Pairwise);

        var first = await Pairs(h).RunAsync(new JudgeRunRequest(), null, CancellationToken.None);
        var asked = server.Requests.Where(r => r.Model == JudgeHarness.Model).Select(r => r.UserMessage).ToList();
        var second = await Pairs(h).RunAsync(new JudgeRunRequest(), null, CancellationToken.None);

        Assert.Equal("rated 4, unparseable 0, cached 0, failed 0", first.FinalLine);
        Assert.Equal("rated 0, unparseable 0, cached 4, failed 0", second.FinalLine);
        Assert.Equal(4, server.RequestCountFor(JudgeHarness.Model));
        Assert.Single(asked, m => m.Contains($"Reply A: {Safe} (1)\nReply B: {Scary} (1)", StringComparison.Ordinal));
        Assert.Single(asked, m => m.Contains($"Reply A: {Scary} (1)\nReply B: {Safe} (1)", StringComparison.Ordinal));
        var prompt = asked[0];
        Assert.Contains("I heard a noise", prompt);
        Assert.Contains(EmpathyWording.PairQuestion, prompt);
        Assert.Contains("A, B, Tie or Both bad", prompt);
        Assert.All(EmpathyWording.Definitions, d => Assert.Contains($"{d.Term}: {d.Meaning}", prompt));
        Assert.All(asked, m => Assert.DoesNotContain("gpt", m));
        Assert.All(asked, m => Assert.DoesNotContain("human", m, StringComparison.OrdinalIgnoreCase));
        Assert.All(asked, m => Assert.DoesNotContain("{{", m));

        var sha = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(TestData.ShippedPairJudgeTemplate)));
        var stored = await h.Store.ExportPairVerdictsAsync().ToListAsync();
        Assert.Equal(
            [("mq1", "hq1", PairOrder.AB, BattleWinner.A), ("mq1", "hq1", PairOrder.BA, BattleWinner.B),
             ("mq2", "hq2", PairOrder.AB, BattleWinner.A), ("mq2", "hq2", PairOrder.BA, BattleWinner.B)],
            stored.Select(v => (v.ReplyA, v.ReplyB, v.Order, v.Winner!.Value)));
        Assert.All(stored, v => Assert.Equal(("judge-a", 0, "A", sha), (v.Judge, v.Repeat, v.Raw, v.TemplateSha256)));

        var summary = await SummaryAsync(h);
        var judge = summary.Judging!.Judges["judge-a"];
        Assert.Equal(1.0, judge.PositionBias);
        Assert.Equal(0.0, judge.OrderConsistency);
        Assert.Equal(0.5, judge.PairwiseAgreement); // people chose b on pair 1 and a on pair 2; the judge said a on both
        Assert.Equal((4L, 0L), (judge.PairwiseVerdicts, judge.PairwiseUnparseable));
        Assert.Equal(peopleBefore, JsonSerializer.Serialize(summary.Pairwise));
        Assert.Equal(2, await h.Store.ExportBattlesAsync().CountAsync());
    }

    [Fact]
    public async Task Unparseable_answers_are_stored_raw_counted_and_left_out_of_the_figures()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        // Shown the human's reply first, the judge hedges; otherwise it picks the reply shown second.
        server.Responder = r => Judge(r, m => m.Contains($"Reply A: {Scary}", StringComparison.Ordinal) ? "A or B, hard to say" : "B");
        await using var h = await JudgeHarness.StartAsync(server);
        await SeedBattlesAsync(h);

        var run = await Pairs(h).RunAsync(new JudgeRunRequest(), null, CancellationToken.None);

        Assert.Equal("rated 2, unparseable 2, cached 0, failed 0", run.FinalLine);
        var hedged = (await h.Store.ExportPairVerdictsAsync().ToListAsync()).Where(v => v.Order == PairOrder.BA).ToList();
        Assert.All(hedged, v => Assert.Equal((null, "A or B, hard to say"), (v.Winner, v.Raw)));
        var judge = (await SummaryAsync(h)).Judging!.Judges["judge-a"];
        Assert.Equal((2L, 2L), (judge.PairwiseVerdicts, judge.PairwiseUnparseable));
        Assert.Equal(0.0, judge.PositionBias);
        Assert.Null(judge.OrderConsistency);
        Assert.Equal(0.5, judge.PairwiseAgreement); // the judge said b on both pairs: right on pair 1 only
        var again = await Pairs(h).RunAsync(new JudgeRunRequest(), null, CancellationToken.None);
        Assert.Equal("rated 0, unparseable 0, cached 4, failed 0", again.FinalLine);
    }

    [Fact]
    public async Task Limit_counts_pairs_repeats_ask_each_order_again_and_an_unknown_judge_is_refused()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Responder = r => Judge(r, _ => "Tie");
        await using var h = await JudgeHarness.StartAsync(server);
        await SeedBattlesAsync(h);

        var limited = await Pairs(h).RunAsync(new JudgeRunRequest("judge-a", Limit: 1, Repeats: 2), null, CancellationToken.None);
        Assert.Equal(4, limited.Rated);
        Assert.Equal([(PairOrder.AB, 0), (PairOrder.AB, 1), (PairOrder.BA, 0), (PairOrder.BA, 1)],
            (await h.Store.ExportPairVerdictsAsync().ToListAsync()).Select(v => (v.Order, v.Repeat)));

        var rest = await Pairs(h).RunAsync(new JudgeRunRequest(), null, CancellationToken.None);
        Assert.Equal((2, 2), (rest.Rated, rest.Cached));
        Assert.Empty(await h.Store.ExportVerdictsAsync().ToListAsync());
        await Assert.ThrowsAsync<ArgumentException>(() => Pairs(h).RunAsync(new JudgeRunRequest("nobody"), null, CancellationToken.None));
    }
}
