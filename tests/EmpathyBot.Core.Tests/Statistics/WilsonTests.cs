using EmpathyBot.Core.Statistics;

namespace EmpathyBot.Core.Tests.Statistics;

public class WilsonTests
{
    // Oracle: statsmodels 0.13.5 proportion_confint(s, n, alpha=1 - confidence, method='wilson').
    [Theory]
    [InlineData(30, 50, 0.95, 0.4618143774758935, 0.7239161026974344)] // golden value
    [InlineData(0, 10, 0.95, 0.0, 0.27753279986288926)] // zero successes
    [InlineData(10, 10, 0.95, 0.7224672001371106, 1.0)]
    [InlineData(7, 123, 0.90, 0.031146757261721315, 0.10174748904648442)]
    [InlineData(986, 2000, 0.95, 0.4711235114948243, 0.5149033271671131)]
    [InlineData(1, 1, 0.99, 0.13097754328018574, 0.9999999999999999)]
    public void Interval_MatchesStatsmodels(long s, long n, double confidence, double lower, double upper)
    {
        var (lo, hi) = Wilson.Interval(s, n, confidence);

        Approx.Equal(lower, lo);
        Approx.Equal(upper, hi);
    }

    [Fact]
    public void Interval_NoObservations_IsWholeRange()
    {
        Assert.Equal((0.0, 1.0), Wilson.Interval(0, 0));
    }

    [Fact]
    public void Interval_RejectsImpossibleCounts()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Wilson.Interval(5, 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => Wilson.Interval(1, 4, 1.0));
    }
}
