using EmpathyBot.Core.Statistics;

namespace EmpathyBot.Core.Tests.Statistics;

public class BootstrapTests
{
    [Fact]
    public void Resamples_SameSeed_SameDraws_OtherSeed_OtherDraws()
    {
        var a = Bootstrap.Resamples(7, 50, 11).Select(r => string.Join(',', r)).ToList();
        var b = Bootstrap.Resamples(7, 50, 11).Select(r => string.Join(',', r)).ToList();
        var c = Bootstrap.Resamples(7, 50, 12).Select(r => string.Join(',', r)).ToList();
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.All(Bootstrap.Resamples(7, 50, 11), r => Assert.Equal(7, r.Sum()));
    }

    /// <summary>
    /// With 3 units each resample is one of the 27 equally likely draw sequences, so each multiplicity vector has an
    /// exact multinomial probability (1/27 for (3,0,0)-like, 3/27 for (2,1,0)-like, 6/27 for (1,1,1)). The seeded draws
    /// must fit that enumeration: Pearson's chi-square over the 10 outcomes stays below the 0.999 quantile of chi2(9), 27.88.
    /// </summary>
    [Fact]
    public void Resamples_FollowTheExactEnumeration()
    {
        const int n = 27_000;
        var observed = Bootstrap.Resamples(3, n, Bootstrap.DefaultSeed)
            .GroupBy(r => string.Join(',', r)).ToDictionary(g => g.Key, g => g.Count());
        var expected = Enumerate(3);
        Assert.Equal(expected.Keys.Order(), observed.Keys.Order());
        var chi2 = expected.Sum(e => Math.Pow(observed[e.Key] - (n * e.Value), 2) / (n * e.Value));
        Assert.True(chi2 < 27.88, $"chi-square {chi2} against the exact enumeration");
    }

    [Fact]
    public void GroupResamples_AreTheUnitDraws_SummedWithinEachGroup()
    {
        int[] owner = [0, 0, 1, 2, 2, 2];
        var byUnit = Bootstrap.Resamples(owner.Length, 40, 5)
            .Select(r => string.Join(',', Enumerable.Range(0, 3).Select(g => owner.Select((o, i) => o == g ? r[i] : 0).Sum())));
        var byGroup = Bootstrap.GroupResamples([2, 1, 3], 40, 5).Select(r => string.Join(',', r));
        Assert.Equal(byUnit, byGroup);
    }

    [Fact]
    public void PercentileInterval_IsReproducible_AndBracketsTheMean()
    {
        double[] values = [1, 2, 2, 3, 5, 8, 13, 1, 4, 4];
        double Mean(int[] w) => w.Select((k, i) => k * values[i]).Sum() / w.Sum();
        var first = Bootstrap.PercentileInterval(values.Length, Mean)!;
        var again = Bootstrap.PercentileInterval(values.Length, Mean)!;
        Assert.Equal(first, again);
        Assert.InRange(values.Average(), first[0], first[1]);
        Assert.True(first[0] < first[1]);
    }

    [Fact]
    public void PercentileInterval_UndefinedEverywhere_IsNull() =>
        Assert.Null(Bootstrap.PercentileInterval(4, _ => double.NaN));

    /// <summary>Probability of each multiplicity vector over all units^units equally likely draw sequences.</summary>
    private static Dictionary<string, double> Enumerate(int units)
    {
        var result = new Dictionary<string, double>();
        int total = (int)Math.Pow(units, units);
        for (int code = 0; code < total; code++)
        {
            var counts = new int[units];
            for (int k = 0, c = code; k < units; k++, c /= units) counts[c % units]++;
            var key = string.Join(',', counts);
            result[key] = result.GetValueOrDefault(key) + 1.0 / total;
        }

        return result;
    }
}
