using EmpathyBot.Conversation.Engine;
using EmpathyBot.Conversation.Flows;
using EmpathyBot.Conversation.Messages;
using EmpathyBot.Core.Ports;
using EmpathyBot.Core.Study;
using Microsoft.Extensions.DependencyInjection;

namespace EmpathyBot.Conversation.Tests.Engine;

/// <summary>Pair cards: two replies from two sources, A/B/Tie/Both bad, only the card given to that rater counts, gold pairs check attention.</summary>
public sealed class PairwiseFlowTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Ann writes a reply to p1 through the chat; a contender's reply to p1 is already there.</summary>
    private static async Task SeedAsync(EngineHarness h)
    {
        await h.Store.UpsertPromptsAsync([EngineHarness.Prompt("p1")]);
        await h.Store.AddReplyAsync(new Reply("m1", "p1", "gpt", "That sounds frightening; are you safe now?", null, T0));
        await h.ConsentAsync("ann");
        await h.SayAsync("ann", "respond");
        await h.SayAsync("ann", "Oh no, I'm so sorry.");
    }

    private static Message Card(TurnResult result) => Assert.Single(result.Replies);

    private static Task<RaterQuality> QualityAsync(EngineHarness h, string user) => h.Store.GetRaterQualityAsync(
        h.Services.GetRequiredService<Participants>().KeyOf(new Turn("test", user, "conv-" + user, TurnKind.Message, null)));

    private static string Quote(Message card, string label) => card.Blocks.OfType<Quote>().Single(q => q.Label == label).Text;

    [Fact]
    public async Task A_pair_card_shows_the_prompt_and_two_sources_side_by_side_with_four_answers_styled_alike()
    {
        await using var h = new EngineHarness(mode: "pairwise");
        await SeedAsync(h);
        await h.ConsentAsync("bob");

        var card = Card(await h.SayAsync("bob", "rate"));

        Assert.Equal("Situation of p1.", Quote(card, "What happened"));
        Assert.Equal("Utterance of p1?", Quote(card, "They said"));
        Assert.Equal(["Oh no, I'm so sorry.", "That sounds frightening; are you safe now?"], new[] { Quote(card, "Reply A"), Quote(card, "Reply B") }.Order());
        Assert.Contains(card.Blocks.OfType<Paragraph>(), p => p.Text == "Which reply is more empathetic?");
        Assert.Equal(["A", "B", "Tie", "Both bad"], card.Actions.Select(a => a.Title));
        Assert.Single(card.Actions.Select(a => a.Style).Distinct());

        var thanks = await h.PressAsync("bob", EngineHarness.Button(new([card]), "A"));
        Assert.Contains("you said reply A is more empathetic", EngineHarness.Text(thanks));
        var battle = Assert.Single(await h.Store.ExportBattlesAsync().ToListAsync());
        var leftId = battle.Left == BattleSide.A ? battle.A.Id : battle.B.Id;
        var leftText = battle.Left == BattleSide.A ? battle.A.Text : battle.B.Text;
        Assert.Equal(Quote(card, "Reply A"), leftText);
        Assert.Equal(battle.Left == BattleSide.A ? BattleWinner.A : BattleWinner.B, battle.Winner);
        // Blind by default: the thanks names no author.
        Assert.DoesNotContain("written by", EngineHarness.Text(thanks), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task With_RevealSource_the_thanks_names_who_wrote_each_reply()
    {
        await using var h = new EngineHarness(mode: "pairwise", settings: new Dictionary<string, string?> { ["Rating:RevealSource"] = "true" });
        await SeedAsync(h);
        await h.ConsentAsync("bob");

        var card = Card(await h.SayAsync("bob", "rate"));
        var thanks = await h.PressAsync("bob", EngineHarness.Button(new([card]), "A"));
        var battle = Assert.Single(await h.Store.ExportBattlesAsync().ToListAsync());
        var leftId = battle.Left == BattleSide.A ? battle.A.Id : battle.B.Id;
        Assert.Contains(leftId == "m1" ? "reply A was written by the AI model \"gpt\"" : "Reply A was written by a person", EngineHarness.Text(thanks), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_authors_own_reply_never_appears_and_a_replayed_button_counts_for_nobody_else()
    {
        await using var h = new EngineHarness(mode: "pairwise");
        await SeedAsync(h);
        await h.ConsentAsync("bob", "eve");

        Assert.Contains("nothing left", EngineHarness.Text(await h.SayAsync("ann", "rate")));

        var bobCard = await h.SayAsync("bob", "rate");
        Assert.Contains("not given to you", EngineHarness.Text(await h.PressAsync("eve", EngineHarness.Button(bobCard, "B"))));
        Assert.Empty(await h.Store.ExportBattlesAsync().ToListAsync());

        await h.PressAsync("bob", EngineHarness.Button(bobCard, "Tie"));
        Assert.Contains("already compared", EngineHarness.Text(await h.PressAsync("bob", EngineHarness.Button(bobCard, "A"))));
        Assert.Equal(BattleWinner.Tie, Assert.Single(await h.Store.ExportBattlesAsync().ToListAsync()).Winner);
        Assert.Contains("nothing left", EngineHarness.Text(await h.SayAsync("bob", "rate")));
    }

    [Fact]
    public async Task Choosing_the_reply_that_answers_nothing_fails_a_gold_pair_and_excludes_a_careless_rater()
    {
        await using var h = new EngineHarness(goldRate: 1, mode: "pairwise");
        await SeedAsync(h);
        await h.ConsentAsync("bob");
        var gold = h.Services.GetRequiredService<GoldItems>().All.Select(g => g.Text).ToHashSet();

        for (var i = 0; i < 2; i++)
        {
            var card = Card(await h.SayAsync("bob", "rate"));
            var goldTitle = gold.Contains(Quote(card, "Reply A")) ? "A" : "B";
            Assert.Contains(gold, t => t == Quote(card, "Reply " + goldTitle));
            Assert.Contains("attention check", EngineHarness.Text(await h.PressAsync("bob", EngineHarness.Button(new([card]), goldTitle))));
        }

        var quality = await QualityAsync(h, "bob");
        Assert.Equal((0, 2, true), (quality.GoldPassed, quality.GoldFailed, quality.Excluded));
        Assert.Empty(await h.Store.ExportBattlesAsync().ToListAsync());
        Assert.Contains("nothing left", EngineHarness.Text(await h.SayAsync("bob", "rate")));
    }

    [Fact]
    public async Task Both_bad_on_a_gold_pair_passes()
    {
        await using var h = new EngineHarness(goldRate: 1, mode: "pairwise");
        await SeedAsync(h);
        await h.ConsentAsync("bob");

        await h.PressAsync("bob", EngineHarness.Button(await h.SayAsync("bob", "rate"), "Both bad"));

        var quality = await QualityAsync(h, "bob");
        Assert.Equal((1, 0), (quality.GoldPassed, quality.GoldFailed));
    }

    [Fact]
    public async Task Both_mode_alternates_pair_and_rating_cards_per_rater()
    {
        await using var h = new EngineHarness(mode: "both");
        await SeedAsync(h);
        await h.Store.AddReplyAsync(new Reply("m2", "p1", "claude", "I hear you. That must have shaken you.", null, T0));
        await h.ConsentAsync("bob");

        var kinds = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var card = Card(await h.SayAsync("bob", "rate"));
            var pair = card.Actions.Any(a => a.Title == "Tie");
            kinds.Add(pair ? "pair" : "rating");
            await h.PressAsync("bob", EngineHarness.Button(new([card]), pair ? "B" : "Okay"));
        }

        Assert.Equal(["pair", "rating", "pair", "rating"], kinds);
    }

    [Fact]
    public void An_unknown_mode_stops_the_start_naming_the_setting()
    {
        var options = new RatingOptions { Mode = "sideways" };
        var results = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
        Assert.False(System.ComponentModel.DataAnnotations.Validator.TryValidateObject(options, new(options), results, validateAllProperties: true));
        Assert.Contains("Rating:Mode", Assert.Single(results).ErrorMessage);
        var pairwise = new RatingOptions { Mode = "Pairwise" };
        Assert.True(System.ComponentModel.DataAnnotations.Validator.TryValidateObject(pairwise, new(pairwise), [], true));
    }
}
