using MathNet.Numerics.Distributions;

namespace EmpathyBot.Core.Understanding;

/// <summary>
/// The range a person's quiz score is likely in, from the few items they answered: a 95% t interval over their item
/// scores (mean ± t(0.975, n−1) · sd / √n), on the test score's scale and cut to the scale's bounds. A score from a
/// handful of items is uncertain, and a person is owed that uncertainty, not a bare figure.
/// </summary>
/// <param name="Items">Scored items the interval rests on.</param>
public sealed record ScoreInterval(int Items, double Low, double High)
{
    public const double Level = 0.95;

    /// <summary>The interval for a test score of <paramref name="kind"/> from its item scores; null below two items (no spread to go on).</summary>
    public static ScoreInterval? Of(string kind, IReadOnlyList<double> itemScores)
    {
        var n = itemScores.Count;
        if (n < 2) return null;
        var mean = itemScores.Average();
        var sd = Math.Sqrt(itemScores.Sum(s => (s - mean) * (s - mean)) / (n - 1));
        var half = StudentT.InvCDF(0, 1, n - 1, 1 - ((1 - Level) / 2)) * sd / Math.Sqrt(n);
        // Same scale as UnderstandingAnalysis.TestScore: SECEU = mean distance (at least 0), EQ-Bench = 10 × mean (0 to 100).
        return kind == UnderstandingSet.AllocationKind
            ? new ScoreInterval(n, Math.Max(0, mean - half), mean + half)
            : new ScoreInterval(n, Math.Clamp(10 * (mean - half), 0, 100), Math.Clamp(10 * (mean + half), 0, 100));
    }
}
