using EmpathyBot.Core.Statistics;
using EmpathyBot.Core.Study;

namespace EmpathyBot.Core.Summary;

/// <summary>
/// Turns counter rows (and the store's quality snapshot) into the summary document; O(emotions x sources),
/// never touches ratings. Each other source is compared with people as Welivita &amp; Pu did:
/// 2x2 Good vs Okay+Bad, Yates-corrected chi-square (Fisher's exact p when an expected count is below 5),
/// plus a Mann-Whitney U over the ordinal scale. Per-emotion p-values form one family, Holm-adjusted.
/// </summary>
public static class SummaryBuilder
{
    public const string Holm = "holm";

    public static SummaryDocument Build(IEnumerable<CounterRow> rows, string people = Sources.Human) =>
        Build(rows, QualitySnapshot.Empty, people);

    public static SummaryDocument Build(IEnumerable<CounterRow> rows, QualitySnapshot quality, string people = Sources.Human)
    {
        var qualityByCell = quality.Cells
            .Where(q => Emotions.IsKnown(q.Emotion))
            .GroupBy(q => (Emotion: q.Emotion.Trim().ToLowerInvariant(), q.Source))
            .ToDictionary(g => g.Key, g => (Words: g.Sum(q => q.Words), Excluded: g.Sum(q => q.ExcludedRatings)));

        var byEmotion = rows
            .Where(r => Emotions.IsKnown(r.Emotion))
            .GroupBy(r => r.Emotion.Trim().ToLowerInvariant())
            .ToDictionary(g => g.Key, g => Merge(g));

        // A cell may have quality data (e.g. only excluded ratings) before it has counters.
        foreach (var (emotion, source) in qualityByCell.Keys)
        {
            if (!byEmotion.TryGetValue(emotion, out var cells)) byEmotion[emotion] = cells = new Dictionary<string, SourceCounts>(StringComparer.Ordinal);
            cells.TryAdd(source, SourceCounts.Zero);
        }

        var overall = new Dictionary<string, SourceCounts>(StringComparer.Ordinal);
        var overallQuality = new Dictionary<string, (long Words, long Excluded)>(StringComparer.Ordinal);
        foreach (var (emotion, sources) in byEmotion)
        {
            foreach (var (source, counts) in sources)
            {
                overall[source] = overall.TryGetValue(source, out var c) ? c.Add(counts) : counts;
                var q = qualityByCell.GetValueOrDefault((emotion, source));
                var sum = overallQuality.GetValueOrDefault(source);
                overallQuality[source] = (sum.Words + q.Words, sum.Excluded + q.Excluded);
            }
        }

        var emotions = new SortedDictionary<string, EmotionSection>(StringComparer.Ordinal);
        foreach (var (label, sources) in byEmotion)
        {
            var valence = Emotions.ValenceOf(label) == Valence.Positive ? "positive" : "negative";
            emotions[label] = new EmotionSection(valence,
                Describe(sources, people, s => qualityByCell.GetValueOrDefault((label, s))));
        }

        var adjusted = AdjustAcrossEmotions(emotions);
        var alpha = OrdinalAgreement.Alpha(quality.Agreement);
        var overallSection = Describe(overall, people, s => overallQuality.GetValueOrDefault(s));
        var length = LengthAdjustment.Fit(quality.Lengths, overall, people);
        return new SummaryDocument(people,
            new SummarySection(Map(overallSection, (source, s) => s with { PAdjusted = s.P, LengthAdjusted = length.Sources.GetValueOrDefault(source) })),
            adjusted)
        {
            LengthModel = length.Model,
            RaterAgreement = double.IsFinite(alpha) ? alpha : null,
            AgreementUnits = OrdinalAgreement.Units(quality.Agreement),
            ExcludedRaters = quality.ExcludedRaters,
        };
    }

    /// <summary>Holm over every (emotion, source other than people) comparison that has a p-value.</summary>
    private static SortedDictionary<string, EmotionSection> AdjustAcrossEmotions(SortedDictionary<string, EmotionSection> emotions)
    {
        var family = emotions
            .SelectMany(e => e.Value.Sources.Where(s => s.Value.P is not null).Select(s => (Emotion: e.Key, Source: s.Key, P: s.Value.P!.Value)))
            .ToArray();
        if (family.Length == 0) return emotions;
        var adjusted = PValueAdjustment.Holm(family.Select(f => f.P).ToArray());
        var lookup = family.Select((f, i) => (f, i)).ToDictionary(x => (x.f.Emotion, x.f.Source), x => adjusted[x.i]);

        var result = new SortedDictionary<string, EmotionSection>(StringComparer.Ordinal);
        foreach (var (label, section) in emotions)
        {
            result[label] = section with
            {
                Sources = Map((SortedDictionary<string, SourceSummary>)section.Sources,
                    (source, s) => lookup.TryGetValue((label, source), out var p) ? s with { PAdjusted = p } : s),
            };
        }

        return result;
    }

    private static SortedDictionary<string, SourceSummary> Map(
        SortedDictionary<string, SourceSummary> sources, Func<string, SourceSummary, SourceSummary> change)
    {
        var result = new SortedDictionary<string, SourceSummary>(sources.Comparer);
        foreach (var (source, s) in sources) result[source] = change(source, s);
        return result;
    }

    private static Dictionary<string, SourceCounts> Merge(IEnumerable<CounterRow> rows)
    {
        var merged = new Dictionary<string, SourceCounts>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            merged[row.Source] = merged.TryGetValue(row.Source, out var c) ? c.Add(row.Counts) : row.Counts;
        }

        return merged;
    }

    private static SortedDictionary<string, SourceSummary> Describe(
        IReadOnlyDictionary<string, SourceCounts> sources, string people, Func<string, (long Words, long Excluded)> quality)
    {
        sources.TryGetValue(people, out var b);
        double? peopleRate = b is null ? null : GoodRate(b);
        var result = new SortedDictionary<string, SourceSummary>(new PeopleFirst(people));
        foreach (var (source, c) in sources)
        {
            var rate = GoodRate(c);
            double? increase = source != people && rate is { } r && peopleRate is { } br && br > 0
                ? (r - br) / br
                : null;
            var q = quality(source);
            var summary = new SourceSummary(c.Replies, c.Ratings, c.Good, c.Okay, c.Bad, rate, increase)
            {
                GoodRateCi = c.Ratings > 0 ? Interval(c.Good, c.Ratings) : null,
                MeanWords = c.Replies > 0 ? (double)q.Words / c.Replies : null,
                ExcludedReplies = c.Excluded,
                ExcludedRatings = q.Excluded,
            };
            result[source] = source != people && b is not null ? Compare(summary, c, b) : summary;
        }

        return result;
    }

    private static double[] Interval(long good, long n)
    {
        var (lo, hi) = Wilson.Interval(good, n);
        return [lo, hi];
    }

    /// <summary>The source against people; tests stay null while either side has no ratings or the table is degenerate.</summary>
    private static SourceSummary Compare(SourceSummary summary, SourceCounts source, SourceCounts people)
    {
        if (source.Ratings == 0 || people.Ratings == 0) return summary;

        var mw = MannWhitney.FromRatingCounts(source.Good, source.Okay, source.Bad, people.Good, people.Okay, people.Bad);
        summary = summary with { MannWhitneyP = mw.P, Superiority = mw.Superiority };

        long a = source.Good, bq = source.Ratings - source.Good, c = people.Good, d = people.Ratings - people.Good;
        if (a + c == 0 || bq + d == 0)
        {
            // Everyone rated alike (all Good or none Good): the rates are equal and there is nothing to test.
            return summary with { ChiSquare = 0, P = 1, Test = "chi-square" };
        }

        var chi = ChiSquare.Independence(new long[,] { { a, bq }, { c, d } }, yates: true);
        var smallExpected = chi.Expected.Cast<double>().Any(e => e < 5);
        var p = smallExpected ? FisherExact.TwoByTwo(a, bq, c, d).P : chi.P;
        return summary with { ChiSquare = chi.Statistic, P = p, Test = smallExpected ? "fisher" : "chi-square" };
    }

    public static double? GoodRate(SourceCounts c) => c.Ratings > 0 ? (double)c.Good / c.Ratings : null;

    private sealed class PeopleFirst(string people) : IComparer<string>
    {
        public int Compare(string? x, string? y)
        {
            if (x == y) return 0;
            if (x == people) return -1;
            if (y == people) return 1;
            return string.CompareOrdinal(x, y);
        }
    }
}
