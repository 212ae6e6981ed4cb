using EmpathyBot.Core.Statistics;

namespace EmpathyBot.Core.Tests.Statistics;

public class CohenKappaTests
{
    // Oracle: sklearn 1.2.1 metrics.cohen_kappa_score(a, b, weights=None | 'linear' | 'quadratic').
    [Theory]
    [InlineData(new[] { 2, 2, 1, 0, 1, 2, 0, 1, 2, 2, 1, 0 }, new[] { 2, 1, 1, 0, 2, 2, 1, 1, 2, 1, 1, 0 }, 0.4893617021276595, 0.5862068965517241, 0.7)] // golden value
    [InlineData(new[] { 1, 3, 3, 5, 1, 5, 3, 1 }, new[] { 1, 3, 5, 5, 3, 5, 1, 1 }, 0.4418604651162791, 0.5862068965517242, 0.7272727272727273)] // weights by label position
    [InlineData(new[] { 0, 1, 2, 2, 3, 1, 0, 3, 2, 1 }, new[] { 0, 2, 2, 1, 3, 1, 1, 3, 3, 1 }, 0.45945945945945954, 0.6491228070175439, 0.8095238095238095)]
    public void Compute_MatchesSklearn(int[] a, int[] b, double none, double linear, double quadratic)
    {
        Approx.Equal(none, CohenKappa.Compute(a, b, KappaWeights.None));
        Approx.Equal(linear, CohenKappa.Compute(a, b, KappaWeights.Linear));
        Approx.Equal(quadratic, CohenKappa.Compute(a, b, KappaWeights.Quadratic));
    }

    [Fact]
    public void Compute_SingleLabel_IsNaN()
    {
        Assert.Equal(double.NaN, CohenKappa.Compute([1, 1, 1], [1, 1, 1], KappaWeights.None));
    }

    [Fact]
    public void Compute_LengthMismatch_Throws()
    {
        Assert.Throws<ArgumentException>(() => CohenKappa.Compute([1, 2], [1], KappaWeights.Linear));
    }
}
