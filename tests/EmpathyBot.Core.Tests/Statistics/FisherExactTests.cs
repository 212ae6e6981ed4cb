using EmpathyBot.Core.Statistics;

namespace EmpathyBot.Core.Tests.Statistics;

public class FisherExactTests
{
    // Oracle: scipy 1.10.1 stats.fisher_exact([[a, b], [c, d]]) -> (odds ratio, two-sided p).
    [Theory]
    [InlineData(30, 20, 20, 30, 2.25, 0.0713424034882103)] // golden value
    [InlineData(8, 2, 1, 5, 20.0, 0.034965034965034975)] // golden value
    [InlineData(986, 1014, 1295, 705, 0.529368760137991, 6.278113954444626e-23)] // Welivita & Pu's headline counts
    [InlineData(0, 5, 6, 3, 0.0, 0.030969030969030965)] // zero cell
    [InlineData(120000, 80000, 118500, 81500, 1.0316455696202531, 1.361037600757547e-06)] // large counts
    [InlineData(3, 1, 1, 3, 9.0, 0.48571428571428565)] // symmetric: mirror table ties the observed one
    [InlineData(1, 9, 11, 3, 0.030303030303030304, 0.0027594561852200836)]
    public void TwoByTwo_MatchesScipy(long a, long b, long c, long d, double oddsRatio, double p)
    {
        var result = FisherExact.TwoByTwo(a, b, c, d);

        Approx.Equal(oddsRatio, result.OddsRatio);
        Approx.Equal(p, result.P);
    }

    [Fact]
    public void TwoByTwo_ZeroRow_IsNaNAndOne_AsScipy()
    {
        Assert.Equal(new FisherResult(double.NaN, 1), FisherExact.TwoByTwo(0, 0, 3, 4));
        Assert.Equal(new FisherResult(double.NaN, 1), FisherExact.TwoByTwo(0, 0, 0, 0));
    }

    [Fact]
    public void TwoByTwo_ZeroOffDiagonal_HasInfiniteOddsRatio()
    {
        Assert.Equal(double.PositiveInfinity, FisherExact.TwoByTwo(5, 0, 1, 4).OddsRatio);
    }

    [Fact]
    public void TwoByTwo_MillionsOfCounts()
    {
        // scipy: fisher_exact([[3000000, 2000000], [3000500, 1999500]]) -> (0.9995834027662056, 0.7473694957752626)
        var result = FisherExact.TwoByTwo(3_000_000, 2_000_000, 3_000_500, 1_999_500);

        Approx.Equal(0.9995834027662056, result.OddsRatio);
        Approx.Equal(0.7473694957752626, result.P);
    }

    [Fact]
    public void TwoByTwo_TableAtMode_HasPOne()
    {
        Assert.Equal(1, FisherExact.TwoByTwo(5, 5, 5, 5).P);
    }
}
