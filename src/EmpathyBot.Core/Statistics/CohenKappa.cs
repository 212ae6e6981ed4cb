namespace EmpathyBot.Core.Statistics;

/// <summary>Cohen's kappa between two raters, as sklearn.metrics.cohen_kappa_score.</summary>
public static class CohenKappa
{
    /// <summary>Kappa over the sorted union of labels, weighting by label position (as sklearn), not value; NaN when expected disagreement is 0.</summary>
    public static double Compute(IReadOnlyList<int> a, IReadOnlyList<int> b, KappaWeights weights)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count != b.Count || a.Count == 0)
        {
            throw new ArgumentException("Both raters must label the same, non-empty list of items.");
        }

        int[] labels = a.Concat(b).Distinct().Order().ToArray();
        var position = new Dictionary<int, int>(labels.Length);
        for (int i = 0; i < labels.Length; i++)
        {
            position[labels[i]] = i;
        }

        int k = labels.Length;
        var confusion = new double[k, k];
        var rowTotals = new double[k];
        var colTotals = new double[k];
        for (int i = 0; i < a.Count; i++)
        {
            int r = position[a[i]], c = position[b[i]];
            confusion[r, c]++;
            rowTotals[r]++;
            colTotals[c]++;
        }

        double n = a.Count, observed = 0, expected = 0;
        for (int r = 0; r < k; r++)
        {
            for (int c = 0; c < k; c++)
            {
                double w = weights switch
                {
                    KappaWeights.None => r == c ? 0 : 1,
                    KappaWeights.Linear => Math.Abs(r - c),
                    KappaWeights.Quadratic => (r - c) * (r - c),
                    _ => throw new ArgumentOutOfRangeException(nameof(weights)),
                };
                observed += w * confusion[r, c];
                expected += w * rowTotals[r] * colTotals[c] / n;
            }
        }

        return expected == 0 ? double.NaN : 1 - (observed / expected);
    }

    /// <summary>
    /// The same kappa from a weighted confusion table (rows: first rater's label index, columns: second's), so pairs
    /// that repeat need not be listed one by one. As sklearn, only labels that occur on either side take a position.
    /// </summary>
    public static double FromConfusion(double[,] confusion, KappaWeights weights)
    {
        ArgumentNullException.ThrowIfNull(confusion);
        int size = confusion.GetLength(0);
        if (confusion.GetLength(1) != size) throw new ArgumentException("The confusion table must be square.", nameof(confusion));
        var rows = new double[size];
        var cols = new double[size];
        for (int r = 0; r < size; r++)
        {
            for (int c = 0; c < size; c++)
            {
                rows[r] += confusion[r, c];
                cols[c] += confusion[r, c];
            }
        }

        int[] present = Enumerable.Range(0, size).Where(i => rows[i] + cols[i] > 0).ToArray();
        double n = rows.Sum();
        if (n <= 0) return double.NaN;
        double observed = 0, expected = 0;
        for (int r = 0; r < present.Length; r++)
        {
            for (int c = 0; c < present.Length; c++)
            {
                double w = Weight(r, c, weights);
                observed += w * confusion[present[r], present[c]];
                expected += w * rows[present[r]] * cols[present[c]] / n;
            }
        }

        return expected == 0 ? double.NaN : 1 - (observed / expected);
    }

    private static double Weight(int r, int c, KappaWeights weights) => weights switch
    {
        KappaWeights.None => r == c ? 0 : 1,
        KappaWeights.Linear => Math.Abs(r - c),
        KappaWeights.Quadratic => (r - c) * (r - c),
        _ => throw new ArgumentOutOfRangeException(nameof(weights)),
    };
}
