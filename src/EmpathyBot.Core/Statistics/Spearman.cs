namespace EmpathyBot.Core.Statistics;

/// <summary>Spearman's rank correlation, as scipy.stats.spearmanr: Pearson's r of the ranks, ties given their average rank.</summary>
public static class Spearman
{
    /// <summary>Rho; NaN when either side is constant (scipy gives nan there too).</summary>
    public static double Rho(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count || x.Count < 2) throw new ArgumentException("Spearman's rho needs two equally long lists of at least two values.");
        return Pearson(AverageRanks(x), AverageRanks(y));
    }

    /// <summary>Ranks from 1, tied values sharing the mean of the ranks they span (scipy.stats.rankdata "average").</summary>
    public static double[] AverageRanks(IReadOnlyList<double> values)
    {
        int[] order = Enumerable.Range(0, values.Count).OrderBy(i => values[i]).ToArray();
        var ranks = new double[values.Count];
        for (int start = 0; start < order.Length;)
        {
            int end = start;
            while (end + 1 < order.Length && values[order[end + 1]] == values[order[start]]) end++;
            double rank = (start + end) / 2.0 + 1;
            for (int k = start; k <= end; k++) ranks[order[k]] = rank;
            start = end + 1;
        }

        return ranks;
    }

    private static double Pearson(double[] a, double[] b)
    {
        double ma = a.Average(), mb = b.Average(), sab = 0, saa = 0, sbb = 0;
        for (int i = 0; i < a.Length; i++)
        {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }

        return saa == 0 || sbb == 0 ? double.NaN : sab / Math.Sqrt(saa * sbb);
    }
}
