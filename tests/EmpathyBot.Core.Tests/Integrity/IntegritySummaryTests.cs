using EmpathyBot.Core.Integrity;
using EmpathyBot.Core.Statistics;
using EmpathyBot.Core.Summary;

namespace EmpathyBot.Core.Tests.Integrity;

public sealed class IntegritySummaryTests
{
    private static SummaryDocument Base() => SummaryBuilder.Build(
    [
        new CounterRow("sad", "human", new SourceCounts(4, 10, 5, 3, 2, Excluded: 3)),
        new CounterRow("sad", "gpt", new SourceCounts(4, 10, 7, 2, 1, Excluded: 1)),
        new CounterRow("proud", "gpt", new SourceCounts(2, 4, 2, 1, 1)),
    ]);

    [Fact]
    public void Excluded_replies_are_counted_per_reason_per_emotion_and_overall()
    {
        var snapshot = new IntegritySnapshot(
        [
            new ExcludedReplyRow("sad", "human", "pasted", 2),
            new ExcludedReplyRow("sad", "human", "tooFast", 1),
            new ExcludedReplyRow("sad", "gpt", "reveals an AI author: \"as an AI\"", 1),
            new ExcludedReplyRow("not-an-emotion", "gpt", "refusal", 9),
        ], IntegritySnapshot.RaterReasons(3, 1), []);

        var summary = IntegritySummary.Apply(Base(), snapshot);

        var human = summary.Overall.Sources["human"].ExcludedRepliesByReason!;
        Assert.Equal(new Dictionary<string, long> { ["duplicate"] = 0, ["pasted"] = 2, ["reveal"] = 0, ["tooFast"] = 1 }, human);
        Assert.Equal(summary.Overall.Sources["human"].ExcludedReplies, human.Values.Sum());
        Assert.Equal(1, summary.Overall.Sources["gpt"].ExcludedRepliesByReason!["reveal"]);
        Assert.Equal(0, summary.Emotions["proud"].Sources["gpt"].ExcludedRepliesByReason!["reveal"]);
        Assert.Equal(new Dictionary<string, long> { ["attention"] = 2, ["straightLining"] = 1 }, summary.ExcludedRatersByReason);
    }

    [Fact]
    public void Author_guesses_give_accuracy_with_a_wilson_interval_and_good_rates_by_belief()
    {
        // gpt, sad: 6 guessed AI (4 of them rated Good), 3 guessed person (1 Good), 1 not sure. Correct = AI guesses.
        var snapshot = new IntegritySnapshot([], IntegritySnapshot.RaterReasons(0, 0),
        [
            new AuthorGuessRow("sad", "gpt", AuthorGuesses.Ai, 3, 4),
            new AuthorGuessRow("sad", "gpt", AuthorGuesses.Ai, 1, 2),
            new AuthorGuessRow("sad", "gpt", AuthorGuesses.Person, 3, 1),
            new AuthorGuessRow("sad", "gpt", AuthorGuesses.Person, 2, 2),
            new AuthorGuessRow("sad", "gpt", AuthorGuesses.NotSure, 3, 1),
            new AuthorGuessRow("sad", "human", AuthorGuesses.Person, 3, 2),
            new AuthorGuessRow("sad", "human", AuthorGuesses.NotSure, 2, 2),
        ]);

        var summary = IntegritySummary.Apply(Base(), snapshot);

        var gpt = summary.Overall.Sources["gpt"].AuthorGuess!;
        Assert.Equal(10, gpt.Guesses);
        Assert.Equal(6, gpt.Correct);
        Assert.Equal(1, gpt.NotSure);
        Assert.Equal(0.6, gpt.Accuracy);
        var (lo, hi) = Wilson.Interval(6, 10);
        Assert.Equal(new[] { lo, hi }, gpt.AccuracyCi!);
        Assert.Equal(4.0 / 6, gpt.GoodRateWhenGuessedAi!.Value, 12);
        Assert.Equal(1.0 / 3, gpt.GoodRateWhenGuessedPerson!.Value, 12);

        var human = summary.Emotions["sad"].Sources["human"].AuthorGuess!;
        Assert.Equal(0.5, human.Accuracy);
        Assert.Null(human.GoodRateWhenGuessedAi);
        Assert.Null(summary.Emotions["proud"].Sources["gpt"].AuthorGuess);
    }
}
