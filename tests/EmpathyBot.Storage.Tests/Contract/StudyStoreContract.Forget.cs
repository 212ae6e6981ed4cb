using EmpathyBot.Core.Appraisal;
using EmpathyBot.Core.Study;
using EmpathyBot.Core.Summary;
using EmpathyBot.Core.Understanding;
using EmpathyBot.Core.Ports;

namespace EmpathyBot.Storage.Tests.Contract;

// Withdrawal across every kind of record: the store that forgot a participant must read exactly like a store
// that never had them.
public abstract partial class StudyStoreContract
{
    private static UnderstandingAnswer QuizAnswer(string id, string? participant, string item, double[] values, double? score, string source = Sources.Human) =>
        new(id, source, participant, "allocation", item, values, score, T0);

    private static AppraisalAnswer Feelings(string id, string participant, string condition, int pa, int na) =>
        new(id, Sources.Human, participant, condition, condition == "evoked" ? "Anger" : "", condition == "evoked" ? "Unfair | rude" : "",
            null, null, new PanasScore(pa, na), Enumerable.Repeat(3, 20).ToArray(), T0);

    /// <summary>Everyone but alice: bob and carol write, rate, take the quiz and the feelings check.</summary>
    private static async Task<IStudyStore> OthersAsync(IStudyStore store)
    {
        await store.UpsertPromptsAsync([Prompt("p1"), Prompt("p2")]);
        await store.AddReplyAsync(Human("b1", "p2", "bob"));
        await store.AddReplyAsync(Model("m1", "p1"));
        await store.AddRatingAsync(Rate("b1", "carol", RatingValue.Good));
        await store.AddRatingAsync(Rate("m1", "carol", RatingValue.Bad));
        await store.AddRatingAsync(Rate("b1", "dave", RatingValue.Okay));
        await store.RecordConsentAsync("bob", T0);
        Assert.True(await store.TrySaveStateAsync("bob", "{}", 0));
        await store.AddUnderstandingAnswerAsync(QuizAnswer("ub1", "bob", "i1", [2, 2, 3, 3], 2.25));
        await store.AddUnderstandingAnswerAsync(QuizAnswer("ub2", "bob", "i2", [0, 0, 0, 4], 0.75));
        await store.AddUnderstandingAnswerAsync(QuizAnswer("ug1", null, "i1", [1, 2, 3, 4], 1.25, "gpt"));
        await store.AddUnderstandingTestAsync(new UnderstandingTest("ubt", Sources.Human, "bob", "allocation", 2, 2.5, T0));
        await store.AddAppraisalAnswerAsync(Feelings("fb1", "bob", "default", 34, 16));
        await store.AddAppraisalAnswerAsync(Feelings("fb2", "bob", "evoked", 25, 25));
        await store.RecordAttentionCheckAsync(new AttentionCheck("carol", "gold-1", true, T0), 1);
        return store;
    }

    /// <summary>Alice leaves a record of every kind, in the same cells as the others so no counter has to drop to zero.</summary>
    private static async Task AliceAsync(IStudyStore store)
    {
        await store.AddReplyAsync(Human("a1", "p1", "alice"));
        await store.AddRatingAsync(Rate("a1", "bob", RatingValue.Good));
        await store.AddRatingAsync(Rate("a1", "carol", RatingValue.Bad));
        await store.AddRatingAsync(Rate("b1", "alice", RatingValue.Okay));
        await store.AddRatingAsync(Rate("m1", "alice", RatingValue.Good));
        await store.RecordConsentAsync("alice", T0);
        Assert.True(await store.TrySaveStateAsync("alice", "{\"step\":1}", 0));
        await store.AddUnderstandingAnswerAsync(QuizAnswer("ua1", "alice", "i1", [4, 3, 2, 1], 1.5));
        await store.AddUnderstandingAnswerAsync(QuizAnswer("ua2", "alice", "i2", [1, 1, 1, 1], 0.5));
        await store.AddUnderstandingTestAsync(new UnderstandingTest("uat", Sources.Human, "alice", "allocation", 2, 1.0, T0));
        await store.AddAppraisalAnswerAsync(Feelings("fa1", "alice", "default", 30, 12));
        await store.AddAppraisalAnswerAsync(Feelings("fa2", "alice", "evoked", 20, 30));
        // A failed attention check excludes her, so her ratings sit in the excluded counts when she leaves.
        await store.RecordAttentionCheckAsync(new AttentionCheck("alice", "gold-1", false, T0), 1);
    }

    [Fact]
    public async Task Forget_deletes_and_reports_every_kind_of_record_and_leaves_the_store_as_if_they_never_took_part()
    {
        var withAlice = await OthersAsync(await CreateStoreAsync());
        await AliceAsync(withAlice);
        var without = await OthersAsync(await CreateStoreAsync());

        var result = await withAlice.ForgetAsync("alice");

        Assert.Equal(new ForgetResult(Replies: 1, Ratings: 2, Consent: true, RatingsOfTheirReplies: 2, ConversationState: true,
            UnderstandingAnswers: 2, UnderstandingTests: 1, AppraisalAnswers: 2, AttentionChecks: 1), result);
        Assert.Null(await withAlice.GetReplyAsync("a1"));
        Assert.Null(await withAlice.GetConsentAsync("alice"));
        Assert.Null(await withAlice.GetStateAsync("alice"));
        Assert.Empty(await withAlice.GetAppraisalAnswersAsync("alice"));
        Assert.Equal(["ub1", "ub2"], (await withAlice.GetUnderstandingAnswersAsync("allocation", Sources.Human)).Select(a => a.Id).Order());
        Assert.Equal(new RaterQuality("alice", 0, 0, 0, false), await withAlice.GetRaterQualityAsync("alice"));
        await AssertSameAggregatesAsync(without, withAlice);

        Assert.Equal(ForgetResult.Nothing, await withAlice.ForgetAsync("alice"));
    }

    private static async Task AssertSameAggregatesAsync(IStudyStore expected, IStudyStore actual)
    {
        Assert.Equal(await expected.GetCountersAsync(), await actual.GetCountersAsync());
        var (q1, q2) = (await expected.GetQualityAsync(), await actual.GetQualityAsync());
        Assert.Equal(q1.Cells, q2.Cells);
        Assert.Equal(q1.Agreement, q2.Agreement);
        Assert.Equal(q1.ExcludedRaters, q2.ExcludedRaters);
        Assert.Equal(await expected.GetAppraisalCellsAsync(), await actual.GetAppraisalCellsAsync());
        Assert.Equal(Items(await expected.GetUnderstandingItemStatsAsync("allocation")), Items(await actual.GetUnderstandingItemStatsAsync("allocation")));
        Assert.Equal(await expected.GetUnderstandingTestCellsAsync(), await actual.GetUnderstandingTestCellsAsync());
        Assert.Equal(await expected.GetUnderstandingScoresAsync("allocation", Sources.Human), await actual.GetUnderstandingScoresAsync("allocation", Sources.Human));
        Assert.Equal(await ToListAsync(expected.ExportRatingsAsync()), await ToListAsync(actual.ExportRatingsAsync()));
        Assert.Equal(await RatableAsync(expected, "erin", 5), await RatableAsync(actual, "erin", 5));

        static IEnumerable<string> Items(IEnumerable<UnderstandingItemStats> stats) =>
            stats.Select(s => $"{s.Source}/{s.ItemId}: n={s.N} sums={string.Join(',', s.ValueSums)} scored={s.Scored} score={s.ScoreSum}");
    }
}
