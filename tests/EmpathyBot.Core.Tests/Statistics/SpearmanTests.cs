using EmpathyBot.Core.Statistics;

namespace EmpathyBot.Core.Tests.Statistics;

public class SpearmanTests
{
    // Oracle: scipy 1.10.1 stats.spearmanr (Golden/judging.py).
    [Fact]
    public void Rho_WithTies_MatchesScipy() =>
        Approx.Equal(0.6717166132798486, Spearman.Rho([0.5, 0.25, 0.25, 0.75, 1.0, 0.5], [0.4, 0.1, 0.3, 0.3, 0.9, 0.2]));

    [Fact]
    public void Rho_ReversedOrder_IsMinusOne() => Approx.Equal(-1.0, Spearman.Rho([1, 2, 3, 4], [8, 6, 4, 2]));

    [Fact]
    public void AverageRanks_TiesShareTheirMeanRank() =>
        Assert.Equal([3.5, 1.5, 1.5, 5, 6, 3.5], Spearman.AverageRanks([0.5, 0.25, 0.25, 0.75, 1.0, 0.5]));

    [Fact]
    public void Rho_ConstantSide_IsNaN() => Assert.Equal(double.NaN, Spearman.Rho([1, 1, 1], [1, 2, 3]));
}
