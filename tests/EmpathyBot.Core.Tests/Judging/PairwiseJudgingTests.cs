using EmpathyBot.Core.Judging;
using EmpathyBot.Core.Ports;
using EmpathyBot.Core.Study;
using EmpathyBot.Core.Summary;

namespace EmpathyBot.Core.Tests.Judging;

/// <summary>The three pairwise judge figures on a small hand-worked case (the counts are in the comments).</summary>
public class PairwiseJudgingTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly StudyPrompt Prompt = new("p1", "sad", "situation", "utterance", "s1");

    private static PairVerdict V(int pair, PairOrder order, int repeat, BattleWinner? winner, string judge = "j1") =>
        new($"m{pair}", $"h{pair}", judge, order, repeat, winner, winner?.ToWire() ?? "hmm", "sha", T0);

    private static BattleRecord People(int pair, BattleWinner winner, string rater = "r1", bool excluded = false) =>
        new($"b{pair}{rater}", rater, Prompt, new Reply($"m{pair}", "p1", "gpt", "model", null, T0), new Reply($"h{pair}", "p1", Sources.Human, "human", "x", T0),
            BattleSide.A, winner, T0, T0, excluded);

    // Winners are in the pair's own order. Shown first: reply A in AB, reply B in BA.
    private static readonly PairVerdict[] Verdicts =
    [
        V(1, PairOrder.AB, 0, BattleWinner.A),        // decisive, first shown won
        V(1, PairOrder.BA, 0, BattleWinner.A),        // decisive, second shown won; pair 1 consistent (A, A)
        V(2, PairOrder.AB, 0, null),                  // unparseable: skipped, repeat 1 is the first parseable
        V(2, PairOrder.AB, 1, BattleWinner.B),        // decisive, second shown
        V(2, PairOrder.BA, 0, BattleWinner.A),        // decisive, second shown; pair 2 inconsistent (B, A)
        V(3, PairOrder.AB, 0, BattleWinner.Tie),      // not decisive
        V(3, PairOrder.BA, 0, BattleWinner.Tie),      // pair 3 consistent (tie, tie)
        V(4, PairOrder.AB, 0, BattleWinner.A),        // decisive, first shown; pair 4 has no BA verdict
    ];

    private static readonly BattleRecord[] Battles =
    [
        People(1, BattleWinner.A),                    // judge A: agrees
        People(1, BattleWinner.B, "r2"),              // judge A: disagrees
        People(2, BattleWinner.B),                    // judge B (repeat 1): agrees
        People(3, BattleWinner.BothBad),              // judge tie: disagrees
        People(4, BattleWinner.B, "r3", excluded: true), // excluded rater: not counted
        People(5, BattleWinner.A),                    // judge never asked: not counted
    ];

    [Fact]
    public void Position_bias_is_the_first_shown_share_of_decisive_verdicts()
    {
        // 5 decisive verdicts, 2 won by the reply shown first.
        Assert.Equal(2.0 / 5, PairwiseJudging.PositionBias(Verdicts));
    }

    [Fact]
    public void Order_consistency_is_the_share_of_pairs_asked_both_ways_with_the_same_verdict()
    {
        // Pairs 1, 2, 3 have both orders; 1 and 3 agree.
        Assert.Equal(2.0 / 3, PairwiseJudging.OrderConsistency(Verdicts));
    }

    [Fact]
    public void Pairwise_agreement_counts_each_counted_human_battle_against_the_first_ab_verdict()
    {
        // 4 counted battles on judged pairs, 2 agree.
        Assert.Equal(2.0 / 4, PairwiseJudging.Agreement(Verdicts, Battles.Where(b => !b.RaterExcluded).ToList()));
    }

    [Fact]
    public void Apply_adds_the_figures_to_the_judge_and_counts_unparseable_answers()
    {
        var judging = PairwiseJudging.Apply(null, Verdicts, Battles)!;

        var j1 = judging.Judges["j1"];
        Assert.Equal((7L, 1L), (j1.PairwiseVerdicts, j1.PairwiseUnparseable));
        Assert.Equal((0.4, 2.0 / 3, 0.5), (j1.PositionBias!.Value, j1.OrderConsistency!.Value, j1.PairwiseAgreement!.Value));
        Assert.Equal((0L, null), (j1.Ratings, j1.Kappa));
    }

    [Fact]
    public void An_always_A_judge_has_position_bias_one_and_order_consistency_zero()
    {
        // The judge answered "A" whatever it was shown: in BA order that maps back to B.
        PairVerdict[] alwaysA = [V(1, PairOrder.AB, 0, BattleWinner.A), V(1, PairOrder.BA, 0, BattleWinner.B),
            V(2, PairOrder.AB, 0, BattleWinner.A), V(2, PairOrder.BA, 0, BattleWinner.B)];

        Assert.Equal(1.0, PairwiseJudging.PositionBias(alwaysA));
        Assert.Equal(0.0, PairwiseJudging.OrderConsistency(alwaysA));
    }

    [Fact]
    public void Figures_are_null_without_data_and_an_existing_judge_entry_keeps_its_single_reply_figures()
    {
        var existing = new JudgingSummary(0.7, 3,
            new Dictionary<string, JudgeSummary> { ["j1"] = new(5, 1, 4, 0.6, [0.5, 0.7], 0.75, new Dictionary<string, double>(), null, null, null) },
            new Dictionary<string, JudgingEmotion>());
        var judging = PairwiseJudging.Apply(existing, [V(1, PairOrder.AB, 0, null)], Battles)!;

        var j1 = judging.Judges["j1"];
        Assert.Equal((5L, 0.6, 0.7), (j1.Ratings, j1.Kappa, judging.HumanHumanKappa));
        Assert.Equal((0L, 1L), (j1.PairwiseVerdicts, j1.PairwiseUnparseable));
        Assert.Null(j1.PositionBias);
        Assert.Null(j1.OrderConsistency);
        Assert.Null(j1.PairwiseAgreement);
        Assert.Same(existing, PairwiseJudging.Apply(existing, [], Battles));
    }
}
