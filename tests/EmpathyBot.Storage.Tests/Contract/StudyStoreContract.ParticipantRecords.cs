using EmpathyBot.Core.Study;
using EmpathyBot.Core.Understanding;
using EmpathyBot.Core.Ports;

namespace EmpathyBot.Storage.Tests.Contract;

// The participant record (channel, panel ids, completion) and the activity counts a protocol reads its progress from.
public abstract partial class StudyStoreContract
{
    private static readonly ExternalIds Prolific = new("5f1e2d3c4b5a69788796a5b4", "study-1", "session_9");

    [Fact]
    public async Task A_participant_record_is_read_with_the_consent_and_exported_one_row_per_consented_participant()
    {
        var store = await CreateStoreAsync();
        await store.RecordConsentAsync("alice", T0);
        await store.RecordEnrolmentAsync("alice", "webchat", Prolific);
        await store.RecordConsentAsync("bob", T0.AddMinutes(1));

        var alice = await store.GetParticipantRecordAsync("alice");
        Assert.Equal(new ParticipantRecord("alice", "webchat", T0, Prolific, null, null), alice);
        // Consented before records existed: a row all the same, with what is known.
        Assert.Equal(new ParticipantRecord("bob", "", T0.AddMinutes(1), ExternalIds.None, null, null), await store.GetParticipantRecordAsync("bob"));
        Assert.Null(await store.GetParticipantRecordAsync("nobody"));

        var all = new List<ParticipantRecord>();
        await foreach (var r in store.ExportParticipantRecordsAsync()) all.Add(r);
        Assert.Equal(["alice", "bob"], all.Select(r => r.Participant));
    }

    [Fact]
    public async Task The_first_completion_stands_and_enrolment_again_replaces_the_ids_but_not_the_completion()
    {
        var store = await CreateStoreAsync();
        await store.RecordConsentAsync("alice", T0);
        await store.RecordEnrolmentAsync("alice", "webchat", Prolific);

        Assert.True(await store.RecordCompletionAsync("alice", T0.AddHours(1), "C0DE"));
        Assert.False(await store.RecordCompletionAsync("alice", T0.AddHours(2), "OTHER"));
        await store.RecordEnrolmentAsync("alice", "msteams", new ExternalIds(StudyId: "study-2"));

        var record = await store.GetParticipantRecordAsync("alice");
        Assert.Equal(new ParticipantRecord("alice", "msteams", T0, new ExternalIds(StudyId: "study-2"), T0.AddHours(1), "C0DE"), record);
    }

    [Fact]
    public async Task Forget_deletes_the_participant_record_and_reports_it()
    {
        var store = await CreateStoreAsync();
        await store.RecordConsentAsync("alice", T0);
        await store.RecordEnrolmentAsync("alice", "webchat", Prolific);
        await store.RecordCompletionAsync("alice", T0.AddHours(1), "C0DE");

        var result = await store.ForgetAsync("alice");

        Assert.True(result.ParticipantRecord);
        Assert.True(result.Consent);
        Assert.Null(await store.GetParticipantRecordAsync("alice"));
        await store.RecordConsentAsync("alice", T0.AddDays(1));
        // Consenting again starts a clean record: no ids or completion survive the withdrawal.
        Assert.Equal(new ParticipantRecord("alice", "", T0.AddDays(1), ExternalIds.None, null, null), await store.GetParticipantRecordAsync("alice"));
        Assert.False((await store.ForgetAsync("nobody")).ParticipantRecord);
    }

    [Fact]
    public async Task Activity_counts_replies_rating_cards_quizzes_and_finished_feelings_checks_of_the_participant_only()
    {
        var store = await CreateStoreAsync();
        Assert.Equal(ParticipantActivity.None, await store.GetActivityAsync("alice"));
        await store.UpsertPromptsAsync([Prompt("p1"), Prompt("p2")]);
        await store.AddReplyAsync(Human("a1", "p1", "alice"));
        await store.AddReplyAsync(Human("a2", "p2", "alice"));
        await store.AddReplyAsync(Human("b1", "p1", "bob"));
        await store.AddReplyAsync(Model("m1", "p1"));
        await store.AddRatingAsync(Rate("b1", "alice", RatingValue.Good));
        await store.AddRatingAsync(Rate("m1", "alice", RatingValue.Bad));
        await store.AddRatingAsync(Rate("m1", "bob", RatingValue.Good));
        await store.RecordAttentionCheckAsync(new AttentionCheck("alice", "gold-1", true, T0), 2);
        // One quiz of two item sets is one quiz.
        await store.AddUnderstandingTestAsync(new UnderstandingTest("q1|allocation", Sources.Human, "alice", "allocation", 3, 2.5, T0));
        await store.AddUnderstandingTestAsync(new UnderstandingTest("q1|intensity", Sources.Human, "alice", "intensity", 3, 70, T0));
        await store.AddAppraisalAnswerAsync(Feelings("f1", "alice", "default", 30, 15));
        await store.AddAppraisalAnswerAsync(Feelings("f2", "alice", "evoked", 25, 25));

        Assert.Equal(new ParticipantActivity(Replies: 2, Ratings: 3, Quizzes: 1, Appraisals: 1), await store.GetActivityAsync("alice"));
        Assert.Equal(new ParticipantActivity(Replies: 1, Ratings: 1, Quizzes: 0, Appraisals: 0), await store.GetActivityAsync("bob"));

        // One failed check excludes bob under this bound; the activity says so (a protocol waives his rate steps).
        await store.RecordAttentionCheckAsync(new AttentionCheck("bob", "gold-2", false, T0), 1);
        Assert.Equal(new ParticipantActivity(Replies: 1, Ratings: 2, Quizzes: 0, Appraisals: 0, RaterExcluded: true), await store.GetActivityAsync("bob"));
        Assert.False((await store.GetActivityAsync("alice")).RaterExcluded);

        Assert.Equal([new SourceRatings("gpt", 0, 0, 1), new SourceRatings(Sources.Human, 1, 0, 0)], await store.GetRatingsBySourceAsync("alice"));
        Assert.Empty(await store.GetRatingsBySourceAsync("carol"));
    }
}
