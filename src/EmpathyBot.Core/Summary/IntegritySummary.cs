using EmpathyBot.Core.Integrity;
using EmpathyBot.Core.Statistics;
using EmpathyBot.Core.Study;

namespace EmpathyBot.Core.Summary;

/// <summary>
/// Adds the integrity figures to a built summary: excluded replies by reason per source (per emotion and overall), excluded
/// raters by reason, and the author-guess table. Counter rows whose emotion is not one of the 32 labels are ignored, as in
/// <see cref="SummaryBuilder"/>.
/// </summary>
public static class IntegritySummary
{
    public static SummaryDocument Apply(SummaryDocument summary, IntegritySnapshot snapshot)
    {
        var reasons = snapshot.ExcludedReplies.Where(r => Emotions.IsKnown(r.Emotion))
            .Select(r => (Emotion: Normal(r.Emotion), r.Source, Reason: ExclusionReasons.CategoryOf(r.Reason), r.Replies)).ToList();
        var guesses = snapshot.Guesses.Where(g => Emotions.IsKnown(g.Emotion)).Select(g => g with { Emotion = Normal(g.Emotion) }).ToList();

        SourceSummary Add(string? emotion, string source, SourceSummary s) => s with
        {
            ExcludedRepliesByReason = ByReason(reasons.Where(r => r.Source == source && (emotion is null || r.Emotion == emotion)).Select(r => (r.Reason, r.Replies))),
            AuthorGuess = Guesses(source, guesses.Where(g => g.Source == source && (emotion is null || g.Emotion == emotion))),
        };

        return summary with
        {
            Overall = summary.Overall with { Sources = Map(summary.Overall.Sources, (source, s) => Add(null, source, s)) },
            Emotions = new SortedDictionary<string, EmotionSection>(summary.Emotions.ToDictionary(e => e.Key,
                e => e.Value with { Sources = Map(e.Value.Sources, (source, s) => Add(e.Key, source, s)) }), StringComparer.Ordinal),
            ExcludedRatersByReason = new SortedDictionary<string, long>(snapshot.ExcludedRatersByReason.ToDictionary(), StringComparer.Ordinal),
        };
    }

    private static string Normal(string emotion) => emotion.Trim().ToLowerInvariant();

    private static IReadOnlyDictionary<string, long> ByReason(IEnumerable<(string Reason, long Replies)> rows)
    {
        var result = new SortedDictionary<string, long>(StringComparer.Ordinal) { [ExclusionReasons.Reveal] = 0 };
        foreach (var flag in ExclusionReasons.ReplyFlags) result[flag] = 0;
        foreach (var (reason, n) in rows) result[reason] += n;
        return result;
    }

    /// <summary>Null when nobody guessed about this source's replies.</summary>
    public static AuthorGuessSummary? Guesses(string source, IEnumerable<AuthorGuessRow> rows)
    {
        var list = rows.ToList();
        var n = list.Sum(g => g.Count);
        if (n == 0) return null;
        var correct = list.Where(g => AuthorGuesses.IsCorrect(g.Guess, source)).Sum(g => g.Count);
        var (lo, hi) = Wilson.Interval(correct, n);
        return new AuthorGuessSummary(n, correct, (double)correct / n, [lo, hi],
            GoodRate(list.Where(g => g.Guess == AuthorGuesses.Ai)), GoodRate(list.Where(g => g.Guess == AuthorGuesses.Person)))
        {
            NotSure = list.Where(g => g.Guess == AuthorGuesses.NotSure).Sum(g => g.Count),
        };
    }

    private static double? GoodRate(IEnumerable<AuthorGuessRow> rows)
    {
        var list = rows.ToList();
        var n = list.Sum(g => g.Count);
        return n == 0 ? null : (double)list.Where(g => g.Value == (int)RatingValue.Good).Sum(g => g.Count) / n;
    }

    private static SortedDictionary<string, SourceSummary> Map(IReadOnlyDictionary<string, SourceSummary> sources, Func<string, SourceSummary, SourceSummary> change)
    {
        var result = new SortedDictionary<string, SourceSummary>(sources is SortedDictionary<string, SourceSummary> sorted ? sorted.Comparer : StringComparer.Ordinal);
        foreach (var (source, s) in sources) result[source] = change(source, s);
        return result;
    }
}
