using EmpathyBot.Core.Statistics;

namespace EmpathyBot.Core.Tests.Statistics;

public class FleissKappaTests
{
    // Oracle: statsmodels 0.13.5 stats.inter_rater.fleiss_kappa(np.array(table)).
    [Theory]
    [InlineData(new long[] { 0, 1, 3, 1, 3, 0, 4, 0, 0, 0, 1, 3, 1, 2, 1, 0, 0, 4 }, 3, 0.39459459459459445)] // golden value
    [InlineData(new long[] { 2, 0, 1, 1, 1, 1, 3, 0, 0, 0, 3, 0, 0, 1, 2 }, 3, 0.29054054054054046)]
    [InlineData(new long[] { 5, 0, 3, 2, 1, 4, 0, 5 }, 2, 0.4949494949494948)]
    public void Compute_MatchesStatsmodels(long[] flat, int columns, double expected)
    {
        Approx.Equal(expected, FleissKappa.Compute(Approx.Table(flat, columns)));
    }

    [Fact]
    public void Compute_SingleCategoryUsed_IsNaN()
    {
        Assert.Equal(double.NaN, FleissKappa.Compute(new long[,] { { 3, 0 }, { 3, 0 } }));
    }

    [Fact]
    public void Compute_UnequalRaters_Throws()
    {
        Assert.Throws<ArgumentException>(() => FleissKappa.Compute(new long[,] { { 3, 0 }, { 1, 1 } }));
    }
}
