using EmpathyBot.Core.Appraisal;
using EmpathyBot.Core.Ports;
using EmpathyBot.Core.Study;

namespace EmpathyBot.Storage.Tests.Contract;

// The full export: every record of every kind comes out once, in the documented order, with every field intact;
// a withdrawn participant comes out nowhere.
public abstract partial class StudyStoreContract
{
    /// <summary>The others of the withdrawal tests, plus an excluded reply, a gold offer, a failed check and a contender test.</summary>
    private async Task<IStudyStore> EveryKindAsync()
    {
        var store = await OthersAsync(await CreateStoreAsync());
        await store.AddReplyAsync(Model("m2", "p2", "claude", excluded: "reveals a model"));
        await store.AddUnderstandingTestAsync(new UnderstandingTest("ugt", "gpt", null, "allocation", 1, 1.25, T0.AddMinutes(5)));
        await store.AddAppraisalAnswerAsync(new AppraisalAnswer("fg1", "gpt", null, "evoked", "Fear", "Threat", "bench", "s-7",
            new PanasScore(10, 40), Enumerable.Range(1, 20).Select(i => i % 5 + 1).ToArray(), T0.AddMinutes(9)));
        await store.RecordAttentionCheckAsync(new AttentionCheck("dave", "gold-2", false, T0.AddMinutes(3)), 5);
        await store.RecordConsentAsync("carol", T0.AddMinutes(2));
        Assert.NotNull(await store.NextReplyToRateAsync("erin", 3, "gold-9"));
        Assert.NotNull(await store.NextReplyToRateAsync("frank", 3));
        return store;
    }

    [Fact]
    public async Task Export_streams_every_record_of_every_kind_in_order_with_every_field()
    {
        var store = await EveryKindAsync();

        Assert.Equal([Prompt("p1"), Prompt("p2")], await ToListAsync(store.ExportPromptsAsync()));

        var replies = await ToListAsync(store.ExportRepliesAsync());
        Assert.Equal(["b1", "m1", "m2"], replies.Select(r => r.Id));
        Assert.Equal(Human("b1", "p2", "bob"), replies[0]);
        Assert.Equal(Model("m1", "p1"), replies[1]);
        Assert.Equal(Model("m2", "p2", "claude", excluded: "reveals a model"), replies[2]);

        Assert.Equal([new ParticipantConsent("bob", T0), new ParticipantConsent("carol", T0.AddMinutes(2))], await ToListAsync(store.ExportConsentsAsync()));

        Assert.Equal(
            [new AttentionCheck("carol", "gold-1", true, T0), new AttentionCheck("dave", "gold-2", false, T0.AddMinutes(3))],
            await ToListAsync(store.ExportAttentionChecksAsync()));

        var offers = await ToListAsync(store.ExportRatingOffersAsync());
        Assert.Equal(["erin", "frank"], offers.Select(o => o.Rater));
        Assert.Equal(new RatingOffer("erin", "gold-9", RatingOfferKind.Gold), offers[0]);
        Assert.Equal(RatingOfferKind.Reply, offers[1].Kind);
        Assert.Contains(offers[1].ItemId, new[] { "b1", "m1" });

        var answers = await ToListAsync(store.ExportUnderstandingAnswersAsync());
        Assert.Equal(["ub1|bob|i1|2,2,3,3|2.25", "ub2|bob|i2|0,0,0,4|0.75", "ug1||i1|1,2,3,4|1.25"],
            answers.Select(a => $"{a.Id}|{a.Participant}|{a.ItemId}|{string.Join(',', a.Values)}|{a.Score}"));
        Assert.All(answers, a => Assert.Equal(T0, a.At));

        Assert.Equal(
            [new UnderstandingTest("ubt", Sources.Human, "bob", "allocation", 2, 2.5, T0), new UnderstandingTest("ugt", "gpt", null, "allocation", 1, 1.25, T0.AddMinutes(5))],
            await ToListAsync(store.ExportUnderstandingTestsAsync()));

        var feelings = await ToListAsync(store.ExportAppraisalAnswersAsync());
        Assert.Equal(["fb1", "fb2", "fg1"], feelings.Select(a => a.Id));
        var contender = feelings[2];
        Assert.Equal(("gpt", (string?)null, "evoked", "Fear", "Threat", "bench", "s-7", 10, 40, T0.AddMinutes(9)),
            (contender.Source, contender.Participant, contender.Condition, contender.Emotion, contender.Factor, contender.SituationSet,
                contender.SituationId, contender.Score.Pa, contender.Score.Na, contender.At));
        Assert.Equal(Enumerable.Range(1, 20).Select(i => i % 5 + 1), contender.Items);
    }

    [Fact]
    public async Task Export_of_a_withdrawn_participant_has_none_of_their_records()
    {
        var store = await OthersAsync(await CreateStoreAsync());
        await AliceAsync(store);
        await store.ForgetAsync("alice");

        Assert.DoesNotContain(await ToListAsync(store.ExportRepliesAsync()), r => r.Author == "alice");
        Assert.DoesNotContain(await ToListAsync(store.ExportConsentsAsync()), c => c.Participant == "alice");
        Assert.DoesNotContain(await ToListAsync(store.ExportAttentionChecksAsync()), c => c.Rater == "alice");
        Assert.DoesNotContain(await ToListAsync(store.ExportUnderstandingAnswersAsync()), a => a.Participant == "alice");
        Assert.DoesNotContain(await ToListAsync(store.ExportUnderstandingTestsAsync()), t => t.Participant == "alice");
        Assert.DoesNotContain(await ToListAsync(store.ExportAppraisalAnswersAsync()), a => a.Participant == "alice");
        Assert.DoesNotContain(await ToListAsync(store.ExportRatingOffersAsync()), o => o.Rater == "alice");
    }
}
