using EmpathyBot.Core.Statistics;

namespace EmpathyBot.Core.Tests.Statistics;

public class BradleyTerryTests
{
    private static readonly PairwiseOutcome[] DesignOutcomes =
    [
        new("human", "gpt", 14, 8, 3),
        new("gpt", "claude", 9, 11, 0),
        new("human", "claude", 10, 9, 2),
    ];

    [Fact]
    public void Fit_MatchesDesignGolden()
    {
        // Oracle: exact MLE of the FastChat model (ties = half a win each way), solved with scipy.optimize.root on the
        // score equations (xtol 1e-15) and mean-centred; FastChat's sklearn fit (tol 1e-6) agrees to 1e-5 and the published golden values to 1e-3.
        var ratings = BradleyTerry.Fit(DesignOutcomes);

        Approx.Equal(1034.3175653919661, ratings["human"]);
        Approx.Equal(959.3517806939163, ratings["gpt"]);
        Approx.Equal(1006.3306539141174, ratings["claude"]);
        Assert.Equal(1034.318, ratings["human"], 3);
        Assert.Equal(959.352, ratings["gpt"], 3);
        Assert.Equal(1006.331, ratings["claude"], 3);
    }

    [Fact]
    public void Fit_FourPlayers_MatchesReference()
    {
        // Oracle: as above (scipy.optimize.root MLE); sklearn LogisticRegression(penalty=None) gives 1094.66214523, 994.24806134, ...
        PairwiseOutcome[] outcomes =
        [
            new("a", "b", 7, 3, 1),
            new("b", "c", 4, 4, 2),
            new("c", "d", 6, 2, 0),
            new("a", "d", 5, 1, 1),
            new("a", "c", 3, 3, 0),
            new("d", "b", 2, 5, 3),
        ];

        var ratings = BradleyTerry.Fit(outcomes);

        Approx.Equal(1094.6621452829186, ratings["a"]);
        Approx.Equal(994.2480608500787, ratings["b"]);
        Approx.Equal(1040.215885964175, ratings["c"]);
        Approx.Equal(870.8739079028277, ratings["d"]);
        Approx.Equal(1000, ratings.Values.Average(), 1e-12);
    }

    [Fact]
    public void Fit_TwoPlayers_HasClosedForm()
    {
        // 3:1 -> rating gap 400*log10(3); oracle: 1095.4242509439325 / 904.5757490560675.
        var ratings = BradleyTerry.Fit([new("x", "y", 3, 1, 0)]);

        Approx.Equal(1095.4242509439325, ratings["x"]);
        Approx.Equal(904.5757490560675, ratings["y"]);
    }

    [Fact]
    public void Fit_UnbeatenPlayer_Throws()
    {
        Assert.Throws<NoMaximumLikelihoodException>(() => BradleyTerry.Fit([new("x", "y", 3, 0, 0), new("y", "z", 1, 1, 0)]));
    }

    [Fact]
    public void Fit_TiesOnly_GiveEqualRatings()
    {
        var ratings = BradleyTerry.Fit([new("x", "y", 0, 0, 4)]);

        Approx.Equal(1000, ratings["x"]);
        Approx.Equal(1000, ratings["y"]);
    }

    [Fact]
    public void Bootstrap_IsDeterministic_AndBracketsThePointFit()
    {
        var battles = Expand(DesignOutcomes);

        var first = BradleyTerry.Bootstrap(battles, rounds: 200, seed: 7);
        var second = BradleyTerry.Bootstrap(battles, rounds: 200, seed: 7);
        var point = BradleyTerry.Fit(DesignOutcomes);

        Assert.Equal(first, second);
        foreach (var (player, interval) in first)
        {
            Approx.Equal(point[player], interval.Rating, 1e-12);
            Assert.InRange(interval.Rating, interval.Lower, interval.Upper);
            Assert.True(interval.Upper - interval.Lower > 10, $"{player}: a 66-battle sample cannot pin a rating to 10 points.");
        }
    }

    [Fact]
    public void Bootstrap_DifferentSeeds_Differ()
    {
        var battles = Expand(DesignOutcomes);

        var a = BradleyTerry.Bootstrap(battles, rounds: 50, seed: 1);
        var b = BradleyTerry.Bootstrap(battles, rounds: 50, seed: 2);

        Assert.NotEqual(a["human"].Lower, b["human"].Lower);
    }

    private static List<Battle> Expand(IEnumerable<PairwiseOutcome> outcomes) =>
        outcomes.SelectMany(o =>
            Enumerable.Repeat(new Battle(o.A, o.B, BattleOutcome.WinA), (int)o.WinsA)
                .Concat(Enumerable.Repeat(new Battle(o.A, o.B, BattleOutcome.WinB), (int)o.WinsB))
                .Concat(Enumerable.Repeat(new Battle(o.A, o.B, BattleOutcome.Tie), (int)o.Ties)))
            .ToList();
}
