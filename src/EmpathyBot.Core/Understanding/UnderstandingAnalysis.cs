using EmpathyBot.Core.Study;
using EmpathyBot.Core.Summary;

namespace EmpathyBot.Core.Understanding;

/// <summary>
/// Scores, norms and the summary for both item kinds. Allocation uses SECEU's measures (distance, lower is better);
/// intensity uses EQ-Bench v2 (question score 0-10, test score 0-100, higher is better). EQ is SECEU's
/// standardisation, 15 * (M - s) / SD + 100, with the sign turned for intensity so that higher EQ is always better.
/// </summary>
public static class UnderstandingAnalysis
{
    public const string SeceuMeasure = "seceu";
    public const string EqBenchMeasure = "eqbench";

    /// <summary>The standard an item is scored against: people's mean answer once enough people answered a provisional item, else its own.</summary>
    public static IReadOnlyList<double> Standard(UnderstandingSet set, string itemId, UnderstandingItemStats? human, int minNorm)
    {
        IReadOnlyList<double> own = set.IsAllocation
            ? set.Allocation.First(i => i.Id == itemId).Standard
            : set.Intensity.First(i => i.Id == itemId).Reference;
        return set.Provisional && human is { } h && h.N >= minNorm && h.ValueSums.Count == own.Count
            ? h.ValueSums.Select(s => s / h.N).ToArray()
            : own;
    }

    /// <summary>One item's score: Euclidean distance (allocation) or the EQ-Bench v2 question score (intensity; null when not scoreable).</summary>
    public static double? ItemScore(UnderstandingSet set, string itemId, IReadOnlyList<double> values, IReadOnlyList<double> standard)
    {
        if (set.IsAllocation) return SeceuScorer.ItemDistance(values, standard);
        var item = set.Intensity.First(i => i.Id == itemId) with { Reference = standard };
        var answer = item.Emotions.Select((e, j) => new KeyValuePair<string, double>(e, values[j])).ToArray();
        return EqBenchScorer.ScoreFullscale(item, answer);
    }

    /// <summary>A test's score from its item scores: mean distance, or 100 * mean question score / 10 (unscoreable items left out).</summary>
    public static double? TestScore(string kind, IEnumerable<double?> itemScores)
    {
        var scored = itemScores.OfType<double>().ToArray();
        if (scored.Length == 0) return null;
        return kind == UnderstandingSet.AllocationKind ? scored.Average() : 100 * (scored.Average() / 10);
    }

    public static bool HigherIsBetter(string kind) => kind == UnderstandingSet.IntensityKind;

    public static double? Eq(string kind, double score, UnderstandingNorm? norm)
    {
        if (norm is null || norm.Sd <= 0) return null;
        var z = (norm.Mean - score) / norm.Sd;
        return 15 * (HigherIsBetter(kind) ? -z : z) + 100;
    }

    /// <summary>Share (0-100) of the sample that scored worse than <paramref name="score"/>; null without a sample.</summary>
    public static double? Percentile(string kind, double score, IReadOnlyList<double>? sample)
    {
        if (sample is null || sample.Count == 0) return null;
        var worse = HigherIsBetter(kind) ? sample.Count(s => s < score) : sample.Count(s => s > score);
        return 100.0 * worse / sample.Count;
    }

    /// <summary>People's norm once <paramref name="minNorm"/> tests exist; before that the set's own (SECEU import) or the published SECEU norm.</summary>
    public static UnderstandingNorm? Norm(UnderstandingSet set, UnderstandingTestCell? humans, int minNorm)
    {
        if (humans is { } h && h.N >= minNorm && h.Sd is > 0) return new UnderstandingNorm(h.Mean!.Value, h.Sd.Value, "people");
        if (!set.IsAllocation) return null;
        return set.Norm is { } n ? new UnderstandingNorm(n.Mean, n.Sd, "imported") : new UnderstandingNorm(SeceuNorm.Published.Mean, SeceuNorm.Published.Sd, "published");
    }

    /// <summary>The sample percentiles are read against: people's tests, else the imported norm sample.</summary>
    public static IReadOnlyList<double>? Sample(UnderstandingSet set, IReadOnlyList<double> humanScores) =>
        humanScores.Count > 0 ? humanScores : set.Norm?.Sample;

    /// <summary>
    /// People's template per item: their mean item score, or for an imported SECEU item without people its published
    /// template distance. <paramref name="leaveOut"/> removes one person's own scores (item id -> score). An item's
    /// people mean is used only from <paramref name="minAnswers"/> answers (Privacy:MinGroupSize).
    /// </summary>
    public static IReadOnlyDictionary<string, double> Template(
        UnderstandingSet set, IReadOnlyList<UnderstandingItemStats> stats, IReadOnlyDictionary<string, double>? leaveOut = null, int minAnswers = 1)
    {
        var human = stats.Where(s => Sources.IsHuman(s.Source)).ToDictionary(s => s.ItemId, StringComparer.Ordinal);
        var template = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var id in set.ItemIds)
        {
            var own = leaveOut?.GetValueOrDefault(id);
            if (human.TryGetValue(id, out var h))
            {
                var n = h.Scored - (own is null ? 0 : 1);
                if (n > 0 && n >= minAnswers)
                {
                    template[id] = (h.ScoreSum - (own ?? 0)) / n;
                    continue;
                }
            }

            if (set.IsAllocation && set.Allocation.First(i => i.Id == id).TemplateDistance is { } t) template[id] = t;
        }

        return template;
    }

    /// <summary>Pearson r over the items both have; null with fewer than two such items or no variance.</summary>
    public static double? PatternR(IReadOnlyDictionary<string, double> itemScores, IReadOnlyDictionary<string, double> template)
    {
        var common = itemScores.Keys.Where(template.ContainsKey).Order(StringComparer.Ordinal).ToArray();
        if (common.Length < 2) return null;
        return SeceuScorer.PatternR(common.Select(k => itemScores[k]).ToArray(), common.Select(k => template[k]).ToArray());
    }

    /// <summary>
    /// The summary section of one set, from counters (tests, item sums) and people's scores read on demand. While
    /// fewer than <paramref name="minGroupSize"/> distinct people took the set, nothing is computed from their scores:
    /// no mean or SD, no people's norm, no percentile or pattern r against them. 0 keeps everything.
    /// </summary>
    public static UnderstandingSetSummary SummariseSet(
        UnderstandingSet set, IReadOnlyList<UnderstandingTestCell> cells, IReadOnlyList<UnderstandingItemStats> stats,
        IReadOnlyList<double> humanScores, int minNorm, int minGroupSize = 0)
    {
        var human = cells.FirstOrDefault(c => Sources.IsHuman(c.Source));
        var shown = human is not null && human.People >= minGroupSize;
        var norm = Norm(set, shown ? human : null, minNorm);
        var sample = Sample(set, shown ? humanScores : []);
        var template = Template(set, shown ? stats : stats.Where(s => !Sources.IsHuman(s.Source)).ToArray(), minAnswers: minGroupSize);
        var contenders = new SortedDictionary<string, UnderstandingContenderSummary>(StringComparer.Ordinal);
        foreach (var cell in cells.Where(c => !Sources.IsHuman(c.Source) && c.N > 0))
        {
            var score = cell.Mean!.Value;
            var mine = stats.Where(s => s.Source == cell.Source && s.MeanScore is not null)
                .ToDictionary(s => s.ItemId, s => s.MeanScore!.Value, StringComparer.Ordinal);
            contenders[cell.Source] = new UnderstandingContenderSummary(mine.Count, score, Eq(set.Kind, score, norm),
                Percentile(set.Kind, score, sample), PatternR(mine, template));
        }

        var humans = new UnderstandingHumans(human?.N ?? 0, shown ? human!.Mean : null, shown ? human!.Sd : null)
        {
            People = human?.People ?? 0,
            Withheld = human is { N: > 0 } && !shown,
        };
        return new UnderstandingSetSummary(set.Kind, set.IsAllocation ? SeceuMeasure : EqBenchMeasure, HigherIsBetter(set.Kind), set.Count,
            set.Provisional, norm, humans, contenders);
    }
}
