using EmpathyBot.Core.Integrity;
using EmpathyBot.Core.Interchange;
using EmpathyBot.Core.Ports;
using EmpathyBot.Core.Study;
using Microsoft.Extensions.Time.Testing;

namespace EmpathyBot.Storage.Tests.Contract;

/// <summary>
/// Pairwise battles: every <see cref="IStudyStore"/> records the pair cards it gives, counts a verdict only for a card
/// offered to that rater and only once, never pairs a rater's own reply, balances pairs of sources and forgets a
/// participant's battles. Derived once per implementation, like <see cref="StudyStoreContract"/>.
/// </summary>
public abstract class BattleStoreContract
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private const string GoldId = "h-00112233aabbccdd";

    protected abstract Task<IStudyStore> CreateStoreAsync(TimeProvider? time = null);

    private static Reply Human(string id, string author, string prompt = "p1") => new(id, prompt, Sources.Human, $"reply {id}", author, T0);

    private static Reply Model(string id, string source, string prompt = "p1") => new(id, prompt, source, $"model {id} says more words", null, T0);

    private async Task<(IStudyStore Store, FakeTimeProvider Clock)> StoreAsync(params Reply[] replies)
    {
        var clock = new FakeTimeProvider(T0);
        var store = await CreateStoreAsync(clock);
        await store.UpsertPromptsAsync([new StudyPrompt("p1", "sad", "situation", "utterance", "s1"), new StudyPrompt("p2", "joyful", "", "yay", "s1")]);
        foreach (var reply in replies) await store.AddReplyAsync(reply);
        return (store, clock);
    }

    private static async Task<List<BattleRecord>> BattlesAsync(IStudyStore store) => await store.ExportBattlesAsync().ToListAsync();

    [Fact]
    public async Task A_verdict_counts_only_for_the_card_offered_to_that_rater_and_only_once()
    {
        var (store, clock) = await StoreAsync(Human("h1", "alice"), Model("m1", "gpt"));

        var card = await store.NextPairAsync("bob");
        Assert.NotNull(card);
        Assert.Equal("gpt", card.A.Source); // battle order: the source that sorts first is A
        Assert.Equal("p1", card.Prompt.Id);
        Assert.Null(card.Gold);

        Assert.Equal(PairAnswerOutcome.NotOffered, (await store.AnswerPairAsync("carol", card.Id, PairChoice.Left, T0)).Outcome);
        Assert.Equal(PairAnswerOutcome.NotOffered, (await store.AnswerPairAsync("bob", "h-ffffffffffffffff", PairChoice.Left, T0)).Outcome);
        Assert.Empty(await BattlesAsync(store));

        clock.Advance(TimeSpan.FromSeconds(40));
        var answer = await store.AnswerPairAsync("bob", card.Id, PairChoice.Left, clock.GetUtcNow());
        Assert.Equal(PairAnswerOutcome.Recorded, answer.Outcome);
        var expected = card.Left == BattleSide.A ? BattleWinner.A : BattleWinner.B;
        Assert.Equal(expected, answer.Winner);
        Assert.Equal(card.Left, answer.Offer!.Left);
        Assert.Equal(PairAnswerOutcome.AlreadyAnswered, (await store.AnswerPairAsync("bob", card.Id, PairChoice.Right, clock.GetUtcNow())).Outcome);

        var battle = Assert.Single(await BattlesAsync(store));
        Assert.Equal(("bob", "m1", "h1", expected), (battle.Rater, battle.A.Id, battle.B.Id, battle.Winner));
        Assert.Equal(("reply h1", "sad", card.Left), (battle.B.Text, battle.Prompt.Emotion, battle.Left));
        Assert.Equal(T0, battle.OfferedAt);
        Assert.Equal(T0.AddSeconds(40), battle.AnsweredAt);
        Assert.False(battle.RaterExcluded);
    }

    [Fact]
    public async Task A_rater_never_meets_their_own_reply_nor_a_pair_twice_and_people_are_one_source()
    {
        var (store, _) = await StoreAsync(Human("h1", "bob"), Human("h2", "carol"), Model("m1", "gpt"));

        var card = await store.NextPairAsync("bob");
        Assert.Equal(["h2", "m1"], new[] { card!.A.Id, card.B.Id }.Order());
        Assert.Null(await store.NextPairAsync("bob"));

        var seen = new HashSet<string>();
        for (var i = 0; i < 2; i++)
        {
            var next = await store.NextPairAsync("dave");
            Assert.NotNull(next);
            Assert.NotEqual(next.A.Source, next.B.Source);
            Assert.True(seen.Add(next.A.Id + "|" + next.B.Id));
        }

        Assert.Null(await store.NextPairAsync("dave"));
    }

    [Fact]
    public async Task The_least_compared_pair_of_sources_comes_first()
    {
        var (store, _) = await StoreAsync(Human("h1", "alice"), Model("m1", "gpt"), Model("m2", "claude"), Model("m3", "gpt", "p2"), Model("m4", "claude", "p2"));

        var pairs = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var card = await store.NextPairAsync($"rater{i}");
            pairs.Add(card!.A.Source + "|" + card.B.Source);
        }

        Assert.Equal(["claude|gpt", "claude|human", "gpt|human"], pairs.Order());
    }

    [Fact]
    public async Task A_gold_card_is_an_attention_check_not_a_battle_and_leaves_the_real_pair_unseen()
    {
        var (store, _) = await StoreAsync(Human("h1", "alice"), Model("m1", "gpt"));

        var card = await store.NextPairAsync("bob", GoldId);
        Assert.NotNull(card!.Gold);
        var goldReply = card.Gold == BattleSide.A ? card.A : card.B;
        Assert.Equal(GoldId, goldReply.Id);

        var answer = await store.AnswerPairAsync("bob", card.Id, PairChoice.Tie, T0);
        Assert.Equal(PairAnswerOutcome.Recorded, answer.Outcome);
        Assert.Equal(card.Gold, answer.Offer!.Gold);
        Assert.Empty(await BattlesAsync(store));
        Assert.NotNull(await store.NextPairAsync("bob"));
    }

    [Fact]
    public async Task Forget_deletes_the_participants_verdicts_offers_and_every_battle_of_their_replies()
    {
        var (store, _) = await StoreAsync(Human("h1", "alice"), Model("m1", "gpt"), Model("m2", "claude"));
        for (var i = 0; i < 3; i++)
        {
            var card = await store.NextPairAsync("bob");
            await store.AnswerPairAsync("bob", card!.Id, PairChoice.BothBad, T0);
        }

        var carol = await store.NextPairAsync("carol");
        Assert.Equal(PairAnswerOutcome.Recorded, (await store.AnswerPairAsync("carol", carol!.Id, PairChoice.Right, T0)).Outcome);
        Assert.Equal(4, (await BattlesAsync(store)).Count);

        var bob = await store.ForgetAsync("bob");
        Assert.Equal(3, bob.Battles);
        Assert.Equal(["carol"], (await BattlesAsync(store)).Select(b => b.Rater));

        await store.ForgetAsync("alice");
        var left = await BattlesAsync(store);
        Assert.All(left, b => Assert.DoesNotContain("h1", new[] { b.A.Id, b.B.Id }));
        Assert.Equal(carol.A.Id == "h1" || carol.B.Id == "h1" ? 0 : 1, left.Count);

        // Bob may be offered everything again, as a stranger would.
        Assert.NotNull(await store.NextPairAsync("bob"));
    }

    [Fact]
    public async Task Import_is_idempotent_puts_rows_in_battle_order_and_counts_each_rater_pair_once()
    {
        var (store, _) = await StoreAsync();
        BattleRow Row(string rater, BattleWinner winner) =>
            new("q1", "afraid", "it was dark", "I heard a noise", "human", "hq1", "That sounds scary.", "gpt", "mq1", "Are you safe now?", rater, winner);
        BattleRow[] rows = [Row("r1", BattleWinner.A), Row("r2", BattleWinner.Tie), Row("r1", BattleWinner.B)];

        var first = await store.ImportBattlesAsync(rows, "imported");
        Assert.Equal(new BattleImportResult(3, 2, 1, 1, 2), first);
        var again = await store.ImportBattlesAsync(rows, "imported");
        Assert.Equal(new BattleImportResult(3, 0, 3, 0, 0), again);

        var battles = await BattlesAsync(store);
        Assert.Equal(2, battles.Count);
        var r1 = battles.Single(b => b.Rater == "r1");
        // human vs gpt in the file; battle order puts gpt first, so human's win is B's.
        Assert.Equal(("gpt", "mq1", "human", BattleWinner.B), (r1.A.Source, r1.A.Id, r1.B.Source, r1.Winner));
        Assert.Null(r1.Left);
        Assert.Null(r1.OfferedAt);
        Assert.Equal("I heard a noise", r1.Prompt.Utterance);
    }

    [Fact]
    public async Task A_rater_excluded_by_attention_checks_is_flagged_on_their_battles()
    {
        var (store, _) = await StoreAsync(Human("h1", "alice"), Model("m1", "gpt"));
        var card = await store.NextPairAsync("bob");
        await store.AnswerPairAsync("bob", card!.Id, PairChoice.Left, T0);
        await store.RecordAttentionCheckAsync(new AttentionCheck("bob", "g1", false, T0), 1);

        Assert.True(Assert.Single(await BattlesAsync(store)).RaterExcluded);
    }

    [Fact]
    public async Task Answered_pair_cards_count_as_rating_cards_in_the_activity_a_protocol_reads_and_a_gold_pair_counts_once()
    {
        var (store, _) = await StoreAsync(Human("h1", "alice"), Model("m1", "gpt"), Model("m2", "claude"));
        var open = await store.NextPairAsync("bob");
        Assert.Equal(0, (await store.GetActivityAsync("bob")).Ratings);

        await store.AnswerPairAsync("bob", open!.Id, PairChoice.Left, T0);
        var gold = await store.NextPairAsync("bob", GoldId);
        await store.AnswerPairAsync("bob", gold!.Id, PairChoice.BothBad, T0);
        // The flow records a gold pair's answer as an attention check, as it does for gold rating cards.
        await store.RecordAttentionCheckAsync(new AttentionCheck("bob", gold.Id, true, T0), 2);
        await store.ImportBattlesAsync([new BattleRow("q1", "afraid", "", "noise", "human", "hq1", "Scary.", "gpt", "mq1", "Safe?", "bob", BattleWinner.A)], "imported");

        // One battle and one gold pair card answered in the chat; an imported battle was not a card the bot gave.
        Assert.Equal(new ParticipantActivity(0, 2, 0, 0), await store.GetActivityAsync("bob"));
        Assert.Equal(ParticipantActivity.None, await store.GetActivityAsync("carol"));
    }

    [Fact]
    public async Task A_verdict_sooner_than_MinSecondsPerCard_after_the_card_was_shown_is_stored_flagged_too_fast()
    {
        var (store, clock) = await StoreAsync(Human("h1", "alice"), Model("m1", "gpt"), Model("m2", "claude"));
        var rules = new RatingRules(MinSecondsPerCard: 2, StraightLineRun: 0);

        var fast = await store.NextPairAsync("bob");
        clock.Advance(TimeSpan.FromSeconds(1.5));
        var fastAnswer = await store.AnswerPairAsync("bob", fast!.Id, PairChoice.Left, clock.GetUtcNow(), rules);
        Assert.Equal((PairAnswerOutcome.Recorded, true), (fastAnswer.Outcome, fastAnswer.TooFast));

        var edge = await store.NextPairAsync("bob");
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.False((await store.AnswerPairAsync("bob", edge!.Id, PairChoice.Right, clock.GetUtcNow(), rules)).TooFast);

        // Without rules (an import, a judge) nothing is flagged.
        var unruled = await store.NextPairAsync("bob");
        Assert.False((await store.AnswerPairAsync("bob", unruled!.Id, PairChoice.Tie, clock.GetUtcNow())).TooFast);

        var battles = (await BattlesAsync(store)).ToDictionary(b => b.Id);
        Assert.Equal(3, battles.Count);
        Assert.True(battles[fast.Id].TooFast);
        Assert.False(battles[edge.Id].TooFast);
        Assert.False(battles[unruled.Id].TooFast);
        // Stored all the same: the rater's progress counts it, as it counts a too-fast rating.
        Assert.Equal(3, (await store.GetActivityAsync("bob")).Ratings);
    }

    [Fact]
    public async Task The_same_button_StraightLineRun_times_in_a_row_excludes_the_rater_and_attention_checks_stay_out_of_the_run()
    {
        var (store, _) = await StoreAsync(Human("h1", "alice"), Model("m1", "gpt"), Model("m2", "claude"), Model("m3", "llama"));
        var rules = new RatingRules(MinSecondsPerCard: 0, StraightLineRun: 3);

        async Task<PairAnswer> AnswerAsync(PairChoice choice, string? gold = null)
        {
            var card = await store.NextPairAsync("bob", gold);
            return await store.AnswerPairAsync("bob", card!.Id, choice, T0, rules);
        }

        Assert.False((await AnswerAsync(PairChoice.Left)).NewlyExcluded);
        Assert.False((await AnswerAsync(PairChoice.Left)).NewlyExcluded);
        // A different button starts the run again.
        Assert.False((await AnswerAsync(PairChoice.Right)).NewlyExcluded);
        Assert.False((await AnswerAsync(PairChoice.Right)).NewlyExcluded);
        Assert.False((await AnswerAsync(PairChoice.Right, GoldId)).NewlyExcluded);
        Assert.False((await store.GetRaterQualityAsync("bob")).Excluded);

        // The third Right on a real pair: the gold card in between did not count.
        Assert.True((await AnswerAsync(PairChoice.Right)).NewlyExcluded);
        Assert.True((await store.GetRaterQualityAsync("bob")).Excluded);
        Assert.All(await BattlesAsync(store), b => Assert.True(b.RaterExcluded));
        Assert.False((await AnswerAsync(PairChoice.Right)).NewlyExcluded);
    }

    [Fact]
    public async Task Forget_reports_the_verdicts_others_gave_on_the_participants_replies()
    {
        var (store, _) = await StoreAsync(Human("h1", "alice"), Model("m1", "gpt"), Model("m2", "claude"));
        for (var i = 0; i < 3; i++)
        {
            var card = await store.NextPairAsync("bob");
            await store.AnswerPairAsync("bob", card!.Id, PairChoice.Left, T0);
        }

        // An open card and a gold card showing alice's reply are not verdicts on it.
        await store.NextPairAsync("carol");
        var gold = await store.NextPairAsync("dave", GoldId);
        await store.AnswerPairAsync("dave", gold!.Id, PairChoice.BothBad, T0);

        var alice = await store.ForgetAsync("alice");

        // Of bob's three pairs, two show h1 (claude-human and gpt-human).
        Assert.Equal((0, 2), (alice.Battles, alice.BattlesOfTheirReplies));
        Assert.Equal(["claude", "gpt"], (await BattlesAsync(store)).SelectMany(b => new[] { b.A.Source, b.B.Source }).Order());
    }

    [Fact]
    public async Task Pair_choices_are_counted_per_source_shown_for_the_end_of_study_reveal()
    {
        var (store, _) = await StoreAsync(Human("h1", "alice"), Model("m1", "gpt"), Model("m2", "claude"));
        var choices = new List<(PairCard Card, PairChoice Choice)>();
        foreach (var choice in new[] { PairChoice.Left, PairChoice.Right, PairChoice.Tie })
        {
            var card = await store.NextPairAsync("bob");
            await store.AnswerPairAsync("bob", card!.Id, choice, T0);
            choices.Add((card, choice));
        }

        var gold = await store.NextPairAsync("carol", GoldId);
        await store.AnswerPairAsync("carol", gold!.Id, PairChoice.Left, T0);
        await store.NextPairAsync("carol");

        // Each source met the other two once; the left or right pick chose the source shown there.
        string? Chosen(PairCard card, PairChoice choice) => choice switch
        {
            PairChoice.Left => card.LeftReply.Source,
            PairChoice.Right => card.RightReply.Source,
            _ => null,
        };
        var expected = new[] { "claude", "gpt", Sources.Human }
            .Select(s => new SourcePairChoices(s, 2, choices.Count(c => Chosen(c.Card, c.Choice) == s))).ToList();
        Assert.Equal(expected, await store.GetPairChoicesBySourceAsync("bob"));
        // A gold pair is an attention check and an unanswered card is no choice.
        Assert.Empty(await store.GetPairChoicesBySourceAsync("carol"));
    }
}
