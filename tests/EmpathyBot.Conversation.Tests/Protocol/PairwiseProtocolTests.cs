using EmpathyBot.Conversation.Engine;
using EmpathyBot.Conversation.Flows;
using EmpathyBot.Conversation.Messages;
using EmpathyBot.Conversation.Tests.Engine;
using EmpathyBot.Core.Study;

namespace EmpathyBot.Conversation.Tests.Protocol;

/// <summary>A protocol's rate step when the rating cards are pair cards (or alternate with them): each answered card counts.</summary>
public sealed class PairwiseProtocolTests
{
    private const string Code = "C0MPLETE";

    private static async Task<EngineHarness> TwoCardsAsync(string mode)
    {
        var h = new EngineHarness(mode: mode, settings: new Dictionary<string, string?>
        {
            ["Study:Protocol:0:Step"] = "rate",
            ["Study:Protocol:0:Count"] = "2",
            ["Study:CompletionCode"] = Code,
        });
        await h.Store.UpsertPromptsAsync([EngineHarness.Prompt("p1")]);
        foreach (var source in new[] { "claude", "gpt", "llama" })
        {
            await h.Store.AddReplyAsync(new Reply($"m-{source}", "p1", source, $"I'm sorry that happened; {source} is here for you.", null, DateTimeOffset.UtcNow));
        }

        return h;
    }

    private static string Texts(TurnResult result) => string.Join("\n", result.Replies.SelectMany(m => m.Blocks).Select(b => b switch
    {
        Paragraph p => p.Text,
        Heading h => h.Text,
        Facts f => string.Join("; ", f.Items.Select(i => $"{i.Name}: {i.Value}")),
        _ => "",
    }));

    /// <summary>Answers whichever card is open: A on a pair card, Good on a rating card.</summary>
    private static MessageAction Answer(TurnResult card)
    {
        var actions = card.Replies.SelectMany(m => m.Actions).ToList();
        return actions.FirstOrDefault(a => a.Title == "A") ?? actions.First(a => a.Title == "Good");
    }

    [Theory]
    [InlineData("pairwise")]
    [InlineData("both")]
    public async Task Answered_pair_cards_count_towards_the_rate_step_and_the_participant_finishes(string mode)
    {
        await using var h = await TwoCardsAsync(mode);

        var first = await h.PressAsync("ann", EngineHarness.Button(await h.SayAsync("ann", "hi"), ConsentFlow.AgreeTitle));
        Assert.Contains("Step 1 of 1 · card 1 of 2", Texts(first));
        Assert.Contains(PairwiseFlow.Question, Texts(first));

        var second = await h.PressAsync("ann", Answer(first));
        Assert.Contains("Step 1 of 1 · card 2 of 2", Texts(second));

        var done = Texts(await h.PressAsync("ann", Answer(second)));
        Assert.Contains("Your completion code: " + Code, done);
        // The debrief tells, per source, how often its reply was chosen on the pair cards (each card shows two sources,
        // and A chooses one of them), and the rating cards apart.
        var pairCards = mode == "pairwise" ? 2 : 1;
        var choices = System.Text.RegularExpressions.Regex.Matches(done, @"Compared replies by [^:]+: you chose them (\d+) of (\d+) times")
            .Select(m => (Chosen: int.Parse(m.Groups[1].Value), Compared: int.Parse(m.Groups[2].Value))).ToList();
        Assert.Equal((pairCards, 2 * pairCards), (choices.Sum(c => c.Chosen), choices.Sum(c => c.Compared)));
        if (mode == "both") Assert.Contains("you rated 1 of 1 Good, 0 Okay and 0 Bad", done);
    }

    [Fact]
    public async Task Help_counts_the_rate_step_in_cards_when_pair_cards_count()
    {
        await using var h = await TwoCardsAsync("pairwise");
        await h.PressAsync("ann", EngineHarness.Button(await h.SayAsync("ann", "hi"), ConsentFlow.AgreeTitle));

        Assert.Contains("(2 cards)", Texts(await h.SayAsync("ann", "help")));
    }
}
