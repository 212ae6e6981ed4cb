using EmpathyBot.Conversation.Engine;
using EmpathyBot.Conversation.Messages;
using EmpathyBot.Core.Interchange;
using EmpathyBot.Core.Study;

namespace EmpathyBot.Conversation.Tests.Engine;

/// <summary>The chat summary's line on side-by-side comparisons, over a real SQLite store.</summary>
public sealed class PairwiseSummaryLineTests
{
    private const string Line = "In 12 comparisons side by side, how often each kind of reply was chosen as the more empathetic (a tie counting half): " +
        "gpt 75% (12 comparisons); People 25% (12 comparisons).";

    private static string[] Paragraphs(TurnResult result) =>
        result.Replies.SelectMany(m => m.Blocks).OfType<Paragraph>().Select(p => p.Text).ToArray();

    /// <summary>Twelve raters compare one person's reply with gpt's: gpt wins 8, people 2, two ties.</summary>
    private static async Task ImportBattlesAsync(EngineHarness h)
    {
        var rows = Enumerable.Range(0, 12).Select(i => new BattleRow("q1", "afraid", "", "I heard a noise", "gpt", "mq1", "Are you safe now?",
            "human", "hq1", "That sounds scary.", $"rater{i}", i < 8 ? BattleWinner.A : i < 10 ? BattleWinner.B : BattleWinner.Tie)).ToList();
        await h.Store.ImportBattlesAsync(rows, "imported");
    }

    [Fact]
    public async Task A_pairwise_only_study_gets_a_summary_of_its_comparisons_instead_of_no_ratings_yet()
    {
        await using var h = new EngineHarness(mode: "pairwise");
        await h.ConsentAsync("bob");
        Assert.Contains("No ratings yet", EngineHarness.Text(await h.SayAsync("bob", "summary")));

        await ImportBattlesAsync(h);

        var summary = await h.SayAsync("bob", "summary");
        Assert.Equal(Line, Assert.Single(Paragraphs(summary)));
    }

    [Fact]
    public async Task The_overall_summary_gets_one_line_on_the_comparisons_when_there_are_battles()
    {
        await using var h = new EngineHarness();
        await h.ConsentAsync("bob");
        await h.Store.UpsertPromptsAsync([EngineHarness.Prompt("p1")]);
        await h.Store.AddReplyAsync(new Reply("r1", "p1", "gpt", "A reply.", null, DateTimeOffset.UtcNow));
        await h.Store.AddRatingAsync(new Rating("r1", "carol", RatingValue.Good, DateTimeOffset.UtcNow));
        Assert.DoesNotContain(Paragraphs(await h.SayAsync("bob", "summary")), p => p.Contains("side by side", StringComparison.Ordinal));

        await ImportBattlesAsync(h);

        Assert.Contains(Line, Paragraphs(await h.SayAsync("bob", "summary")));
    }
}
