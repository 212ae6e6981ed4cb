using EmpathyBot.Core.Appraisal;
using EmpathyBot.Core.Ports;
using EmpathyBot.Storage;

namespace EmpathyBot.Storage.Tests.Appraisal;

/// <summary>What every store must do for the appraisal. Derive once per implementation.</summary>
public abstract class AppraisalStoreContract
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    protected abstract Task<IStudyStore> CreateStoreAsync();

    private static AppraisalAnswer Answer(string id, string source, string? participant, string condition, int pa, int na,
        string emotion = "", string factor = "") =>
        new(id, source, participant, condition, emotion, factor, emotion.Length > 0 ? "core" : null, emotion.Length > 0 ? "1.1.1" : null,
            new PanasScore(pa, na), Enumerable.Repeat(3, 20).ToArray(), T0);

    [Fact]
    public async Task Answers_bump_counters_per_group_and_duplicates_change_nothing()
    {
        var store = await CreateStoreAsync();

        Assert.True(await store.AddAppraisalAnswerAsync(Answer("a", "human", "p1", "default", 30, 12)));
        Assert.True(await store.AddAppraisalAnswerAsync(Answer("b", "human", "p2", "default", 34, 16)));
        Assert.True(await store.AddAppraisalAnswerAsync(Answer("c", "human", "p1", "evoked", 20, 30, "Anger", "Unfair | rude")));
        Assert.True(await store.AddAppraisalAnswerAsync(Answer("d", "gpt", null, "evoked", 25, 25, "Anger", "Unfair | rude")));
        Assert.False(await store.AddAppraisalAnswerAsync(Answer("a", "human", "p1", "default", 50, 50)));

        var cells = await store.GetAppraisalCellsAsync();
        Assert.Equal(3, cells.Count);
        var defaults = cells.Single(c => c.Source == "human" && c.Condition == "default");
        Assert.Equal(new AppraisalMoments(2, 64, 30 * 30 + 34 * 34, 28, 12 * 12 + 16 * 16), defaults.Moments);
        var evoked = cells.Single(c => c.Source == "human" && c.Condition == "evoked");
        Assert.Equal(("Anger", "Unfair | rude"), (evoked.Emotion, evoked.Factor));
        Assert.Equal(1, cells.Single(c => c.Source == "gpt").Moments.N);
    }

    [Fact]
    public async Task Each_group_counts_its_distinct_people_and_forgetting_takes_them_out()
    {
        var store = await CreateStoreAsync();
        await store.AddAppraisalAnswerAsync(Answer("a", "human", "p1", "default", 30, 12));
        await store.AddAppraisalAnswerAsync(Answer("b", "human", "p1", "default", 31, 13));
        await store.AddAppraisalAnswerAsync(Answer("c", "human", "p2", "default", 34, 16));
        await store.AddAppraisalAnswerAsync(Answer("d", "human", "p1", "evoked", 20, 30, "Anger", "x"));
        await store.AddAppraisalAnswerAsync(Answer("e", "gpt", null, "default", 25, 25));

        var cells = await store.GetAppraisalCellsAsync();
        var defaults = cells.Single(c => c.Source == "human" && c.Condition == "default");
        Assert.Equal((3L, 2L), (defaults.Moments.N, defaults.People));
        Assert.Equal(1, cells.Single(c => c.Source == "human" && c.Condition == "evoked").People);
        Assert.Equal(0, cells.Single(c => c.Source == "gpt").People);

        await store.ForgetAsync("p1");
        Assert.Equal((1L, 1L), Pair(Assert.Single(await store.GetAppraisalCellsAsync(), c => c.Source == "human")));

        // Coming back after withdrawal counts again, once.
        await store.AddAppraisalAnswerAsync(Answer("f", "human", "p1", "default", 30, 12));
        Assert.Equal((2L, 2L), Pair(Assert.Single(await store.GetAppraisalCellsAsync(), c => c.Source == "human")));
    }

    private static (long N, long People) Pair(AppraisalCell cell) => (cell.Moments.N, cell.People);

    [Fact]
    public async Task Published_groups_are_kept_and_forgetting_someone_with_answers_counts_a_withdrawal()
    {
        var store = await CreateStoreAsync();
        Assert.Equal(0, (await store.GetPeopleReleasesAsync()).Withdrawals);
        await store.SavePeopleReleasesAsync(new Dictionary<string, string> { ["a"] = "{\"x\":1}", ["b"] = "{}" });
        await store.SavePeopleReleasesAsync(new Dictionary<string, string> { ["a"] = "{\"x\":2}" });
        await store.AddAppraisalAnswerAsync(Answer("a", "human", "p1", "default", 30, 12));

        await store.ForgetAsync("nobody");
        Assert.Equal(0, (await store.GetPeopleReleasesAsync()).Withdrawals);
        await store.ForgetAsync("p1");

        var releases = await store.GetPeopleReleasesAsync();
        Assert.Equal(1, releases.Withdrawals);
        Assert.Equal("{\"x\":2}", releases.Groups["a"]);
        Assert.Equal("{}", releases.Groups["b"]);
    }

    [Fact]
    public async Task A_participant_reads_back_their_answers_in_order()
    {
        var store = await CreateStoreAsync();
        await store.AddAppraisalAnswerAsync(Answer("a", "human", "p1", "default", 30, 12));
        await store.AddAppraisalAnswerAsync(Answer("c", "human", "p1", "evoked", 20, 30, "Fear", "Danger") with { At = T0.AddMinutes(1) });

        var answers = await store.GetAppraisalAnswersAsync("p1");

        Assert.Equal(["a", "c"], answers.Select(a => a.Id));
        Assert.Equal(new PanasScore(20, 30), answers[1].Score);
        Assert.Equal(("Fear", "Danger", "core", "1.1.1"), (answers[1].Emotion, answers[1].Factor, answers[1].SituationSet, answers[1].SituationId));
        Assert.Equal(20, answers[1].Items.Count);
        Assert.Empty(await store.GetAppraisalAnswersAsync("nobody"));
    }

    [Fact]
    public async Task Forgetting_a_participant_takes_their_answers_out_of_the_counters()
    {
        var store = await CreateStoreAsync();
        await store.AddAppraisalAnswerAsync(Answer("a", "human", "p1", "default", 30, 12));
        await store.AddAppraisalAnswerAsync(Answer("b", "human", "p2", "default", 34, 16));
        await store.AddAppraisalAnswerAsync(Answer("c", "human", "p1", "evoked", 20, 30, "Anger", "x"));

        Assert.Equal(ForgetResult.Nothing with { AppraisalAnswers = 2 }, await store.ForgetAsync("p1"));

        var cells = await store.GetAppraisalCellsAsync();
        Assert.Equal(new AppraisalMoments(1, 34, 34 * 34, 16, 16 * 16), Assert.Single(cells).Moments);
        Assert.Empty(await store.GetAppraisalAnswersAsync("p1"));
    }

    [Fact]
    public async Task Withdrawal_through_ForgetAsync_also_removes_appraisal_answers()
    {
        var store = await CreateStoreAsync();
        await store.RecordConsentAsync("p1", T0);
        await store.AddAppraisalAnswerAsync(Answer("a", "human", "p1", "default", 30, 12));

        Assert.Equal(ForgetResult.Nothing with { Consent = true, AppraisalAnswers = 1 }, await store.ForgetAsync("p1"));

        Assert.Empty(await store.GetAppraisalCellsAsync());
    }

    [Fact]
    public async Task Situation_sets_are_saved_replaced_and_listed()
    {
        var store = await CreateStoreAsync();
        Assert.Null(await store.GetSituationSetAsync("emotionbench"));

        await store.SaveSituationSetAsync("emotionbench", "{\"emotions\":[]}");
        await store.SaveSituationSetAsync("emotionbench", "{\"emotions\":[1]}");
        await store.SaveSituationSetAsync("alpha", "{}");

        Assert.Equal("{\"emotions\":[1]}", await store.GetSituationSetAsync("emotionbench"));
        Assert.Equal(["alpha", "emotionbench"], await store.GetSituationSetNamesAsync());
    }

    [Fact]
    public async Task Invalid_answers_are_refused()
    {
        var store = await CreateStoreAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => store.AddAppraisalAnswerAsync(Answer("x", "human", "p", "later", 30, 30)));
        await Assert.ThrowsAsync<ArgumentException>(() => store.AddAppraisalAnswerAsync(Answer("x", "human", "p", "default", 30, 30) with { Items = [1, 2] }));
    }
}
