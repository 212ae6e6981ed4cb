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
    public static IEnumerable<int[]> Resamples(int units, int resamples, int seed) => GroupResamples(Singles(units), resamples, seed);

    /// <summary>
    /// The same draws over units that come in groups of alike units (<paramref name="groups"/>[k] units in group k):
    /// each resample says how many of its n draws fell in each group. A statistic that depends only on those counts
    /// then costs O(groups), not O(units), per resample; with groups of one this is <see cref="Resamples"/> exactly.
    /// </summary>
    public static IEnumerable<int[]> GroupResamples(IReadOnlyList<int> groups, int resamples, int seed)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var owner = groups.SelectMany((size, k) => Enumerable.Repeat(k, size)).ToArray();
        if (owner.Length == 0) throw new ArgumentException("There must be at least one unit.", nameof(groups));
        var random = new Random(seed);
        for (int b = 0; b < resamples; b++)
        {
            var counts = new int[groups.Count];
            for (int i = 0; i < owner.Length; i++) counts[owner[random.Next(owner.Length)]]++;
            yield return counts;
        }
    }

    /// <summary>
    /// The percentile interval [lower, upper] at <paramref name="level"/> of <paramref name="statistic"/> over the
    /// resamples (numpy's default linear quantiles). Resamples where the statistic is undefined (NaN) are left out;
    /// null when none is defined.
    /// </summary>
    public static double[]? PercentileInterval(
        int units, Func<int[], double> statistic, int resamples = DefaultResamples, int seed = DefaultSeed, double level = 0.95) =>
        units == 0 ? null : PercentileInterval(Singles(units), statistic, resamples, seed, level);

    /// <summary><see cref="PercentileInterval(int, Func{int[], double}, int, int, double)"/> over grouped units (<see cref="GroupResamples"/>).</summary>
    public static double[]? PercentileInterval(
        IReadOnlyList<int> groups, Func<int[], double> statistic, int resamples = DefaultResamples, int seed = DefaultSeed, double level = 0.95)
    {
        ArgumentNullException.ThrowIfNull(statistic);
        if (groups.Sum() == 0) return null;
        var values = GroupResamples(groups, resamples, seed).Select(statistic).Where(double.IsFinite).Order().ToArray();
        if (values.Length == 0) return null;
        double tail = (1 - level) / 2;
        return [Quantiles.R7Sorted(values, tail), Quantiles.R7Sorted(values, 1 - tail)];
    }

    private static int[] Singles(int units) => Enumerable.Repeat(1, units).ToArray();
}
