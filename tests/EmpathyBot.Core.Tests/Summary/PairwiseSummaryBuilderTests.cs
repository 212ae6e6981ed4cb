using EmpathyBot.Core.Ports;
using EmpathyBot.Core.Study;
using EmpathyBot.Core.Summary;
using EmpathyBot.Core.Tests.Golden;

namespace EmpathyBot.Core.Tests.Summary;

/// <summary>The <c>pairwise</c> section over the battles of Golden/bradley_terry.py (ties and both-bad verdicts, replies of known length).</summary>
public class PairwiseSummaryBuilderTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static void Near(double expected, double? actual) =>
        Assert.True(actual is { } a && Math.Abs(expected - a) <= 1e-6, $"expected {expected:R}, got {actual:R}");

    private static string Words(int n) => string.Join(' ', Enumerable.Repeat("word", n));

    private static BattleRecord Record(int i, string a, string b, string winner, int wordsA, int wordsB, string emotion = "sad", string rater = "r", bool excluded = false)
    {
        BattleWinners.TryParse(winner, out var w);
        var prompt = new StudyPrompt($"p{i}", emotion, "", "said", "core");
        return new BattleRecord($"b{i}", rater + i, prompt, new Reply($"x{i}", prompt.Id, a, Words(wordsA), null, T0),
            new Reply($"y{i}", prompt.Id, b, Words(wordsB), null, T0), BattleSide.A, w, T0, T0, excluded);
    }

    private static List<BattleRecord> Golden() =>
        GoldenBattles.Rows.Select((r, i) => Record(i, r.A, r.B, r.Winner, r.WordsA, r.WordsB)).ToList();

    [Fact]
    public void Ratings_and_style_control_match_the_scipy_golden_values_with_people_at_1000()
    {
        var summary = PairwiseSummaryBuilder.Build(Golden(), bootstrapRounds: 50);

        Assert.Equal(60, summary.Battles);
        Assert.Equal("human", summary.Anchor);
        Assert.Null(summary.Reason);
        Assert.Equal(1000, summary.Sources["human"].Rating);
        Near(820.2490734575327, summary.Sources["baseline"].Rating);
        Near(1001.3699422228843, summary.Sources["claude"].Rating);
        Near(1013.0796097805684, summary.Sources["gpt"].Rating);
        Near(813.8042567053428, summary.StyleControlled["baseline"].Rating);
        Near(998.1864428514727, summary.StyleControlled["claude"].Rating);
        Near(994.284927543213, summary.StyleControlled["gpt"].Rating);
        Assert.Equal(1.2620994751926187, summary.LengthCoefficient!.Value, 9);
        Assert.Equal([1000.0, 1000.0], summary.Sources["human"].Ci!);
    }

    [Fact]
    public void Counts_win_rates_and_ranks_follow_their_definitions()
    {
        var battles = Golden();
        var summary = PairwiseSummaryBuilder.Build(battles, bootstrapRounds: 50);

        var human = summary.Sources["human"];
        var asA = battles.Where(b => b.A.Source == "human").ToList();
        var asB = battles.Where(b => b.B.Source == "human").ToList();
        Assert.Equal(asA.Count + asB.Count, human.Battles);
        Assert.Equal(asA.Count(b => b.Winner == BattleWinner.A) + asB.Count(b => b.Winner == BattleWinner.B), human.Wins);
        Assert.Equal(asA.Count(b => b.Winner == BattleWinner.B) + asB.Count(b => b.Winner == BattleWinner.A), human.Losses);
        Assert.Equal(human.Battles, human.Wins + human.Losses + human.Ties);
        Assert.Equal(GoldenBattles.Rows.Count(r => r.Winner == "both_bad" && (r.A == "human" || r.B == "human")), human.BothBad);

        // gpt vs human: scores counted from gpt's side, a tie or both-bad half.
        var gptHuman = battles.Where(b => new[] { b.A.Source, b.B.Source }.Order().SequenceEqual(["gpt", "human"]))
            .Select(b => b.Winner is BattleWinner.Tie or BattleWinner.BothBad ? 0.5 : (b.Winner == BattleWinner.A) == (b.A.Source == "gpt") ? 1.0 : 0.0)
            .Average();
        Assert.Equal(gptHuman, summary.WinRates["gpt"]["human"], 12);
        Assert.Equal(1 - gptHuman, summary.WinRates["human"]["gpt"], 12);

        foreach (var (source, row) in summary.Sources)
        {
            var above = summary.Sources.Values.Count(o => o.Ci![0] > row.Ci![1]);
            Assert.Equal(1 + above, row.Rank);
            Assert.InRange(row.Rating!.Value, row.Ci![0], row.Ci[1]);
        }
    }

    [Fact]
    public void Per_emotion_win_rates_against_people_appear_from_ten_battles()
    {
        var battles = Enumerable.Range(0, 10).Select(i => Record(i, "gpt", "human", i < 6 ? "a" : i < 8 ? "both_bad" : "b", 5, 5, "afraid"))
            .Concat(Enumerable.Range(10, 9).Select(i => Record(i, "gpt", "human", i % 2 == 0 ? "a" : "b", 5, 5, "joyful")))
            .ToList();

        var emotions = PairwiseSummaryBuilder.Build(battles, bootstrapRounds: 20).Emotions;

        Assert.Equal(new EmotionWinRate(10, 0.7), emotions["afraid"]["gpt"]);
        Assert.Equal(new EmotionWinRate(9, null), emotions["joyful"]["gpt"]);
    }

    [Fact]
    public void Without_an_MLE_the_ratings_are_null_with_the_reason_and_excluded_raters_do_not_count()
    {
        List<BattleRecord> battles =
        [
            Record(0, "gpt", "human", "a", 5, 9), Record(1, "gpt", "human", "a", 9, 5), Record(2, "gpt", "human", "a", 5, 5),
            Record(3, "gpt", "human", "b", 5, 5, excluded: true),
        ];

        var summary = PairwiseSummaryBuilder.Build(battles, bootstrapRounds: 20);

        Assert.Equal(3, summary.Battles);
        Assert.Null(summary.Sources["gpt"].Rating);
        Assert.Null(summary.Sources["gpt"].Ci);
        Assert.Null(summary.Sources["gpt"].Rank);
        Assert.Contains("never lost", summary.Reason);
        Assert.Null(summary.StyleControlled["gpt"].Rating);
        Assert.NotNull(summary.StyleControlledReason);
        Assert.Equal((3, 3, 0, 0), (summary.Sources["gpt"].Battles, summary.Sources["gpt"].Wins, summary.Sources["gpt"].Losses, summary.Sources["gpt"].Ties));
    }

    [Fact]
    public void Without_battles_people_included_the_mean_is_at_1000()
    {
        var battles = Golden().Where(b => b.A.Source != "human" && b.B.Source != "human").ToList();

        var summary = PairwiseSummaryBuilder.Build(battles, bootstrapRounds: 20);

        Near(868.3542244785824, summary.Sources["baseline"].Rating);
        Near(1000, summary.Sources.Values.Average(s => s.Rating!.Value));
        Assert.False(summary.Sources.ContainsKey("human"));
    }

    [Fact]
    public void Verdicts_flagged_too_fast_are_kept_out_like_too_fast_ratings()
    {
        var battles = Golden();
        var fast = Golden().Select((b, i) => b with { Id = $"fast{i}", Winner = BattleWinner.A, TooFast = true });

        var summary = PairwiseSummaryBuilder.Build([.. battles, .. fast], bootstrapRounds: 50);

        Assert.Equal(60, summary.Battles);
        Near(820.2490734575327, summary.Sources["baseline"].Rating);
        Near(1013.0796097805684, summary.Sources["gpt"].Rating);
    }

    [Fact]
    public void A_per_emotion_win_rate_about_fewer_than_MinGroupSize_people_is_withheld_with_its_battle_count()
    {
        // Twelve battles against people on "afraid", their people's replies written by `writers` distinct people.
        List<BattleRecord> Afraid(int writers) => Enumerable.Range(0, 12)
            .Select(i => Record(i, "gpt", "human", i < 9 ? "a" : "b", 5, 5, "afraid"))
            .Select((b, i) => b with { B = b.B with { Author = $"person{i % writers}" } }).ToList();

        var few = PairwiseSummaryBuilder.Build(Afraid(4), bootstrapRounds: 20, minGroupSize: 5);
        Assert.Equal(new EmotionWinRate(12, null) { Withheld = true }, few.Emotions["afraid"]["gpt"]);
        Assert.Equal(5, few.MinGroupSize);
        Assert.Contains("withheld (fewer than 5 people) (12)", PairwiseReport.Section(few));

        var enough = PairwiseSummaryBuilder.Build(Afraid(5), bootstrapRounds: 20, minGroupSize: 5);
        Assert.Equal(new EmotionWinRate(12, 0.75), enough.Emotions["afraid"]["gpt"]);
    }
}
