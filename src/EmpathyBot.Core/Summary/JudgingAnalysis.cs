using EmpathyBot.Core.Judging;
using EmpathyBot.Core.Statistics;
using EmpathyBot.Core.Study;

namespace EmpathyBot.Core.Summary;

/// <summary>
/// The judging section: each LLM judge's verdicts against people's counted ratings of the same replies. A reply is
/// one unit: the judge's first parseable verdict on it, and people's Good/Okay/Bad counts; every human rating of it
/// pairs with that verdict. Labels are Bad 1, Okay 2, Good 3, kappa quadratic-weighted as sklearn's.
/// </summary>
public static class JudgingAnalysis
{
    /// <summary>Per-emotion kappa is shown from this many pairs up.</summary>
    public const int MinEmotionPairs = 10;

    /// <summary>Rank correlation needs at least this many sources with both Good rates.</summary>
    public const int MinRankSources = 3;

    private sealed record Unit(string Source, string Emotion, RatingValue Judge, int Good, int Okay, int Bad)
    {
        public int Ratings => Good + Okay + Bad;

        public int Count(RatingValue v) => v switch { RatingValue.Good => Good, RatingValue.Okay => Okay, _ => Bad };
    }

    /// <param name="selfContenders">Per configured judge, the contender whose replies are its own model's (null when none).</param>
    public static JudgingSummary Build(
        IReadOnlyList<JudgedReplyRow> rows, IReadOnlyList<AgreementProfile> people, IReadOnlyDictionary<string, string?> selfContenders)
    {
        var judges = new SortedDictionary<string, JudgeSummary>(StringComparer.Ordinal);
        var emotions = new SortedDictionary<string, Dictionary<string, JudgeEmotionSummary>>(StringComparer.Ordinal);
        foreach (var group in rows.GroupBy(r => r.Judge, StringComparer.Ordinal))
        {
            var units = FirstVerdicts(group);
            judges[group.Key] = Describe(group.ToList(), units, selfContenders.GetValueOrDefault(group.Key));
            foreach (var (emotion, summary) in PerEmotion(units))
            {
                if (!emotions.TryGetValue(emotion, out var byJudge)) emotions[emotion] = byJudge = new Dictionary<string, JudgeEmotionSummary>(StringComparer.Ordinal);
                byJudge[group.Key] = summary;
            }
        }

        var (humanKappa, humanPairs) = HumanCeiling(people);
        return new JudgingSummary(humanKappa, humanPairs, judges,
            emotions.ToDictionary(e => e.Key, e => new JudgingEmotion(new SortedDictionary<string, JudgeEmotionSummary>(e.Value, StringComparer.Ordinal))));
    }

    private static List<Unit> FirstVerdicts(IEnumerable<JudgedReplyRow> verdicts) =>
        verdicts.Where(r => r.Rating is not null)
            .GroupBy(r => r.ReplyId, StringComparer.Ordinal)
            .Select(g => g.MinBy(r => r.Repeat)!)
            .OrderBy(r => r.ReplyId, StringComparer.Ordinal)
            .Select(r => new Unit(r.Source, r.Emotion.Trim().ToLowerInvariant(), r.Rating!.Value, r.HumanGood, r.HumanOkay, r.HumanBad))
            .ToList();

    private static JudgeSummary Describe(List<JudgedReplyRow> verdicts, List<Unit> units, string? self)
    {
        var paired = units.Where(u => u.Ratings > 0).ToList();
        long pairs = paired.Sum(u => (long)u.Ratings);
        var kappa = Finite(Kappa(paired, null));
        var ci = KappaInterval(paired);
        double? exact = pairs == 0 ? null : (double)paired.Sum(u => (long)u.Count(u.Judge)) / pairs;
        var judgeRates = GoodRates(units.GroupBy(u => u.Source), g => (g.Count(u => u.Judge == RatingValue.Good), g.Count()));
        var peopleRates = GoodRates(paired.GroupBy(u => u.Source), g => (g.Sum(u => u.Good), g.Sum(u => u.Ratings)));
        return new JudgeSummary(
            verdicts.Count(v => v.Rating is not null), verdicts.Count(v => v.Rating is null), pairs, kappa, ci, exact,
            judgeRates, RankCorrelation(judgeRates, peopleRates), SelfPreference(units, self), TestRetest(verdicts))
        {
            PeopleGoodRates = peopleRates,
        };
    }

    /// <summary>Kappa of the human-by-judge table; <paramref name="weights"/> counts each unit that many times (a bootstrap resample).</summary>
    private static double Kappa(List<Unit> units, int[]? weights)
    {
        var confusion = new double[3, 3];
        for (int i = 0; i < units.Count; i++)
        {
            var u = units[i];
            double w = weights?[i] ?? 1;
            if (w == 0) continue;
            int judge = (int)u.Judge - 1;
            confusion[0, judge] += w * u.Bad;
            confusion[1, judge] += w * u.Okay;
            confusion[2, judge] += w * u.Good;
        }

        return CohenKappa.FromConfusion(confusion, KappaWeights.Quadratic);
    }

    /// <summary>
    /// The bootstrap over replies. Replies with the same verdict and the same human counts are alike for kappa, so they
    /// are resampled as groups (the same draws as one by one) and each resample costs a handful of groups, not every reply.
    /// </summary>
    private static double[]? KappaInterval(List<Unit> paired)
    {
        if (paired.Count == 0) return null;
        var groups = paired.GroupBy(u => (u.Judge, u.Good, u.Okay, u.Bad))
            .OrderBy(g => g.Key)
            .Select(g => (Unit: g.First(), Size: g.Count()))
            .ToList();
        var alike = groups.Select(g => g.Unit).ToList();
        return Bootstrap.PercentileInterval(groups.Select(g => g.Size).ToList(), counts => Kappa(alike, counts));
    }

    private static SortedDictionary<string, double> GoodRates(
        IEnumerable<IGrouping<string, Unit>> bySource, Func<IGrouping<string, Unit>, (long Good, long N)> count)
    {
        var rates = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var g in bySource)
        {
            var (good, n) = count(g);
            if (n > 0) rates[g.Key] = (double)good / n;
        }

        return rates;
    }

    private static double? RankCorrelation(IReadOnlyDictionary<string, double> judge, IReadOnlyDictionary<string, double> people)
    {
        var both = judge.Keys.Where(people.ContainsKey).Order(StringComparer.Ordinal).ToList();
        if (both.Count < MinRankSources) return null;
        return Finite(Spearman.Rho(both.Select(s => judge[s]).ToList(), both.Select(s => people[s]).ToList()));
    }

    private static double? SelfPreference(List<Unit> units, string? self)
    {
        if (self is null) return null;
        var own = Gap(units.Where(u => string.Equals(u.Source, self, StringComparison.Ordinal)).ToList());
        var others = Gap(units.Where(u => !string.Equals(u.Source, self, StringComparison.Ordinal)).ToList());
        return own is { } a && others is { } b ? a - b : null;
    }

    /// <summary>Judge's Good rate minus people's on the same replies; null when either side has nothing.</summary>
    private static double? Gap(List<Unit> units)
    {
        long ratings = units.Sum(u => (long)u.Ratings);
        if (units.Count == 0 || ratings == 0) return null;
        double judge = (double)units.Count(u => u.Judge == RatingValue.Good) / units.Count;
        return judge - (double)units.Sum(u => (long)u.Good) / ratings;
    }

    private static double? TestRetest(List<JudgedReplyRow> verdicts)
    {
        var first = verdicts.Where(v => v.Repeat == 0 && v.Rating is not null).ToDictionary(v => v.ReplyId, v => (int)v.Rating!.Value, StringComparer.Ordinal);
        var pairs = verdicts.Where(v => v.Repeat == 1 && v.Rating is not null && first.ContainsKey(v.ReplyId))
            .Select(v => (First: first[v.ReplyId], Second: (int)v.Rating!.Value)).ToList();
        if (pairs.Count == 0) return null;
        return Finite(CohenKappa.Compute(pairs.Select(p => p.First).ToList(), pairs.Select(p => p.Second).ToList(), KappaWeights.Quadratic));
    }

    private static IEnumerable<(string Emotion, JudgeEmotionSummary Summary)> PerEmotion(List<Unit> units) =>
        units.Where(u => u.Ratings > 0 && Emotions.IsKnown(u.Emotion))
            .GroupBy(u => u.Emotion, StringComparer.Ordinal)
            .Select(g =>
            {
                var list = g.ToList();
                long pairs = list.Sum(u => (long)u.Ratings);
                return (g.Key, new JudgeEmotionSummary(pairs, pairs >= MinEmotionPairs ? Finite(Kappa(list, null)) : null));
            });

    /// <summary>
    /// People against people: within each reply every unordered pair of two raters' counted ratings, entered in both
    /// orders. From the reply profiles: a reply with counts c puts c_i·c_j in cell (i, j) for i ≠ j and c_i·(c_i − 1) on the diagonal.
    /// </summary>
    private static (double? Kappa, long Pairs) HumanCeiling(IReadOnlyList<AgreementProfile> profiles)
    {
        var confusion = new double[3, 3];
        long pairs = 0;
        foreach (var p in profiles.Where(p => p.Ratings >= 2 && p.Units > 0))
        {
            int[] c = [p.Bad, p.Okay, p.Good];
            for (int i = 0; i < 3; i++)
            {
                for (int j = 0; j < 3; j++) confusion[i, j] += (double)p.Units * c[i] * (i == j ? c[i] - 1 : c[j]);
            }

            pairs += p.Units * p.Ratings * (p.Ratings - 1L) / 2;
        }

        return (pairs == 0 ? null : Finite(CohenKappa.FromConfusion(confusion, KappaWeights.Quadratic)), pairs);
    }

    private static double? Finite(double v) => double.IsFinite(v) ? v : null;
}
