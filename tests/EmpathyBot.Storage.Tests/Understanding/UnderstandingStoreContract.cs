using EmpathyBot.Core.Understanding;
using EmpathyBot.Core.Ports;
using EmpathyBot.Storage;

namespace EmpathyBot.Storage.Tests.Understanding;

/// <summary>What every store must do for emotion understanding. Derive once per implementation.</summary>
public abstract class UnderstandingStoreContract
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    protected abstract Task<IStudyStore> CreateStoreAsync();

    private static UnderstandingAnswer Answer(string id, string source, string? participant, string item, double[] values, double? score, string set = "allocation") =>
        new(id, source, participant, set, item, values, score, T0);

    private static UnderstandingTest Test(string id, string source, string? participant, double score, string set = "allocation") =>
        new(id, source, participant, set, 3, score, T0);

    [Fact]
    public async Task Test_cells_count_their_distinct_people_and_forgetting_takes_them_out()
    {
        var store = await CreateStoreAsync();
        await store.AddUnderstandingTestAsync(Test("t1", "human", "p1", 2.0));
        await store.AddUnderstandingTestAsync(Test("t2", "human", "p1", 2.5));
        await store.AddUnderstandingTestAsync(Test("t3", "human", "p2", 3.0));
        await store.AddUnderstandingTestAsync(Test("t4", "gpt", null, 1.5));

        var cells = await store.GetUnderstandingTestCellsAsync();
        var human = cells.Single(c => c.Source == "human");
        Assert.Equal((3L, 2L), (human.N, human.People));
        Assert.Equal(0, cells.Single(c => c.Source == "gpt").People);

        await store.ForgetAsync("p1");
        human = (await store.GetUnderstandingTestCellsAsync()).Single(c => c.Source == "human");
        Assert.Equal((1L, 1L), (human.N, human.People));
    }

    [Fact]
    public async Task Answers_add_to_per_item_sums_and_duplicates_change_nothing()
    {
        var store = await CreateStoreAsync();
        Assert.True(await store.AddUnderstandingAnswerAsync(Answer("a", "human", "p1", "i1", [4, 3, 2, 1], 1.5)));
        Assert.True(await store.AddUnderstandingAnswerAsync(Answer("b", "human", "p2", "i1", [2, 2, 3, 3], 2.25)));
        Assert.True(await store.AddUnderstandingAnswerAsync(Answer("c", "gpt", null, "i1", [], null)));
        Assert.True(await store.AddUnderstandingAnswerAsync(Answer("d", "human", "p1", "x", [1, 1, 1, 1], 0.5, set: "other")));
        Assert.False(await store.AddUnderstandingAnswerAsync(Answer("a", "human", "p1", "i1", [10, 0, 0, 0], 9)));

        var stats = await store.GetUnderstandingItemStatsAsync("allocation");
        var human = Assert.Single(stats, s => s.Source == "human");
        Assert.Equal(("i1", 2L, 2L), (human.ItemId, human.N, human.Scored));
        Assert.Equal([6.0, 5, 5, 4], human.ValueSums);
        Assert.Equal(3.75, human.ScoreSum, 9);
        Assert.Equal(1.875, human.MeanScore!.Value, 9);
        Assert.DoesNotContain(stats, s => s.Source == "gpt"); // nothing to sum: no values, no score

        var gpt = Assert.Single(await store.GetUnderstandingAnswersAsync("allocation", "gpt"));
        Assert.Empty(gpt.Values);
        Assert.Null(gpt.Score);
        Assert.Equal(2, (await store.GetUnderstandingAnswersAsync("allocation", "human")).Count);
        Assert.Equal([4.0, 3, 2, 1], (await store.GetUnderstandingAnswersAsync("allocation", "human")).Single(a => a.Id == "a").Values);
    }

    [Fact]
    public async Task Tests_keep_moments_per_set_and_source_and_the_score_sample()
    {
        var store = await CreateStoreAsync();
        Assert.True(await store.AddUnderstandingTestAsync(Test("t1", "human", "p1", 2.0)));
        Assert.True(await store.AddUnderstandingTestAsync(Test("t2", "human", "p2", 3.0)));
        Assert.True(await store.AddUnderstandingTestAsync(Test("t3", "gpt", null, 1.5)));
        Assert.True(await store.AddUnderstandingTestAsync(Test("t4", "human", "p1", 70, set: "intensity")));
        Assert.False(await store.AddUnderstandingTestAsync(Test("t1", "human", "p1", 9.0)));

        var cells = await store.GetUnderstandingTestCellsAsync();
        Assert.Equal(3, cells.Count);
        var people = cells.Single(c => c.Set == "allocation" && c.Source == "human");
        Assert.Equal((2L, 5.0, 13.0), (people.N, people.Sum, people.SumSq));
        Assert.Equal(Math.Sqrt(0.5), people.Sd!.Value, 9);
        Assert.Equal([2.0, 3.0], await store.GetUnderstandingScoresAsync("allocation", "human"));
        Assert.Empty(await store.GetUnderstandingScoresAsync("allocation", "nobody"));
    }

    [Fact]
    public async Task Forgetting_a_participant_removes_their_answers_and_tests_from_the_sums()
    {
        var store = await CreateStoreAsync();
        await store.AddUnderstandingAnswerAsync(Answer("a", "human", "p1", "i1", [4, 3, 2, 1], 1.5));
        await store.AddUnderstandingAnswerAsync(Answer("b", "human", "p2", "i1", [2, 2, 3, 3], 2.25));
        await store.AddUnderstandingTestAsync(Test("t1", "human", "p1", 1.5));
        await store.AddUnderstandingTestAsync(Test("t2", "human", "p2", 2.25));

        var result = await store.ForgetAsync("p1");
        Assert.Equal((1, 1), (result.UnderstandingAnswers, result.UnderstandingTests));
        Assert.Equal(ForgetResult.Nothing, await store.ForgetAsync("p1"));

        var human = Assert.Single(await store.GetUnderstandingItemStatsAsync("allocation"));
        Assert.Equal((1L, 1L), (human.N, human.Scored));
        Assert.Equal([2.0, 2, 3, 3], human.ValueSums.Select(v => Math.Round(v, 9)));
        var cell = Assert.Single(await store.GetUnderstandingTestCellsAsync());
        Assert.Equal((1L, 2.25), (cell.N, Math.Round(cell.Sum, 9)));
        Assert.Equal([2.25], await store.GetUnderstandingScoresAsync("allocation", "human"));
        Assert.Equal(["b"], (await store.GetUnderstandingAnswersAsync("allocation", "human")).Select(a => a.Id));
    }

    [Fact]
    public async Task Withdrawal_also_forgets_quiz_answers()
    {
        var store = await CreateStoreAsync();
        await store.RecordConsentAsync("p1", T0);
        await store.AddUnderstandingAnswerAsync(Answer("a", "human", "p1", "i1", [4, 3, 2, 1], 1.5));
        await store.AddUnderstandingTestAsync(Test("t1", "human", "p1", 1.5));

        Assert.Equal(ForgetResult.Nothing with { Consent = true, UnderstandingAnswers = 1, UnderstandingTests = 1 }, await store.ForgetAsync("p1"));

        Assert.Empty(await store.GetUnderstandingItemStatsAsync("allocation"));
        Assert.Empty(await store.GetUnderstandingTestCellsAsync());
    }

    [Fact]
    public async Task Item_sets_are_saved_replaced_and_listed()
    {
        var store = await CreateStoreAsync();
        var set = UnderstandingSet.OfAllocation("mine", "seceu", false,
            [new AllocationItem("1", "A story.", ["A", "B", "C", "D"], [4, 3, 2, 1], 2.2)], new SeceuNorm(2.5, 0.5, 0.2, 0.1, [1.0, 2.0]));
        await store.SaveUnderstandingSetAsync("mine", set.ToJson());
        await store.SaveUnderstandingSetAsync("b-set", UnderstandingSet.OfIntensity("b-set", "eqbench", false,
            [new IntensityItem("7", "X: hi", "X", ["Joy", "Fear", "Awe", "Calm"], [1, 2, 3, 4], null, "prompt")]).ToJson());
        await store.SaveUnderstandingSetAsync("mine", (set with { Origin = "changed" }).ToJson());

        Assert.Equal(["b-set", "mine"], await store.GetUnderstandingSetNamesAsync());
        var read = UnderstandingSet.FromJson((await store.GetUnderstandingSetAsync("mine"))!);
        Assert.Equal("changed", read.Origin);
        Assert.Equal([4.0, 3, 2, 1], read.Allocation[0].Standard);
        Assert.Equal([1.0, 2.0], read.Norm!.Sample!);
        Assert.Equal("prompt", UnderstandingSet.FromJson((await store.GetUnderstandingSetAsync("b-set"))!).Intensity[0].Prompt);
        Assert.Null(await store.GetUnderstandingSetAsync("none"));
    }

    [Fact]
    public async Task Invalid_answers_are_refused()
    {
        var store = await CreateStoreAsync();
        await Assert.ThrowsAsync<ArgumentException>(() => store.AddUnderstandingAnswerAsync(Answer("a", "human", "p", "i", [1, 2, 3], 1)));
        await Assert.ThrowsAsync<ArgumentException>(() => store.AddUnderstandingTestAsync(Test("t", "human", "p", double.NaN)));
    }
}
