using EmpathyBot.Core.Summary;

namespace EmpathyBot.Core.Tests.Summary;

public sealed class SummaryBuilderTests
{
    [Fact]
    public void Welivita_and_Pu_counts_give_their_relative_increase()
    {
        // Human 342/672/986 (Bad/Okay/Good) vs GPT-4 142/563/1295: +31.3% Good.
        var rows = new[]
        {
            new CounterRow("sad", "human", new SourceCounts(2000, 2000, 986, 672, 342)),
            new CounterRow("sad", "gpt-4", new SourceCounts(2000, 2000, 1295, 563, 142)),
        };
        var summary = SummaryBuilder.Build(rows);
        var gpt = summary.Overall.Sources["gpt-4"];
        Assert.Equal(0.3134, gpt.GoodIncreaseVsPeople!.Value, 4);
        Assert.Null(summary.Overall.Sources["human"].GoodIncreaseVsPeople);
        Assert.Equal("negative", summary.Emotions["sad"].Valence);
        Assert.Equal("human", summary.Overall.Sources.Keys.First());
    }

    [Fact]
    public void Overall_adds_up_emotions_and_rates_are_null_without_ratings()
    {
        var rows = new[]
        {
            new CounterRow("sad", "human", new SourceCounts(3, 2, 1, 1, 0)),
            new CounterRow("joyful", "human", new SourceCounts(1, 2, 2, 0, 0)),
            new CounterRow("joyful", "bot", new SourceCounts(1, 0, 0, 0, 0)),
        };
        var summary = SummaryBuilder.Build(rows);
        var human = summary.Overall.Sources["human"];
        Assert.Equal((4L, 4L, 3L, 1L, 0L), (human.Replies, human.Ratings, human.Good, human.Okay, human.Bad));
        Assert.Equal(0.75, human.GoodRate);
        Assert.Null(summary.Overall.Sources["bot"].GoodRate);
        Assert.Null(summary.Overall.Sources["bot"].GoodIncreaseVsPeople);
        Assert.Equal("positive", summary.Emotions["joyful"].Valence);
    }
}
