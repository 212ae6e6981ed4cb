using EmpathyBot.Core.Summary;
using EmpathyBot.Core.Tests.Statistics;

namespace EmpathyBot.Core.Tests.Summary;

public sealed class LengthAdjustmentTests
{
    // Oracle: Golden/length_model.py, dataset "three_sources" (statsmodels 0.13.5 Logit, 99 ratings).
    [Fact]
    public void Three_sources_match_statsmodels()
    {
        var result = Fit(LengthModelData.ThreeSources);

        Assert.Equal(LengthModelStatus.Fitted, result.Model.Status);
        Assert.Equal(99, result.Model.N);
        Approx.Equal(2.4634309487304225, result.Model.WordsOddsRatio!.Value);
        Approx.Equal([1.3945315675427448, 4.351634757078999], result.Model.WordsCi!);
        Assert.Equal(["gpt-4o", "llama"], result.Sources.Keys.Order(StringComparer.Ordinal));
        Same(0.7990180107475735, 0.22554974320352475, 2.830549804363655, 0.7280804591373169, result.Sources["gpt-4o"]);
        Same(0.3974216312739684, 0.12004700336238128, 1.315684261836031, 0.13084557445341688, result.Sources["llama"]);
    }

    // Oracle: Golden/length_model.py, dataset "four_sources" (68 ratings, a source with a 0-Good length and tied lengths).
    [Fact]
    public void Four_sources_match_statsmodels()
    {
        var result = Fit(LengthModelData.FourSources);

        Assert.Equal(68, result.Model.N);
        Approx.Equal(3.339917758424183, result.Model.WordsOddsRatio!.Value);
        Same(0.9809774382540103, 0.18221717461558928, 5.281152758479174, 0.9821593654326172, result.Sources["a"]);
        Same(0.5967309205582233, 0.10999008442926773, 3.2374535704557728, 0.549585729477346, result.Sources["b"]);
        Same(0.4471404677010476, 0.09034679068567038, 2.2129684556423608, 0.32391455155178916, result.Sources["c"]);
    }

    // Oracle: Golden/length_model.py, dataset "ties_small" (18 ratings, repeated lengths).
    [Fact]
    public void Ties_and_small_counts_match_statsmodels()
    {
        var result = Fit(LengthModelData.TiesSmall);

        Assert.Equal(18, result.Model.N);
        Approx.Equal(1.7522240781372398, result.Model.WordsOddsRatio!.Value);
        Same(0.5786402237638871, 0.06254158850577421, 5.3536297455349775, 0.6298478486262149, result.Sources["model"]);
    }

    [Theory]
    [InlineData(3, 0, "every one is Good")] // a source rated Good every time: quasi-complete separation
    [InlineData(0, 3, "none is Good")]
    public void A_source_rated_all_alike_has_no_estimate(long good, long other, string reason)
    {
        var data = LengthModelData.TiesSmall.Append(("copycat", 30L, good, other)).ToArray();

        var result = Fit(data);

        Assert.Equal(LengthModelStatus.Separation, result.Model.Status);
        Assert.Contains("'copycat'", result.Model.Reason);
        Assert.Contains(reason, result.Model.Reason);
        Assert.Null(result.Model.WordsOddsRatio);
        Assert.Empty(result.Sources);
    }

    [Fact]
    public void Length_separating_Good_from_the_rest_has_no_estimate()
    {
        // Every reply of 50 words or more is Good, every shorter one is not: complete separation by length.
        (string, long, long, long)[] data = [("human", 10, 0, 2), ("human", 60, 2, 0), ("bot", 12, 0, 3), ("bot", 80, 3, 0)];

        var result = Fit(data);

        Assert.Equal(LengthModelStatus.Separation, result.Model.Status);
        Assert.Null(result.Model.WordsOddsRatio);
        Assert.Empty(result.Sources);
    }

    [Fact]
    public void Replies_all_of_one_length_are_singular()
    {
        (string, long, long, long)[] data = [("human", 20, 2, 3), ("bot", 20, 4, 1)];

        var result = Fit(data);

        Assert.Equal(LengthModelStatus.Singular, result.Model.Status);
        Assert.Contains("same length", result.Model.Reason);
        Assert.Null(result.Model.WordsOddsRatio);
    }

    [Fact]
    public void Each_source_at_its_own_single_length_is_singular()
    {
        // Length and source say the same thing: neither effect can be told apart.
        (string, long, long, long)[] data = [("human", 20, 2, 3), ("bot", 40, 4, 1)];

        var result = Fit(data);

        Assert.Equal(LengthModelStatus.Singular, result.Model.Status);
        Assert.StartsWith("Reply length and source cannot be told apart", result.Model.Reason);
    }

    [Fact]
    public void Too_few_ratings_have_no_estimate()
    {
        // Three ratings for three coefficients (intercept, bot, words).
        (string, long, long, long)[] data = [("human", 20, 1, 1), ("bot", 40, 1, 0)];

        var result = Fit(data);

        Assert.Equal(LengthModelStatus.TooFewRatings, result.Model.Status);
        Assert.Equal(3, result.Model.N);
        Assert.Null(result.Model.WordsOddsRatio);
    }

    [Fact]
    public void No_ratings_and_no_people_say_so()
    {
        var none = LengthAdjustment.Fit([], new Dictionary<string, SourceCounts> { ["human"] = SourceCounts.Zero }, "human");
        Assert.Equal((LengthModelStatus.NoRatings, 0L), (none.Model.Status, none.Model.N));

        (string, long, long, long)[] data = [("bot", 20, 2, 3), ("bot", 40, 4, 1)];
        Assert.Equal(LengthModelStatus.NoPeople, Fit(data).Model.Status);
    }

    [Fact]
    public void A_source_without_ratings_is_left_out_and_named()
    {
        var counted = LengthModelData.Counted(LengthModelData.TiesSmall);
        counted["silent"] = new SourceCounts(4, 0, 0, 0, 0);

        var result = LengthAdjustment.Fit(LengthModelData.Cells(LengthModelData.TiesSmall), counted, "human");

        Assert.Equal(LengthModelStatus.Fitted, result.Model.Status);
        Assert.False(result.Sources.ContainsKey("silent"));
        Assert.Contains("silent", result.Model.Reason);
        Approx.Equal(1.7522240781372398, result.Model.WordsOddsRatio!.Value);
    }

    [Fact]
    public void A_negative_cell_is_reported_not_fitted()
    {
        var cells = LengthModelData.Cells(LengthModelData.ThreeSources).Append(new LengthCell("sad", "llama", 31, -1, 0));

        var result = LengthAdjustment.Fit(cells, LengthModelData.Counted(LengthModelData.ThreeSources), "human");

        Assert.Equal(LengthModelStatus.Inconsistent, result.Model.Status);
        Assert.Contains("'llama' at 31 words", result.Model.Reason);
        Assert.Null(result.Model.WordsOddsRatio);
        Assert.Empty(result.Sources);
    }

    [Fact]
    public void Cells_of_unknown_emotions_are_left_out_like_their_counters()
    {
        var cells = LengthModelData.Cells(LengthModelData.TiesSmall).Append(new LengthCell("not-an-emotion", "model", 300, 5, 0));

        var result = LengthAdjustment.Fit(cells, LengthModelData.Counted(LengthModelData.TiesSmall), "human");

        Assert.Equal(18, result.Model.N);
        Approx.Equal(1.7522240781372398, result.Model.WordsOddsRatio!.Value);
    }

    private static LengthAdjustmentResult Fit((string Source, long Words, long Good, long Other)[] data) =>
        LengthAdjustment.Fit(LengthModelData.Cells(data), LengthModelData.Counted(data), "human");

    private static void Same(double oddsRatio, double lower, double upper, double p, LengthAdjusted actual)
    {
        Approx.Equal(oddsRatio, actual.OddsRatio);
        Approx.Equal([lower, upper], actual.Ci);
        Approx.Equal(p, actual.P);
    }
}
