using EmpathyBot.Core.Statistics;

namespace EmpathyBot.Core.Tests.Statistics;

public class CohenKappaConfusionTests
{
    // Oracle: sklearn 1.2.1 cohen_kappa_score([1,1,3,3,3,1,3], [1,3,3,3,1,1,3], weights="quadratic") (Golden/judging.py):
    // Okay occurs on neither side, so Bad and Good sit one position apart.
    [Fact]
    public void FromConfusion_AbsentLabel_WeightsByPosition_AsSklearn()
    {
        var table = new double[3, 3];
        table[0, 0] = 2;
        table[0, 2] = 1;
        table[2, 0] = 1;
        table[2, 2] = 3;
        Approx.Equal(0.41666666666666663, CohenKappa.FromConfusion(table, KappaWeights.Quadratic));
    }

    [Theory]
    [InlineData(KappaWeights.None)]
    [InlineData(KappaWeights.Linear)]
    [InlineData(KappaWeights.Quadratic)]
    public void FromConfusion_EqualsTheListForm(KappaWeights weights)
    {
        int[] a = [1, 2, 3, 3, 2, 1, 3, 3, 2, 2, 1];
        int[] b = [1, 3, 3, 2, 2, 1, 1, 3, 2, 3, 2];
        var table = new double[3, 3];
        for (int i = 0; i < a.Length; i++) table[a[i] - 1, b[i] - 1]++;
        Approx.Equal(CohenKappa.Compute(a, b, weights), CohenKappa.FromConfusion(table, weights));
    }

    [Fact]
    public void FromConfusion_Empty_IsNaN() => Assert.Equal(double.NaN, CohenKappa.FromConfusion(new double[3, 3], KappaWeights.Quadratic));
}
