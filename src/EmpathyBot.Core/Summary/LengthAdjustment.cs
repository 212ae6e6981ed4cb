using System.Globalization;
using EmpathyBot.Core.Statistics;
using EmpathyBot.Core.Study;
using MathNet.Numerics.LinearAlgebra;

namespace EmpathyBot.Core.Summary;

/// <summary>The length-adjusted comparison: the model's summary and each fitted source's odds ratio against people.</summary>
public sealed record LengthAdjustmentResult(LengthModel Model, IReadOnlyDictionary<string, LengthAdjusted> Sources);

/// <summary>
/// Good (1) vs Okay or Bad (0) over every counted rating, on an indicator per source other than people (people
/// are the reference) plus ln(words of the rated reply) z-scored with the mean and sample SD over the ratings.
/// A source's odds ratio is then its odds of Good against people's at the same reply length. Checks that make
/// the estimate impossible come first (exact, so a reason can name the source); the fit itself catches the rest.
/// The cells are one consistent read of the store, so the model is over them alone: the counters are read apart
/// and may already hold a rating more or less.
/// </summary>
public static class LengthAdjustment
{
    private sealed record Group(string Source, long Words, long Good, long Other)
    {
        public long Ratings => Good + Other;
    }

    /// <param name="cells">The store's length cells (all emotions; unknown emotions are left out as in the summary).</param>
    /// <param name="counted">The overall counters per source, to name the sources left out for want of ratings.</param>
    public static LengthAdjustmentResult Fit(IEnumerable<LengthCell> cells, IReadOnlyDictionary<string, SourceCounts> counted, string people)
    {
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentNullException.ThrowIfNull(counted);
        var groups = Aggregate(cells);
        long n = groups.Sum(g => g.Ratings);
        if (groups.FirstOrDefault(g => g.Good < 0 || g.Other < 0) is { } broken)
        {
            // A store fault; the rest of the summary still stands, so say it here rather than fail the whole document.
            return Failed(LengthModelStatus.Inconsistent, n, $"The store's length cells hold a negative count for '{broken.Source}' at {broken.Words} words.");
        }

        if (n == 0) return Failed(LengthModelStatus.NoRatings, 0, "No counted ratings yet.");

        if (!groups.Any(g => g.Source == people))
        {
            return Failed(LengthModelStatus.NoPeople, n, $"People's replies ('{people}') have no counted ratings to compare with.");
        }

        var sources = groups.Select(g => g.Source).Where(s => s != people).Distinct().Order(StringComparer.Ordinal).ToArray();
        if (n <= sources.Length + 2)
        {
            return Failed(LengthModelStatus.TooFewRatings, n, $"{n} counted ratings cannot estimate {sources.Length + 2} coefficients.");
        }

        if (Separated(groups) is { } separated) return Failed(LengthModelStatus.Separation, n, separated);

        var fit = Regress(groups, sources, people, n);
        if (fit.Status == LogisticStatus.Singular)
        {
            return Failed(LengthModelStatus.Singular, n,
                "Reply length and source cannot be told apart (for example each source's rated replies have a single length). " + fit.Reason);
        }

        if (!fit.Fitted) return Failed(StatusOf(fit.Status), n, fit.Reason!);

        var words = fit.Wald(sources.Length + 1);
        var model = new LengthModel(words.OddsRatio, n)
        {
            WordsCi = [words.Lower, words.Upper],
            Reason = LeftOut(counted, groups, people),
        };
        var bySource = new Dictionary<string, LengthAdjusted>(StringComparer.Ordinal);
        for (int i = 0; i < sources.Length; i++)
        {
            var w = fit.Wald(i + 1);
            bySource[sources[i]] = new LengthAdjusted(w.OddsRatio, [w.Lower, w.Upper], w.P);
        }

        return new LengthAdjustmentResult(model, bySource);
    }

    /// <summary>Cells merged over emotions into one group per (source, words); empty groups dropped.</summary>
    private static Group[] Aggregate(IEnumerable<LengthCell> cells) =>
        cells.Where(c => Emotions.IsKnown(c.Emotion))
            .GroupBy(c => (c.Source, c.Words))
            .Select(g => new Group(g.Key.Source, g.Key.Words, g.Sum(c => c.Good), g.Sum(c => c.Other)))
            .Where(g => g.Good != 0 || g.Other != 0)
            .OrderBy(g => g.Source, StringComparer.Ordinal).ThenBy(g => g.Words)
            .ToArray();

    /// <summary>A group whose ratings are all Good (or none Good) pushes its coefficient to infinity.</summary>
    private static string? Separated(Group[] groups)
    {
        foreach (var source in groups.GroupBy(g => g.Source))
        {
            long good = source.Sum(g => g.Good), ratings = source.Sum(g => g.Ratings);
            if (good == 0 || good == ratings)
            {
                var which = good == 0 ? "none" : "every one";
                return $"Of the {ratings} counted ratings of '{source.Key}', {which} is Good: its odds ratio is infinite or zero, so the model has no estimate.";
            }
        }

        return null;
    }

    private static LogisticFit Regress(Group[] groups, string[] sources, string people, long n)
    {
        // ln(0) is undefined; a reply of no words (none reach the pool) counts as one word.
        var logWords = groups.Select(g => Math.Log(Math.Max(1, g.Words))).ToArray();
        double mean = groups.Select((g, i) => g.Ratings * logWords[i]).Sum() / n;
        double variance = n > 1 ? groups.Select((g, i) => g.Ratings * Math.Pow(logWords[i] - mean, 2)).Sum() / (n - 1) : 0;
        if (!(variance > 0))
        {
            return LogisticFit.Failed(LogisticStatus.Singular, "Every rated reply has the same length, so length cannot be held constant.");
        }

        double sd = Math.Sqrt(variance);
        var x = Matrix<double>.Build.Dense(groups.Length, sources.Length + 2);
        for (int i = 0; i < groups.Length; i++)
        {
            x[i, 0] = 1;
            int column = Array.IndexOf(sources, groups[i].Source);
            if (groups[i].Source != people) x[i, column + 1] = 1;
            x[i, sources.Length + 1] = (logWords[i] - mean) / sd;
        }

        return LogisticRegression.Fit(x, groups.Select(g => (double)g.Good).ToArray(), groups.Select(g => (double)g.Ratings).ToArray());
    }

    /// <summary>Sources the summary lists (they have replies) that have no counted rating to fit.</summary>
    private static string? LeftOut(IReadOnlyDictionary<string, SourceCounts> counted, Group[] groups, string people)
    {
        var none = counted.Keys.Where(s => s != people && !groups.Any(g => g.Source == s)).Order(StringComparer.Ordinal).ToArray();
        return none.Length == 0 ? null : $"Left out (no counted ratings): {string.Join(", ", none)}.";
    }

    private static string StatusOf(LogisticStatus status) => status switch
    {
        LogisticStatus.TooFewObservations => LengthModelStatus.TooFewRatings,
        LogisticStatus.Singular => LengthModelStatus.Singular,
        LogisticStatus.Separation => LengthModelStatus.Separation,
        _ => LengthModelStatus.NotConverged,
    };

    private static LengthAdjustmentResult Failed(string status, long n, string reason) =>
        new(new LengthModel(null, n) { Status = status, Reason = reason }, new Dictionary<string, LengthAdjusted>(StringComparer.Ordinal));
}
