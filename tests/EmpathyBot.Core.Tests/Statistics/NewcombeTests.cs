using EmpathyBot.Core.Statistics;

namespace EmpathyBot.Core.Tests.Statistics;

public class NewcombeTests
{
    // Oracle: statsmodels 0.13.5 confint_proportions_2indep(s1, n1, s2, n2, method='newcomb', compare='diff', alpha=1 - confidence).
    [Theory]
    [InlineData(30, 50, 20, 50, 0.95, 0.004576018501439599, 0.3752438330311292)]
    [InlineData(986, 2000, 1295, 2000, 0.95, -0.18457430835461772, -0.12401557100600388)] // Welivita & Pu's headline counts
    [InlineData(0, 10, 3, 12, 0.90, -0.4873380318032493, 0.007818074072093728)] // zero successes
    [InlineData(56, 70, 48, 80, 0.95, 0.05243147240236498, 0.33387265403690614)]
    public void DifferenceInterval_MatchesStatsmodels(long s1, long n1, long s2, long n2, double confidence, double lower, double upper)
    {
        var (lo, hi) = Newcombe.DifferenceInterval(s1, n1, s2, n2, confidence);

        Approx.Equal(lower, lo);
        Approx.Equal(upper, hi);
    }

    [Fact]
    public void DifferenceInterval_EmptyGroup_IsUninformative()
    {
        Assert.Equal((-1.0, 1.0), Newcombe.DifferenceInterval(0, 0, 3, 12));
    }
}
