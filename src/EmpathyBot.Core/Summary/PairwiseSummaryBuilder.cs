using EmpathyBot.Core.Ports;
using EmpathyBot.Core.Statistics;
using EmpathyBot.Core.Study;

namespace EmpathyBot.Core.Summary;

/// <summary>
/// Builds the <c>pairwise</c> section from the battles: counts, win rates, Bradley-Terry ratings anchored at people with
/// bootstrap intervals and ranks, the style-controlled fit, and per-emotion win rates against people. Battles of raters
/// excluded by attention checks, and verdicts flagged tooFast, are left out, as such ratings are.
/// </summary>
public static class PairwiseSummaryBuilder
{
    /// <summary>Fewest battles against people for a per-emotion win rate to be shown.</summary>
    public const int MinEmotionBattles = 10;

    /// <summary>The bootstrap's fixed seed, so the same battles always give the same intervals.</summary>
    public const int Seed = 20240307;

    /// <param name="minGroupSize">Fewest distinct people whose replies a per-emotion win rate may rest on (Privacy:MinGroupSize).</param>
    public static PairwiseSummary Build(IReadOnlyList<BattleRecord> all, int bootstrapRounds, int minGroupSize = 1) =>
        Summarise(all, bootstrapRounds, minGroupSize) with { MinGroupSize = minGroupSize };

    private static PairwiseSummary Summarise(IReadOnlyList<BattleRecord> all, int bootstrapRounds, int minGroupSize)
    {
        var battles = all.Where(b => !b.RaterExcluded && !b.TooFast).ToList();
        var stats = battles.Select(ToStatistics).ToList();
        var counts = Counts(battles);
        if (battles.Count == 0)
        {
            return new PairwiseSummary(0, Sources.Human, "No battles yet.", counts.ToDictionary(c => c.Key, c => c.Value.With(null, null, null)),
                new Dictionary<string, IReadOnlyDictionary<string, double>>(), new Dictionary<string, StyledRating>(), null, "No battles yet.",
                new Dictionary<string, IReadOnlyDictionary<string, EmotionWinRate>>());
        }

        var (point, pointReason) = Try(() => BradleyTerry.FitBattles(stats, Sources.Human));
        var (raw, ciReason) = point is null ? (null, null) : Try(() => BradleyTerry.Bootstrap(stats, bootstrapRounds, Seed, Sources.Human));
        var (styledPoint, styledReason) = Try(() => BradleyTerry.FitStyled(stats, Sources.Human));
        var (styled, styledCiReason) = styledPoint is null ? (null, null) : Try(() => BradleyTerry.BootstrapStyled(stats, bootstrapRounds, Seed, Sources.Human));
        var sources = counts.ToDictionary(
            c => c.Key,
            c => c.Value.With(point?[c.Key], raw is null ? null : Ci(raw[c.Key]), raw is null ? null : Rank(raw, c.Key)),
            StringComparer.Ordinal);
        var styleControlled = counts.Keys.ToDictionary(
            s => s,
            s => new StyledRating(styledPoint?.Ratings[s], styled is null ? null : Ci(styled.Ratings[s])),
            StringComparer.Ordinal);
        var reason = pointReason ?? ciReason;
        var styleReason = styledReason ?? styledCiReason;

        return new PairwiseSummary(battles.Count, Sources.Human, reason, sources, WinRates(battles), styleControlled,
            styledPoint?.Coefficient, styleReason, EmotionWinRates(battles, minGroupSize));
    }

    private static (T? Value, string? Reason) Try<T>(Func<T> fit) where T : class
    {
        try
        {
            return (fit(), null);
        }
        catch (NoMaximumLikelihoodException e)
        {
            return (null, e.Message);
        }
    }

    /// <summary>A battle as the fit sees it: a tie and a both-bad verdict are both half a win each side; style is the normalised length difference.</summary>
    public static Battle ToStatistics(BattleRecord battle)
    {
        double a = WordCount.Of(battle.A.Text), b = WordCount.Of(battle.B.Text);
        var outcome = battle.Winner switch
        {
            BattleWinner.A => BattleOutcome.WinA,
            BattleWinner.B => BattleOutcome.WinB,
            _ => BattleOutcome.Tie,
        };
        return new Battle(battle.A.Source, battle.B.Source, outcome, a + b == 0 ? 0 : (a - b) / (a + b));
    }

    private static double[] Ci(RatingInterval interval) => [interval.Lower, interval.Upper];

    private static int Rank(IReadOnlyDictionary<string, RatingInterval> ratings, string source) =>
        1 + ratings.Count(other => other.Value.Lower > ratings[source].Upper);

    private sealed record Tally(long Battles, long Wins, long Losses, long Ties, long BothBad)
    {
        public PairwiseSource With(double? rating, double[]? ci, int? rank) => new(rating, ci, Battles, Wins, Losses, Ties, BothBad, rank);
    }

    private static SortedDictionary<string, Tally> Counts(IEnumerable<BattleRecord> battles)
    {
        var tallies = new SortedDictionary<string, Tally>(StringComparer.Ordinal);
        foreach (var battle in battles)
        {
            Add(battle.A.Source, battle.Winner, BattleWinner.A);
            Add(battle.B.Source, battle.Winner, BattleWinner.B);
        }

        return tallies;

        void Add(string source, BattleWinner winner, BattleWinner self)
        {
            var t = tallies.GetValueOrDefault(source) ?? new Tally(0, 0, 0, 0, 0);
            tallies[source] = t with
            {
                Battles = t.Battles + 1,
                Wins = t.Wins + (winner == self ? 1 : 0),
                Losses = t.Losses + (winner == self.Swapped() ? 1 : 0),
                Ties = t.Ties + (winner is BattleWinner.Tie or BattleWinner.BothBad ? 1 : 0),
                BothBad = t.BothBad + (winner == BattleWinner.BothBad ? 1 : 0),
            };
        }
    }

    /// <summary>Score of <paramref name="source"/> in a battle: 1 win, 0 loss, 0.5 tie or both bad.</summary>
    private static double ScoreOf(BattleRecord battle, string source)
    {
        var self = battle.A.Source == source ? BattleWinner.A : BattleWinner.B;
        return battle.Winner == self ? 1 : battle.Winner == self.Swapped() ? 0 : 0.5;
    }

    private static SortedDictionary<string, IReadOnlyDictionary<string, double>> WinRates(IEnumerable<BattleRecord> battles)
    {
        var matrix = new SortedDictionary<string, IReadOnlyDictionary<string, double>>(StringComparer.Ordinal);
        var cells = battles
            .SelectMany(b => new[] { (Row: b.A.Source, Column: b.B.Source, Score: ScoreOf(b, b.A.Source)), (Row: b.B.Source, Column: b.A.Source, Score: ScoreOf(b, b.B.Source)) })
            .GroupBy(c => c.Row, StringComparer.Ordinal);
        foreach (var row in cells)
        {
            matrix[row.Key] = new SortedDictionary<string, double>(
                row.GroupBy(c => c.Column, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Average(c => c.Score), StringComparer.Ordinal),
                StringComparer.Ordinal);
        }

        return matrix;
    }

    private static SortedDictionary<string, IReadOnlyDictionary<string, EmotionWinRate>> EmotionWinRates(IEnumerable<BattleRecord> battles, int minGroupSize)
    {
        var result = new SortedDictionary<string, IReadOnlyDictionary<string, EmotionWinRate>>(StringComparer.Ordinal);
        var againstPeople = battles.Where(b => Sources.IsHuman(b.A.Source) != Sources.IsHuman(b.B.Source));
        foreach (var emotion in againstPeople.GroupBy(b => b.Prompt.Emotion, StringComparer.Ordinal))
        {
            result[emotion.Key] = new SortedDictionary<string, EmotionWinRate>(
                emotion.GroupBy(b => Sources.IsHuman(b.A.Source) ? b.B.Source : b.A.Source, StringComparer.Ordinal).ToDictionary(
                    g => g.Key,
                    g => EmotionWinRate(g.Key, g.ToList(), minGroupSize),
                    StringComparer.Ordinal),
                StringComparer.Ordinal);
        }

        return result;
    }

    /// <summary>A model's win rate against people on one emotion: from enough battles, and about enough people's replies.</summary>
    private static EmotionWinRate EmotionWinRate(string model, IReadOnlyList<BattleRecord> battles, int minGroupSize)
    {
        var withheld = PeopleIn(battles) < minGroupSize;
        var shown = battles.Count >= MinEmotionBattles && !withheld;
        return new EmotionWinRate(battles.Count, shown ? battles.Average(b => ScoreOf(b, model)) : null) { Withheld = withheld };
    }

    /// <summary>Distinct people who wrote the people's replies in these battles; a reply of unknown author (imported) counts as its own writer.</summary>
    private static int PeopleIn(IEnumerable<BattleRecord> battles) => battles
        .Select(b => Sources.IsHuman(b.A.Source) ? b.A : b.B)
        .Select(r => r.Author is { } author ? "p:" + author : "r:" + r.Id)
        .Distinct(StringComparer.Ordinal).Count();
}
