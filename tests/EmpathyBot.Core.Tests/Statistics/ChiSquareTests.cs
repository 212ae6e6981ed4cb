using EmpathyBot.Core.Statistics;

namespace EmpathyBot.Core.Tests.Statistics;

public class ChiSquareTests
{
    // Oracle: scipy 1.10.1 stats.chi2_contingency(table, correction=yates) -> (chi2, p, dof).
    [Theory]
    [InlineData(new long[] { 10, 10, 20, 20, 20, 20 }, 3, true, 2.7777777777777777, 0.24935220877729622, 2)] // golden value
    [InlineData(new long[] { 30, 15, 5, 20, 18, 12 }, 3, true, 5.155080213903743, 0.07596062941371397, 2)] // golden value
    [InlineData(new long[] { 30, 20, 20, 30 }, 2, true, 3.24, 0.07186063822585143, 1)] // golden value
    [InlineData(new long[] { 30, 20, 20, 30 }, 2, false, 4.0, 0.04550026389635857, 1)] // golden value
    [InlineData(new long[] { 986, 1014, 1295, 705 }, 2, true, 96.77434985982032, 7.76961649310665e-23, 1)] // Welivita & Pu's headline counts
    [InlineData(new long[] { 10, 11, 10, 10 }, 2, true, 0.0, 1.0, 1)] // |O - E| < 0.5: Yates must not overshoot
    [InlineData(new long[] { 12, 5, 7, 3, 9, 4, 6, 2, 11 }, 3, true, 13.282382981601732, 0.009975352829146675, 4)]
    [InlineData(new long[] { 5, 0, 1, 4 }, 2, true, 3.75, 0.052807511416113395, 1)] // zero cell
    [InlineData(new long[] { 5, 0, 1, 4 }, 2, false, 6.666666666666666, 0.009823274507519247, 1)]
    [InlineData(new long[] { 3, 4, 5 }, 3, true, 0.0, 1.0, 0)] // dof 0
    public void Independence_MatchesScipy(long[] flat, int columns, bool yates, double chi2, double p, int df)
    {
        var result = ChiSquare.Independence(Approx.Table(flat, columns), yates);

        Approx.Equal(chi2, result.Statistic);
        Approx.Equal(p, result.P);
        Assert.Equal(df, result.DegreesOfFreedom);
    }

    [Fact]
    public void Independence_ReturnsExpectedCounts()
    {
        // scipy: chi2_contingency([[5, 0], [1, 4]])[3] -> [[3, 2], [3, 2]]
        var result = ChiSquare.Independence(new long[,] { { 5, 0 }, { 1, 4 } });

        Assert.Equal(new double[,] { { 3, 2 }, { 3, 2 } }, result.Expected);
    }

    [Fact]
    public void Independence_ZeroMarginThrows_AsScipy()
    {
        Assert.Throws<ArgumentException>(() => ChiSquare.Independence(new long[,] { { 0, 0 }, { 3, 4 } }));
        Assert.Throws<ArgumentException>(() => ChiSquare.Independence(new long[,] { { 0, 0 }, { 0, 0 } }));
    }

    [Fact]
    public void Independence_NegativeCountThrows()
    {
        Assert.Throws<ArgumentException>(() => ChiSquare.Independence(new long[,] { { -1, 2 }, { 3, 4 } }));
    }
}
