using EmpathyBot.Core.Judging;
using EmpathyBot.Core.Ports;
using EmpathyBot.Core.Study;

namespace EmpathyBot.Storage.Tests.Contract;

/// <summary>
/// Judges' pairwise verdicts: stored once per (pair, judge, order, repeat), apart from people's battles (no battle,
/// pair balance or offer sees them), and gone with either reply. Derived once per implementation, like
/// <see cref="StudyStoreContract"/>.
/// </summary>
public abstract class PairVerdictStoreContract
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private const string Sha = "a0e1d2c3b4a5968778695a4b3c2d1e0fa0e1d2c3b4a5968778695a4b3c2d1e0f";

    protected abstract Task<IStudyStore> CreateStoreAsync();

    private static PairVerdict Verdict(string a, string b, string judge, PairOrder order, int repeat, BattleWinner? winner, string? raw = null) =>
        new(a, b, judge, order, repeat, winner, raw ?? winner?.ToWire() ?? "I cannot choose", Sha, T0.AddMinutes(repeat + 1));

    /// <summary>Prompt p1 with contender replies m1 (gpt), c1 (claude) and alice's reply h1.</summary>
    private async Task<IStudyStore> RepliesAsync()
    {
        var store = await CreateStoreAsync();
        await store.UpsertPromptsAsync([new StudyPrompt("p1", "afraid", "situation", "utterance", "s1")]);
        await store.AddReplyAsync(new Reply("c1", "p1", "claude", "claude reply", null, T0));
        await store.AddReplyAsync(new Reply("m1", "p1", "gpt", "model reply", null, T0));
        await store.AddReplyAsync(new Reply("h1", "p1", Sources.Human, "alice's reply", "alice", T0));
        return store;
    }

    [Fact]
    public async Task A_pair_verdict_is_stored_once_per_pair_judge_order_and_repeat_and_only_for_known_replies()
    {
        var store = await RepliesAsync();
        Assert.True(await store.AddPairVerdictAsync(Verdict("m1", "h1", "j1", PairOrder.AB, 0, BattleWinner.A)));
        Assert.False(await store.AddPairVerdictAsync(Verdict("m1", "h1", "j1", PairOrder.AB, 0, BattleWinner.B)));
        Assert.True(await store.AddPairVerdictAsync(Verdict("m1", "h1", "j1", PairOrder.BA, 0, null, "A, no, B")));
        Assert.True(await store.AddPairVerdictAsync(Verdict("m1", "h1", "j1", PairOrder.AB, 1, BattleWinner.BothBad)));
        Assert.True(await store.AddPairVerdictAsync(Verdict("m1", "h1", "a0", PairOrder.AB, 0, BattleWinner.Tie)));
        Assert.False(await store.AddPairVerdictAsync(Verdict("m1", "nope", "j1", PairOrder.AB, 0, BattleWinner.A)));
        Assert.False(await store.AddPairVerdictAsync(Verdict("nope", "h1", "j1", PairOrder.AB, 0, BattleWinner.A)));

        Assert.Equal(
        [
            Verdict("m1", "h1", "a0", PairOrder.AB, 0, BattleWinner.Tie),
            Verdict("m1", "h1", "j1", PairOrder.AB, 0, BattleWinner.A),
            Verdict("m1", "h1", "j1", PairOrder.AB, 1, BattleWinner.BothBad),
            Verdict("m1", "h1", "j1", PairOrder.BA, 0, null, "A, no, B"),
        ], await store.ExportPairVerdictsAsync().ToListAsync());
        Assert.Equal(
            new HashSet<PairVerdictKey> { new("m1", "h1", PairOrder.AB, 0), new("m1", "h1", PairOrder.AB, 1), new("m1", "h1", PairOrder.BA, 0) },
            (await store.GetPairVerdictKeysAsync("j1")).ToHashSet());
        Assert.Empty(await store.GetPairVerdictKeysAsync("nobody"));
    }

    [Fact]
    public async Task Pair_verdicts_never_count_as_battles_nor_as_ratings()
    {
        var store = await RepliesAsync();
        var counters = await store.GetCountersAsync();
        await store.AddPairVerdictAsync(Verdict("m1", "h1", "j1", PairOrder.AB, 0, BattleWinner.A));
        await store.AddPairVerdictAsync(Verdict("c1", "m1", "j1", PairOrder.BA, 0, BattleWinner.B));

        Assert.Empty(await store.ExportBattlesAsync().ToListAsync());
        Assert.Empty(await store.ExportVerdictsAsync().ToListAsync());
        Assert.Empty(await store.ExportRatingsAsync().ToListAsync());
        Assert.Equal(counters.OrderBy(c => c.Source).ThenBy(c => c.Emotion), (await store.GetCountersAsync()).OrderBy(c => c.Source).ThenBy(c => c.Emotion));
        Assert.NotNull(await store.NextPairAsync("bob"));
    }

    [Fact]
    public async Task A_deleted_reply_takes_the_verdicts_on_its_pairs_with_it()
    {
        var store = await RepliesAsync();
        await store.AddPairVerdictAsync(Verdict("m1", "h1", "j1", PairOrder.AB, 0, BattleWinner.A));
        await store.AddPairVerdictAsync(Verdict("h1", "m1", "j2", PairOrder.BA, 0, BattleWinner.B));
        await store.AddPairVerdictAsync(Verdict("c1", "m1", "j1", PairOrder.AB, 0, BattleWinner.Tie));

        Assert.Equal(1, (await store.ForgetAsync("alice")).Replies);

        Assert.Equal([("c1", "m1", "j1")], (await store.ExportPairVerdictsAsync().ToListAsync()).Select(v => (v.ReplyA, v.ReplyB, v.Judge)));
        Assert.Equal(new HashSet<PairVerdictKey> { new("c1", "m1", PairOrder.AB, 0) }, (await store.GetPairVerdictKeysAsync("j1")).ToHashSet());
        Assert.Empty(await store.GetPairVerdictKeysAsync("j2"));
    }
}
