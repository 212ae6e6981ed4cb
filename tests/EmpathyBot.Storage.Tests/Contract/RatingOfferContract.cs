using EmpathyBot.Core.Study;
using EmpathyBot.Core.Ports;

namespace EmpathyBot.Storage.Tests.Contract;

/// <summary>
/// Offers: every <see cref="IStudyStore"/> records which card it gave to whom, with the pick, and a submitted
/// rating counts only for a reply offered to that rater. Derived once per implementation, like <see cref="StudyStoreContract"/>.
/// </summary>
public abstract class RatingOfferContract
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private const string GoldId = "h-00112233aabbccdd";

    protected abstract Task<IStudyStore> CreateStoreAsync();

    private static Rating Rate(string reply, string rater, RatingValue value = RatingValue.Good) => new(reply, rater, value, T0.AddMinutes(5));

    /// <summary>A store with one prompt and one contender reply, m1, in the pool.</summary>
    private async Task<IStudyStore> OneReplyAsync()
    {
        var store = await CreateStoreAsync();
        await store.UpsertPromptsAsync([new StudyPrompt("p1", "sad", "situation", "utterance", "s1")]);
        await store.AddReplyAsync(new Reply("m1", "p1", "gpt", "model reply", null, T0));
        return store;
    }

    private static async Task<long> RatingsAsync(IStudyStore store) => (await store.GetCountersAsync()).Sum(c => c.Counts.Ratings);

    [Fact]
    public async Task A_rating_counts_only_for_a_reply_offered_to_that_rater()
    {
        var store = await OneReplyAsync();

        var strangers = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => store.AddOfferedRatingAsync(Rate("m1", $"stranger{i}"))));
        Assert.All(strangers, o => Assert.Equal(RatingOutcome.NotOffered, o));
        Assert.Null(await store.GetOfferAsync("bob", "m1"));

        Assert.Equal("m1", (await store.NextReplyToRateAsync("bob", 3))!.Id);
        Assert.Equal(RatingOfferKind.Reply, await store.GetOfferAsync("bob", "m1"));
        Assert.Null(await store.GetOfferAsync("carol", "m1"));
        Assert.Equal(RatingOutcome.NotOffered, await store.AddOfferedRatingAsync(Rate("m1", "carol")));
        Assert.Equal(0, await RatingsAsync(store));

        Assert.Equal(RatingOutcome.Recorded, await store.AddOfferedRatingAsync(Rate("m1", "bob")));
        Assert.Equal(RatingOutcome.AlreadyRated, await store.AddOfferedRatingAsync(Rate("m1", "bob", RatingValue.Bad)));
        Assert.Equal(1, await RatingsAsync(store));
    }

    [Fact]
    public async Task A_reply_at_its_target_is_offered_to_nobody_new_but_an_earlier_offer_still_rates()
    {
        var store = await OneReplyAsync();
        Assert.NotNull(await store.NextReplyToRateAsync("bob", 1));
        Assert.NotNull(await store.NextReplyToRateAsync("carol", 1));
        Assert.Equal(RatingOutcome.Recorded, await store.AddOfferedRatingAsync(Rate("m1", "bob")));

        Assert.Null(await store.NextReplyToRateAsync("dave", 1));
        Assert.Null(await store.GetOfferAsync("dave", "m1"));
        Assert.Equal(RatingOutcome.NotOffered, await store.AddOfferedRatingAsync(Rate("m1", "dave")));

        Assert.Equal(RatingOutcome.Recorded, await store.AddOfferedRatingAsync(Rate("m1", "carol")));
        Assert.Equal(2, await RatingsAsync(store));
    }

    [Fact]
    public async Task A_gold_card_offers_the_gold_item_and_not_the_reply_that_lends_it_a_prompt()
    {
        var store = await OneReplyAsync();

        var card = await store.NextReplyToRateAsync("bob", 3, GoldId);
        Assert.Equal("p1", card!.PromptId);
        Assert.Equal(RatingOfferKind.Gold, await store.GetOfferAsync("bob", GoldId));
        Assert.Null(await store.GetOfferAsync("bob", "m1"));
        Assert.Null(await store.GetOfferAsync("carol", GoldId));
        Assert.Equal(RatingOutcome.NotOffered, await store.AddOfferedRatingAsync(Rate("m1", "bob")));
        Assert.Equal(RatingOutcome.NotOffered, await store.AddOfferedRatingAsync(Rate(GoldId, "bob")));
        Assert.Equal(0, await RatingsAsync(store));
    }

    [Fact]
    public async Task Nothing_to_rate_offers_nothing()
    {
        var store = await CreateStoreAsync();
        Assert.Null(await store.NextReplyToRateAsync("bob", 3, GoldId));
        Assert.Null(await store.GetOfferAsync("bob", GoldId));
    }

    [Fact]
    public async Task Twenty_parallel_submits_of_one_offered_rating_store_one()
    {
        var store = await OneReplyAsync();
        await store.NextReplyToRateAsync("bob", 3);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => store.AddOfferedRatingAsync(Rate("m1", "bob")))));

        Assert.Single(outcomes, o => o == RatingOutcome.Recorded);
        Assert.Equal(19, outcomes.Count(o => o == RatingOutcome.AlreadyRated));
        Assert.Equal(1, await RatingsAsync(store));
    }

    [Fact]
    public async Task Forget_deletes_the_participants_offers_and_only_theirs()
    {
        var store = await OneReplyAsync();
        await store.NextReplyToRateAsync("bob", 3);
        await store.NextReplyToRateAsync("bob", 3, GoldId);
        await store.NextReplyToRateAsync("carol", 3);

        await store.ForgetAsync("bob");

        Assert.Null(await store.GetOfferAsync("bob", "m1"));
        Assert.Null(await store.GetOfferAsync("bob", GoldId));
        Assert.Equal(RatingOutcome.NotOffered, await store.AddOfferedRatingAsync(Rate("m1", "bob")));
        Assert.Equal(RatingOfferKind.Reply, await store.GetOfferAsync("carol", "m1"));
    }
}
