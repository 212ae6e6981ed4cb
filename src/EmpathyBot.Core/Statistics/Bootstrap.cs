namespace EmpathyBot.Core.Statistics;

/// <summary>
/// Nonparametric bootstrap over units (e.g. replies) with a fixed seed, so the same data always gives the same
/// interval: the dashboard and the offline report agree, and a rerun reproduces a published figure.
/// </summary>
public static class Bootstrap
{
    public const int DefaultSeed = 17_2026;

    public const int DefaultResamples = 1000;

    /// <summary>
    /// Each resample as multiplicities: how many times each of the <paramref name="units"/> was drawn (n draws with
    /// replacement, so the counts sum to n).
    /// </summary>
    public static IEnumerable<int[]> Resamples(int units, int resamples, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(units);
        var random = new Random(seed);
        for (int b = 0; b < resamples; b++)
        {
            var counts = new int[units];
            for (int i = 0; i < units; i++) counts[random.Next(units)]++;
            yield return counts;
        }
    }

    /// <summary>
    /// The percentile interval [lower, upper] at <paramref name="level"/> of <paramref name="statistic"/> over the
    /// resamples (numpy's default linear quantiles). Resamples where the statistic is undefined (NaN) are left out;
    /// null when none is defined.
    /// </summary>
    public static double[]? PercentileInterval(
        int units, Func<int[], double> statistic, int resamples = DefaultResamples, int seed = DefaultSeed, double level = 0.95)
    {
        ArgumentNullException.ThrowIfNull(statistic);
        if (units == 0) return null;
        var values = Resamples(units, resamples, seed).Select(statistic).Where(double.IsFinite).Order().ToArray();
        if (values.Length == 0) return null;
        double tail = (1 - level) / 2;
        return [Quantiles.R7Sorted(values, tail), Quantiles.R7Sorted(values, 1 - tail)];
    }
}
