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

public sealed class SummaryBuilderLengthTests
{
    [Fact]
    public void Overall_sources_carry_the_length_adjusted_odds_ratio_under_the_contract_names()
    {
        // Golden/length_model.py "ties_small": the cells spread over two emotions; the counters match them.
        var cells = Statistics.LengthModelData.Cells(Statistics.LengthModelData.TiesSmall);
        var rows = cells.GroupBy(c => (c.Emotion, c.Source)).Select(g =>
        {
            long good = g.Sum(c => c.Good), other = g.Sum(c => c.Other);
            return new CounterRow(g.Key.Emotion, g.Key.Source, new SourceCounts(g.Count(), good + other, good, other, 0));
        });

        var summary = SummaryBuilder.Build(rows, QualitySnapshot.Empty with { Lengths = cells });
        using var json = System.Text.Json.JsonDocument.Parse(System.Text.Json.JsonSerializer.Serialize(summary));

        var model = json.RootElement.GetProperty("lengthModel");
        Assert.Equal(18, model.GetProperty("n").GetInt64());
        Assert.Equal("fitted", model.GetProperty("status").GetString());
        Statistics.Approx.Equal(1.7522240781372398, model.GetProperty("wordsOddsRatio").GetDouble());
        var adjusted = json.RootElement.GetProperty("overall").GetProperty("sources").GetProperty("model").GetProperty("lengthAdjusted");
        Statistics.Approx.Equal(0.5786402237638871, adjusted.GetProperty("oddsRatio").GetDouble());
        Statistics.Approx.Equal(0.06254158850577421, adjusted.GetProperty("ci")[0].GetDouble());
        Statistics.Approx.Equal(5.3536297455349775, adjusted.GetProperty("ci")[1].GetDouble());
        Statistics.Approx.Equal(0.6298478486262149, adjusted.GetProperty("p").GetDouble());
        Assert.Equal(System.Text.Json.JsonValueKind.Null,
            json.RootElement.GetProperty("overall").GetProperty("sources").GetProperty("human").GetProperty("lengthAdjusted").ValueKind);
        Assert.Null(summary.Emotions["sad"].Sources["model"].LengthAdjusted);
    }

    [Fact]
    public void Without_an_estimate_the_fields_are_null_and_the_reason_is_given()
    {
        // The model's ratings are all Good: separation, no odds ratio rather than a wrong one.
        var rows = new[]
        {
            new CounterRow("sad", "human", new SourceCounts(2, 5, 2, 3, 0)),
            new CounterRow("sad", "model", new SourceCounts(2, 4, 4, 0, 0)),
        };
        LengthCell[] cells = [new("sad", "human", 10, 1, 2), new("sad", "human", 30, 1, 1), new("sad", "model", 50, 2, 0), new("sad", "model", 70, 2, 0)];

        var summary = SummaryBuilder.Build(rows, QualitySnapshot.Empty with { Lengths = cells });

        Assert.Equal(LengthModelStatus.Separation, summary.LengthModel!.Status);
        Assert.Null(summary.LengthModel.WordsOddsRatio);
        Assert.Contains("'model'", summary.LengthModel.Reason);
        Assert.Null(summary.Overall.Sources["model"].LengthAdjusted);
    }
}
