using EmpathyBot.Core.Statistics;

namespace EmpathyBot.Core.Tests.Statistics;

public class PValueAdjustmentTests
{
    public static TheoryData<double[], double[], double[]> Cases => new()
    {
        // Oracle: statsmodels 0.13.5 multipletests(p, method='holm')[1] and multipletests(p, method='fdr_bh')[1].
        { [0.01, 0.04, 0.03, 0.005, 0.2], [0.04, 0.09, 0.09, 0.025, 0.2], [0.025, 0.05, 0.05, 0.025, 0.2] },
        // identical p-values
        { [0.01, 0.01, 0.03, 0.5, 0.04], [0.05, 0.05, 0.09, 0.5, 0.09], [0.025, 0.025, 0.05, 0.5, 0.05] },
        // capping at 1
        {
            [0.001, 0.9, 0.2, 0.04, 0.04, 0.3, 0.7],
            [0.007, 1.0, 0.8, 0.24, 0.24, 0.8999999999999999, 1.0],
            [0.007, 0.9, 0.35000000000000003, 0.09333333333333334, 0.09333333333333334, 0.42, 0.8166666666666667]
        },
        { [0.3], [0.3], [0.3] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Adjustments_MatchStatsmodels(double[] p, double[] holm, double[] bh)
    {
        Approx.Equal(holm, PValueAdjustment.Holm(p));
        Approx.Equal(bh, PValueAdjustment.BenjaminiHochberg(p));
    }

    [Fact]
    public void AllIdentical_StayIdentical()
    {
        Approx.Equal([0.06, 0.06, 0.06], PValueAdjustment.Holm([0.02, 0.02, 0.02]), 1e-15);
        Approx.Equal([0.02, 0.02, 0.02], PValueAdjustment.BenjaminiHochberg([0.02, 0.02, 0.02]), 1e-15);
    }

    [Fact]
    public void Empty_IsEmpty_AndInvalidThrows()
    {
        Assert.Empty(PValueAdjustment.Holm([]));
        Assert.Throws<ArgumentOutOfRangeException>(() => PValueAdjustment.BenjaminiHochberg([0.1, double.NaN]));
        Assert.Throws<ArgumentOutOfRangeException>(() => PValueAdjustment.Holm([1.5]));
    }
}
