using EmpathyBot.Conversation.Flows;
using EmpathyBot.Conversation.Messages;
using EmpathyBot.Core.Study;
using Microsoft.Extensions.DependencyInjection;

namespace EmpathyBot.Conversation.Tests.Engine;

/// <summary>A rating counts only for a card the bot gave that rater; a first card can be an attention check.</summary>
public sealed class RatingOfferTests
{
    private static async Task WriteReplyAsync(EngineHarness h, string author, string text)
    {
        await h.Store.UpsertPromptsAsync([EngineHarness.Prompt("p1")]);
        await h.ConsentAsync(author);
        await h.SayAsync(author, "respond");
        await h.SayAsync(author, text);
    }

    private static async Task<long> RatingsAsync(EngineHarness h) => (await h.Store.GetCountersAsync()).Sum(c => c.Counts.Ratings);

    [Fact]
    public async Task A_rating_for_a_reply_never_shown_to_the_rater_is_refused_and_not_stored()
    {
        await using var h = new EngineHarness();
        await WriteReplyAsync(h, "ann", "That must have been frightening.");
        await h.ConsentAsync("bob", "eve");
        var good = EngineHarness.Button(await h.SayAsync("bob", "rate"), "Good");

        // Eve never asked for a card; she replays Bob's button data.
        var refused = await h.PressAsync("eve", good);
        Assert.Contains("not given to you", EngineHarness.Text(refused));
        Assert.Equal(0, await RatingsAsync(h));

        Assert.Contains("you rated this reply Good", EngineHarness.Text(await h.PressAsync("bob", good)));
        Assert.Equal(1, await RatingsAsync(h));
    }

    [Fact]
    public async Task A_reply_at_its_target_takes_no_new_rater_but_one_offered_before_may_still_rate()
    {
        await using var h = new EngineHarness(targetPerReply: 1);
        await WriteReplyAsync(h, "ann", "I'm sorry, that sounds hard.");
        await h.ConsentAsync("bob", "cat", "dan");
        var bobCard = await h.SayAsync("bob", "rate");
        var catCard = await h.SayAsync("cat", "rate");

        await h.PressAsync("bob", EngineHarness.Button(bobCard, "Good"));
        Assert.Contains("nothing left", EngineHarness.Text(await h.SayAsync("dan", "rate")));
        Assert.Contains("not given to you", EngineHarness.Text(await h.PressAsync("dan", EngineHarness.Button(bobCard, "Bad"))));
        Assert.Equal(1, await RatingsAsync(h));

        Assert.Contains("you rated this reply Okay", EngineHarness.Text(await h.PressAsync("cat", EngineHarness.Button(catCard, "Okay"))));
        Assert.Equal(2, await RatingsAsync(h));
    }

    [Fact]
    public async Task A_first_card_can_be_an_attention_check_that_only_its_rater_can_answer()
    {
        await using var h = new EngineHarness(goldRate: 1);
        await WriteReplyAsync(h, "ann", "That sounds lonely; I'm here for you.");
        await h.ConsentAsync("bob", "eve");

        var card = await h.SayAsync("bob", "rate");
        var gold = h.Services.GetRequiredService<GoldItems>().All;
        Assert.Contains(gold, g => EngineHarness.Text(card).Contains(g.Text, StringComparison.Ordinal));
        var bad = EngineHarness.Button(card, "Bad");
        Assert.Matches("^r-[0-9a-f]{24}$", bad.Data[ActionKeys.Reply]);

        Assert.Contains("not given to you", EngineHarness.Text(await h.PressAsync("eve", bad)));
        Assert.Equal(0, (await h.Store.GetRaterQualityAsync(ParticipantKeys.Derive("test-secret"u8, "test", "eve"))).GoldPassed);

        Assert.Equal("Thanks, you rated this reply Bad.", EngineHarness.Text(await h.PressAsync("bob", bad)));
        var bob = await h.Store.GetRaterQualityAsync(ParticipantKeys.Derive("test-secret"u8, "test", "bob"));
        Assert.Equal((0L, 1, 0), (bob.Ratings, bob.GoldPassed, bob.GoldFailed));
        Assert.Equal(0, await RatingsAsync(h));
    }
}
