using EmpathyBot.Core.Statistics;
using EmpathyBot.Core.Study;
using EmpathyBot.Core.Summary;

namespace EmpathyBot.Core.Appraisal;

/// <summary>
/// EmotionBench's test of evoked against default answers: an F test on the variances picks
/// Student (equal) or Welch (unequal) t; the change is marked up or down when significant at alpha, else none.
/// As EmotionBench does, 1e-8 is added to both SDs so identical answers still give a finite test.
/// </summary>
public static class AppraisalAnalysis
{
    public const double DefaultAlpha = 0.01;
    public const string Up = "up";
    public const string Down = "down";
    public const string None = "none";

    private const double Epsilon = 1e-8;

    /// <summary>Evoked minus default for PA and NA.</summary>
    public static AppraisalChange Compare(AppraisalMoments evoked, AppraisalMoments defaults, double alpha = DefaultAlpha)
    {
        var (paP, paMark) = Test(evoked.PaMean, evoked.PaSd, evoked.N, defaults.PaMean, defaults.PaSd, defaults.N, alpha);
        var (naP, naMark) = Test(evoked.NaMean, evoked.NaSd, evoked.N, defaults.NaMean, defaults.NaSd, defaults.N, alpha);
        return new AppraisalChange(evoked.N,
            Finite(evoked.PaMean - defaults.PaMean), Finite(evoked.NaMean - defaults.NaMean), paP, naP, paMark, naMark);
    }

    /// <summary>The two-sided t-test p and the mark for evoked (1) against default (2); null p when either group has fewer than two answers.</summary>
    public static (double? P, string Mark) Test(double mean1, double sd1, long n1, double mean2, double sd2, long n2, double alpha = DefaultAlpha)
    {
        if (n1 < 2 || n2 < 2) return (null, None);
        sd1 += Epsilon;
        sd2 += Epsilon;
        var f = sd1 >= sd2 ? FTest.Variances(sd1, n1, sd2, n2) : FTest.Variances(sd2, n2, sd1, n1);
        var equal = f.P > alpha;
        var t = equal ? TTest.Student(mean1, sd1, n1, mean2, sd2, n2) : TTest.Welch(mean1, sd1, n1, mean2, sd2, n2);
        if (double.IsNaN(t.P)) return (null, None);
        var mark = t.P > alpha ? None : t.T > 0 ? Up : Down;
        return (t.P, mark);
    }

    /// <summary>
    /// Per source: the default group, and evoked-vs-default per factor, per emotion and overall. People's groups
    /// (cells) with fewer than <paramref name="minGroupSize"/> distinct people are left out of every sum, not just
    /// hidden, so no difference between two shown figures isolates them; what they touch is marked withheld. 0 keeps
    /// every group (a researcher's own file, with no people counts).
    /// </summary>
    public static AppraisalSummary Summarise(IEnumerable<AppraisalCell> cells, double alpha = DefaultAlpha, int minGroupSize = 0)
    {
        var sources = new SortedDictionary<string, AppraisalSourceSummary>(StringComparer.Ordinal);
        foreach (var bySource in cells.GroupBy(c => c.Source, StringComparer.Ordinal))
        {
            Func<AppraisalCell, bool> shown = Sources.IsHuman(bySource.Key) ? c => c.People >= minGroupSize : _ => true;
            var defaultCells = bySource.Where(c => c.Condition == AppraisalConditions.Default).ToArray();
            var defaults = Sum(defaultCells.Where(shown));
            var defaultsWithheld = defaultCells.Any(c => !shown(c));
            AppraisalChange Change(IReadOnlyCollection<AppraisalCell> group) =>
                Compare(Sum(group.Where(shown)), defaults, alpha) with { Withheld = defaultsWithheld || group.Any(c => !shown(c)) };

            // A withheld group stays listed (marked withheld) even when nothing of it may be published.
            var evoked = bySource.Where(c => c.Condition == AppraisalConditions.Evoked && (c.Moments.N > 0 || !shown(c))).ToArray();
            var emotions = new SortedDictionary<string, AppraisalEmotionSummary>(StringComparer.Ordinal);
            foreach (var byEmotion in evoked.GroupBy(c => c.Emotion, StringComparer.Ordinal))
            {
                var factors = new SortedDictionary<string, AppraisalChange>(StringComparer.Ordinal);
                foreach (var byFactor in byEmotion.GroupBy(c => c.Factor, StringComparer.Ordinal))
                    factors[byFactor.Key] = Change(byFactor.ToArray());
                emotions[byEmotion.Key] = new AppraisalEmotionSummary(Change(byEmotion.ToArray()), factors);
            }

            sources[bySource.Key] = new AppraisalSourceSummary(
                new AppraisalGroup(defaults.N, Finite(defaults.PaMean), Finite(defaults.PaSd), Finite(defaults.NaMean), Finite(defaults.NaSd))
                {
                    Withheld = defaultsWithheld,
                },
                Change(evoked),
                emotions);
        }

        return new AppraisalSummary(alpha, sources) { MinGroupSize = minGroupSize };
    }

    private static AppraisalMoments Sum(IEnumerable<AppraisalCell> cells) =>
        cells.Aggregate(AppraisalMoments.Zero, (acc, c) => acc.Add(c.Moments));

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;
}
