using EmpathyBot.Core.Summary;
using EmpathyBot.Core.Understanding;

namespace EmpathyBot.Core.Tests.Understanding;

public sealed class UnderstandingAnalysisTests
{
    private static readonly UnderstandingSet Bank = UnderstandingSet.OfAllocation("allocation", "bank", true,
    [
        new AllocationItem("a1", "S1", ["A", "B", "C", "D"], [4, 3, 2, 1], null),
        new AllocationItem("a2", "S2", ["A", "B", "C", "D"], [1, 1, 4, 4], null),
    ]);

    [Theory]
    [InlineData("3 3 2 2", "allocation", null)]
    [InlineData("3,3, 2;2", "allocation", null)]
    [InlineData("4 4 2 2", "allocation", "must add up to 10; yours add up to 12")]
    [InlineData("3 3 2", "allocation", "exactly four numbers")]
    [InlineData("three 3 2 2", "intensity", "'three' is not a number")]
    [InlineData("11 0 0 0", "intensity", "from 0 to 10")]
    [InlineData("9 9 9 9", "intensity", null)]
    public void Typed_answers_are_checked(string text, string kind, string? error)
    {
        var (values, problem) = UnderstandingAnswerParser.ParseTyped(text, kind);
        if (error is null) Assert.Equal(4, values!.Count);
        else Assert.Contains(error, problem);
    }

    [Fact]
    public void A_bank_item_standard_becomes_the_people_consensus_at_MinNorm()
    {
        var few = new UnderstandingItemStats("allocation", "human", "a1", 2, [10, 10, 0, 0], 2, 3);
        Assert.Equal([4.0, 3, 2, 1], UnderstandingAnalysis.Standard(Bank, "a1", few, minNorm: 3));
        var enough = few with { N = 4, ValueSums = [12, 12, 8, 8] };
        Assert.Equal([3.0, 3, 2, 2], UnderstandingAnalysis.Standard(Bank, "a1", enough, minNorm: 3));
        // Imported sets keep their published standard.
        Assert.Equal([4.0, 3, 2, 1], UnderstandingAnalysis.Standard(Bank with { Provisional = false }, "a1", enough, minNorm: 3));
    }

    [Fact]
    public void Norm_comes_from_people_once_there_are_enough_tests()
    {
        Assert.Equal(new UnderstandingNorm(2.79, 0.822, "published"), UnderstandingAnalysis.Norm(Bank, new UnderstandingTestCell("allocation", "human", 2, 4, 8.5), 3));
        var cell = new UnderstandingTestCell("allocation", "human", 3, 6, 14); // 1, 2, 3
        Assert.Equal(new UnderstandingNorm(2, 1, "people"), UnderstandingAnalysis.Norm(Bank, cell, 3));
        Assert.Null(UnderstandingAnalysis.Norm(UnderstandingSet.OfIntensity("i", "bank", true, []), null, 3));
    }

    [Fact]
    public void EQ_and_percentile_point_the_right_way_for_each_kind()
    {
        var norm = new UnderstandingNorm(50, 10, "people");
        Assert.Equal(115, UnderstandingAnalysis.Eq("intensity", 60, norm)!.Value, 9);
        Assert.Equal(85, UnderstandingAnalysis.Eq("allocation", 60, norm)!.Value, 9);
        Assert.Equal(50, UnderstandingAnalysis.Percentile("intensity", 60, [40, 55, 60, 70]));
        Assert.Equal(25, UnderstandingAnalysis.Percentile("allocation", 60, [40, 55, 60, 70]));
        Assert.Equal(100 * 7.5 / 10, UnderstandingAnalysis.TestScore("intensity", [7, 8, null]));
    }

    [Fact]
    public void The_set_summary_places_a_contender_among_people()
    {
        IReadOnlyList<UnderstandingItemStats> stats =
        [
            new("allocation", "human", "a1", 4, [16, 12, 8, 4], 4, 4.0),
            new("allocation", "human", "a2", 4, [4, 4, 16, 16], 4, 8.0),
            new("allocation", "gpt", "a1", 1, [4, 3, 2, 1], 1, 0.5),
            new("allocation", "gpt", "a2", 1, [1, 1, 4, 4], 1, 1.5),
        ];
        IReadOnlyList<UnderstandingTestCell> cells = [new("allocation", "human", 4, 6, 10), new("allocation", "gpt", 1, 1, 1)];

        var section = UnderstandingAnalysis.SummariseSet(Bank, cells, stats, [1.0, 1.5, 1.5, 2.0], minNorm: 30);

        var gpt = section.Contenders["gpt"];
        Assert.Equal((2L, 1.0), (gpt.Items, gpt.Score!.Value));
        Assert.Equal(15 * (2.79 - 1.0) / 0.822 + 100, gpt.Eq!.Value, 9);
        Assert.Equal(75, gpt.Percentile);
        Assert.Equal(1.0, gpt.PatternR!.Value, 9);
        Assert.Equal((4L, 1.5), (section.Humans.N, section.Humans.Mean!.Value));

        var html = UnderstandingReport.Section(new UnderstandingSummary(30, new Dictionary<string, UnderstandingSetSummary> { ["allocation"] = section }));
        Assert.Contains("<table id=\"understanding\">", html);
        Assert.Contains("data-source=\"gpt\"", html);
        Assert.Contains("75%", html);
        Assert.Equal("", UnderstandingReport.Section(null));
    }

    [Fact]
    public void Fewer_people_than_the_minimum_leave_nothing_computed_from_their_scores()
    {
        IReadOnlyList<UnderstandingItemStats> stats =
        [
            new("allocation", "human", "a1", 4, [16, 12, 8, 4], 4, 4.0),
            new("allocation", "human", "a2", 4, [4, 4, 16, 16], 4, 8.0),
            new("allocation", "gpt", "a1", 1, [4, 3, 2, 1], 1, 0.5),
            new("allocation", "gpt", "a2", 1, [1, 1, 4, 4], 1, 1.5),
        ];
        IReadOnlyList<UnderstandingTestCell> cells = [new("allocation", "human", 4, 6, 10) { People = 4 }, new("allocation", "gpt", 1, 1, 1)];

        var withheld = UnderstandingAnalysis.SummariseSet(Bank, cells, stats, [1.0, 1.5, 1.5, 2.0], minNorm: 2, minGroupSize: 5);

        Assert.Equal((4L, 4L, null, null, true), (withheld.Humans.N, withheld.Humans.People, withheld.Humans.Mean, withheld.Humans.Sd, withheld.Humans.Withheld));
        Assert.Equal("published", withheld.Norm!.Source); // not people's, though MinNorm (2) is reached
        Assert.Null(withheld.Contenders["gpt"].Percentile);
        Assert.Null(withheld.Contenders["gpt"].PatternR);
        Assert.Equal(1.0, withheld.Contenders["gpt"].Score); // the contender's own figures stay

        var html = UnderstandingReport.Section(new UnderstandingSummary(2, new Dictionary<string, UnderstandingSetSummary> { ["allocation"] = withheld }) { MinGroupSize = 5 });
        Assert.Contains("withheld (fewer than 5 people)", html);
        Assert.DoesNotContain("1.50", html);

        var shown = UnderstandingAnalysis.SummariseSet(Bank, cells, stats, [1.0, 1.5, 1.5, 2.0], minNorm: 2, minGroupSize: 4);
        Assert.Equal((1.5, false, "people"), (shown.Humans.Mean!.Value, shown.Humans.Withheld, shown.Norm!.Source));
        Assert.Equal(75, shown.Contenders["gpt"].Percentile);
    }
}
