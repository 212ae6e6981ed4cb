using EmpathyBot.Core.Judging;
using EmpathyBot.Core.Ports;
using EmpathyBot.Core.Study;

namespace EmpathyBot.Storage.Tests.Contract;

/// <summary>
/// Judge verdicts: stored once per (reply, judge, repeat), apart from human ratings (no counter, offer or agreement
/// sees them), and gone with their reply. Derived once per implementation, like <see cref="StudyStoreContract"/>.
/// </summary>
public abstract class JudgeStoreContract
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private const string Sha = "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0";

    protected abstract Task<IStudyStore> CreateStoreAsync();

    private static JudgeVerdict Verdict(string reply, string judge, int repeat, RatingValue? rating, string? raw = null) =>
        new(reply, judge, repeat, rating, raw ?? rating?.ToString() ?? "I cannot say", Sha, T0.AddMinutes(repeat + 1));

    /// <summary>Prompt p1 (afraid) with a contender reply m1 and alice's reply h1; p2 (joyful) with m2.</summary>
    private async Task<IStudyStore> RepliesAsync()
    {
        var store = await CreateStoreAsync();
        await store.UpsertPromptsAsync([
            new StudyPrompt("p1", "afraid", "situation", "utterance", "s1"),
            new StudyPrompt("p2", "joyful", "situation two", "utterance two", "s1")]);
        await store.AddReplyAsync(new Reply("m1", "p1", "gpt", "model reply", null, T0));
        await store.AddReplyAsync(new Reply("h1", "p1", Sources.Human, "alice's reply", "alice", T0));
        await store.AddReplyAsync(new Reply("m2", "p2", "gpt", "another model reply", null, T0));
        return store;
    }

    [Fact]
    public async Task A_verdict_is_stored_once_per_reply_judge_and_repeat_and_only_for_a_known_reply()
    {
        var store = await RepliesAsync();
        Assert.True(await store.AddVerdictAsync(Verdict("m1", "j1", 0, RatingValue.Good)));
        Assert.False(await store.AddVerdictAsync(Verdict("m1", "j1", 0, RatingValue.Bad)));
        Assert.True(await store.AddVerdictAsync(Verdict("m1", "j1", 1, null, "Good or bad, hard to tell")));
        Assert.True(await store.AddVerdictAsync(Verdict("m1", "a0", 0, RatingValue.Okay)));
        Assert.False(await store.AddVerdictAsync(Verdict("nope", "j1", 0, RatingValue.Good)));

        var verdicts = await store.GetVerdictsAsync("m1");
        Assert.Equal([("a0", 0), ("j1", 0), ("j1", 1)], verdicts.Select(v => (v.Judge, v.Repeat)));
        Assert.Equal(Verdict("m1", "j1", 0, RatingValue.Good), verdicts[1]);
        Assert.Equal(Verdict("m1", "j1", 1, null, "Good or bad, hard to tell"), verdicts[2]);
        Assert.Equal(new HashSet<VerdictKey> { new("m1", 0), new("m1", 1) }, (await store.GetVerdictKeysAsync("j1")).ToHashSet());
        Assert.Empty(await store.GetVerdictKeysAsync("nobody"));
        Assert.Empty(await store.GetVerdictsAsync("nope"));
    }

    [Fact]
    public async Task Verdicts_never_count_as_human_ratings()
    {
        var store = await RepliesAsync();
        var before = await store.GetCountersAsync();
        await store.AddVerdictAsync(Verdict("m1", "j1", 0, RatingValue.Good));
        await store.AddVerdictAsync(Verdict("m2", "j1", 0, RatingValue.Bad));

        Assert.Equal(before.OrderBy(c => c.Source).ThenBy(c => c.Emotion), (await store.GetCountersAsync()).OrderBy(c => c.Source).ThenBy(c => c.Emotion));
        Assert.Empty((await store.GetQualityAsync()).Agreement);
        Assert.Empty(await store.ExportRatingsAsync().ToListAsync());
        Assert.NotNull(await store.NextReplyToRateAsync("bob", 1));
    }

    [Fact]
    public async Task Judged_replies_carry_source_emotion_and_counted_human_ratings()
    {
        var store = await RepliesAsync();
        await store.AddRatingAsync(new Rating("m1", "bob", RatingValue.Good, T0));
        await store.AddRatingAsync(new Rating("m1", "carol", RatingValue.Bad, T0));
        await store.AddRatingAsync(new Rating("m1", "dave", RatingValue.Good, T0));
        await store.AddVerdictAsync(Verdict("m1", "j1", 0, null, "hmm"));
        await store.AddVerdictAsync(Verdict("m1", "j1", 1, RatingValue.Okay));
        await store.AddVerdictAsync(Verdict("m2", "j1", 0, RatingValue.Good));

        Assert.Equal(
        [
            new JudgedReplyRow("m1", "gpt", "afraid", "j1", 0, null, 2, 0, 1),
            new JudgedReplyRow("m1", "gpt", "afraid", "j1", 1, RatingValue.Okay, 2, 0, 1),
            new JudgedReplyRow("m2", "gpt", "joyful", "j1", 0, RatingValue.Good, 0, 0, 0),
        ], await store.GetJudgedRepliesAsync());
    }

    [Fact]
    public async Task Export_streams_every_verdict_by_reply_judge_and_repeat()
    {
        var store = await RepliesAsync();
        await store.AddVerdictAsync(Verdict("m2", "j1", 0, RatingValue.Good));
        await store.AddVerdictAsync(Verdict("m1", "j2", 0, RatingValue.Bad));
        await store.AddVerdictAsync(Verdict("m1", "j1", 1, null));
        await store.AddVerdictAsync(Verdict("m1", "j1", 0, RatingValue.Okay));

        Assert.Equal([("m1", "j1", 0), ("m1", "j1", 1), ("m1", "j2", 0), ("m2", "j1", 0)],
            (await store.ExportVerdictsAsync().ToListAsync()).Select(v => (v.ReplyId, v.Judge, v.Repeat)));
    }

    [Fact]
    public async Task A_deleted_reply_takes_its_verdicts_with_it()
    {
        var store = await RepliesAsync();
        await store.AddVerdictAsync(Verdict("h1", "j1", 0, RatingValue.Good));
        await store.AddVerdictAsync(Verdict("h1", "j1", 1, RatingValue.Good));
        await store.AddVerdictAsync(Verdict("m1", "j1", 0, RatingValue.Bad));

        Assert.Equal(1, (await store.ForgetAsync("alice")).Replies);

        Assert.Empty(await store.GetVerdictsAsync("h1"));
        Assert.Equal(new HashSet<VerdictKey> { new("m1", 0) }, (await store.GetVerdictKeysAsync("j1")).ToHashSet());
        Assert.Equal(["m1"], (await store.ExportVerdictsAsync().ToListAsync()).Select(v => v.ReplyId));
        Assert.Equal(["m1"], (await store.GetJudgedRepliesAsync()).Select(v => v.ReplyId));
    }
}
