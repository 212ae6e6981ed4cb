using EmpathyBot.Core.Statistics;

namespace EmpathyBot.Core.Tests.Statistics;

public class MannWhitneyTests
{
    // Oracle: scipy 1.10.1 stats.mannwhitneyu(x, y, method='asymptotic', use_continuity=True) with x, y expanded
    // from Good=3/Okay=2/Bad=1 counts (np.repeat([3, 2, 1], counts)) -> (U1, p).
    [Theory]
    [InlineData(30, 15, 5, 20, 18, 12, 1545.0, 0.026228926584059672)] // golden value
    [InlineData(5, 3, 2, 2, 3, 5, 69.5, 0.1277866756548724)]
    [InlineData(40, 0, 0, 0, 0, 3, 120.0, 1.3037421458478332e-10)] // complete separation
    [InlineData(600000, 250000, 150000, 599000, 251500, 150200, 500972500000.0, 0.08155964220037437)] // 2M ratings
    // scipy 1.10's tie term t**3 overflows int64 once a tie group exceeds ~2.1M; this oracle is scipy's own
    // _get_mwu_z formula evaluated in float64 (then 2 * stats.norm.sf(z)).
    [InlineData(1200000, 500000, 300000, 1199000, 501500, 300200, 2001945000000.0, 0.21789197334336052)]
    public void FromRatingCounts_MatchesScipy(long g1, long o1, long b1, long g2, long o2, long b2, double u1, double p)
    {
        var result = MannWhitney.FromRatingCounts(g1, o1, b1, g2, o2, b2);

        Approx.Equal(u1, result.U1);
        Approx.Equal(p, result.P);
        Approx.Equal(u1 / (((double)g1 + o1 + b1) * ((double)g2 + o2 + b2)), result.Superiority);
    }

    [Fact]
    public void Test_MatchesScipy_WithTies()
    {
        // scipy: mannwhitneyu([1.5, 2, 2, 3.7, 4, 5, 5, 5], [0.5, 2, 3, 3, 4.2, 6, 1], method='asymptotic') -> (35.0, 0.448243051913119)
        var result = MannWhitney.Test([1.5, 2, 2, 3.7, 4, 5, 5, 5], [0.5, 2, 3, 3, 4.2, 6, 1]);

        Approx.Equal(35.0, result.U1);
        Approx.Equal(0.448243051913119, result.P);
        Approx.Equal(35.0 / 56, result.Superiority);
    }

    [Fact]
    public void Test_AgreesWithCountOverload()
    {
        static double[] Expand(int good, int okay, int bad) =>
            [.. Enumerable.Repeat(3.0, good), .. Enumerable.Repeat(2.0, okay), .. Enumerable.Repeat(1.0, bad)];

        var fromArrays = MannWhitney.Test(Expand(30, 15, 5), Expand(20, 18, 12));
        var fromCounts = MannWhitney.FromRatingCounts(30, 15, 5, 20, 18, 12);

        Approx.Equal(fromCounts.U1, fromArrays.U1, 1e-12);
        Approx.Equal(fromCounts.P, fromArrays.P, 1e-12);
    }

    [Fact]
    public void AllTied_HasPOne_AsScipy()
    {
        // scipy: zero variance gives z = -inf and a p clipped to 1 -> (50.0, 1.0)
        var counts = MannWhitney.FromRatingCounts(0, 10, 0, 0, 10, 0);
        var arrays = MannWhitney.Test([2, 2, 2], [2, 2]);

        Assert.Equal(new MannWhitneyResult(50, 1, 0.5), counts);
        Assert.Equal(new MannWhitneyResult(3, 1, 0.5), arrays);
    }

    [Fact]
    public void EmptyGroup_Throws()
    {
        Assert.Throws<ArgumentException>(() => MannWhitney.FromRatingCounts(0, 0, 0, 1, 2, 3));
        Assert.Throws<ArgumentException>(() => MannWhitney.Test([], [1.0]));
        Assert.Throws<ArgumentException>(() => MannWhitney.Test([double.NaN], [1.0]));
    }
}
