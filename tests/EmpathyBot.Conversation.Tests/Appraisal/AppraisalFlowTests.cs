using EmpathyBot.Conversation.Engine;
using EmpathyBot.Conversation.Messages;
using EmpathyBot.Conversation.Tests.Engine;
using EmpathyBot.Core.Appraisal;
using EmpathyBot.Core.Study;
using EmpathyBot.Core.Ports;

namespace EmpathyBot.Conversation.Tests.Appraisal;

/// <summary>The appraisal through the engine over a real SQLite store, with our own data bank.</summary>
public sealed class AppraisalFlowTests : IAsyncLifetime
{
    private readonly EngineHarness harness = new();

    public Task InitializeAsync() => harness.ConsentAsync("ann");

    public async Task DisposeAsync() => await harness.DisposeAsync();

    private static NumberInputs Inputs(TurnResult result) =>
        result.Replies.SelectMany(m => m.Blocks).OfType<NumberInputs>().Single();

    private static MessageAction Submit(TurnResult result, Func<int, string?> value)
    {
        var submit = EngineHarness.Button(result, "Submit");
        var data = new Dictionary<string, string>(submit.Data);
        for (var n = 1; n <= 20; n++)
        {
            if (value(n) is { } v) data["panas" + n] = v;
        }

        return submit with { Data = data };
    }

    [Fact]
    public async Task Card_answers_then_a_situation_then_the_change_beside_people()
    {
        var first = await harness.SayAsync("ann", "appraisal");
        var inputs = Inputs(first);
        Assert.Equal(20, inputs.Inputs.Count);
        Assert.Equal("1. Interested", inputs.Inputs[0].Label);
        Assert.All(inputs.Inputs, i => Assert.Equal((1, 5), (i.Min, i.Max)));
        Assert.Contains("right now", EngineHarness.Text(first) + string.Join(" ", first.Replies.SelectMany(m => m.Blocks).OfType<Paragraph>().Select(p => p.Text)));

        // Invalid: a 7 and a missing value are refused, the card comes back with the valid ones kept.
        var invalid = await harness.PressAsync("ann", Submit(first, n => n == 3 ? "7" : n == 4 ? null : "2"));
        Assert.Contains("item 3, 4", EngineHarness.Text(invalid));
        Assert.Equal(2, Inputs(invalid).Inputs[0].Value);
        Assert.Null(Inputs(invalid).Inputs[2].Value);

        // Before: PA items 3, NA items 1 -> PA 30, NA 10.
        var positive = new[] { 1, 3, 5, 9, 10, 12, 14, 16, 17, 19 };
        var second = await harness.PressAsync("ann", Submit(invalid, n => positive.Contains(n) ? "3" : "1"));
        var situation = second.Replies.SelectMany(m => m.Blocks).OfType<Quote>().Single();
        Assert.Equal("The situation", situation.Label);
        Assert.Contains("part 2 of 2", string.Join(" ", second.Replies.SelectMany(m => m.Blocks).OfType<Heading>().Select(h => h.Text)));

        // After, typed: PA items 2, NA items 4 -> PA 20 (-10), NA 40 (+30).
        var typed = string.Join(' ', Enumerable.Range(1, 20).Select(n => positive.Contains(n) ? 2 : 4));
        var result = await harness.SayAsync("ann", typed);
        var text = EngineHarness.Text(result);
        Assert.Contains("(PA) changed by -10.0", text);
        Assert.Contains("(NA) by +30.0", text);
        var table = result.Replies.SelectMany(m => m.Blocks).OfType<Table>().Single();
        Assert.Equal(["You", "-10.0", "+30.0", "1"], table.Rows[0]);
        // One person is fewer than Privacy:MinGroupSize (5): people's average is withheld, not shown as theirs.
        Assert.Equal(["People (average)", "–", "–", "fewer than 5 people so far"], table.Rows[1]);

        var stored = await harness.Store.GetAppraisalAnswersAsync(ParticipantOf("ann"));
        Assert.Equal([AppraisalConditions.Default, AppraisalConditions.Evoked], stored.Select(a => a.Condition));
        Assert.Equal(new PanasScore(30, 10), stored[0].Score);
        Assert.Equal(new PanasScore(20, 40), stored[1].Score);
        Assert.Equal("core", stored[1].SituationSet);
        Assert.False(string.IsNullOrEmpty(stored[1].Emotion));

        var cells = await harness.Store.GetAppraisalCellsAsync();
        Assert.Equal(2, cells.Count);
        Assert.All(cells, c => Assert.Equal(Sources.Human, c.Source));

        // Done: typed numbers are no longer taken as answers.
        var after = await harness.SayAsync("ann", typed);
        Assert.Contains("did not understand", EngineHarness.Text(after));
    }

    [Fact]
    public async Task Typed_lists_with_the_wrong_count_are_asked_again()
    {
        await harness.SayAsync("ann", "appraisal");

        var wrong = await harness.SayAsync("ann", "3 3 3");

        Assert.Contains("exactly 20 numbers", EngineHarness.Text(wrong));
        Assert.Equal(20, Inputs(wrong).Inputs.Count);
        var ok = await harness.SayAsync("ann", string.Join(' ', Enumerable.Repeat(3, 20)));
        Assert.Contains("Imagine", EngineHarness.Text(ok));
    }

    [Fact]
    public async Task A_stale_card_from_the_first_step_is_not_taken_as_the_second()
    {
        var first = await harness.SayAsync("ann", "appraisal");
        await harness.PressAsync("ann", Submit(first, _ => "3"));

        var stale = await harness.PressAsync("ann", Submit(first, _ => "4"));

        Assert.Contains("earlier step", EngineHarness.Text(stale));
        Assert.Single(await harness.Store.GetAppraisalAnswersAsync(ParticipantOf("ann")));
    }

    [Fact]
    public async Task Forget_me_removes_appraisal_answers_and_their_counters()
    {
        await harness.SayAsync("ann", "appraisal");
        await harness.SayAsync("ann", string.Join(' ', Enumerable.Repeat(3, 20)));

        await harness.SayAsync("ann", "forget me");

        Assert.Empty(await harness.Store.GetAppraisalAnswersAsync(ParticipantOf("ann")));
        Assert.Empty(await harness.Store.GetAppraisalCellsAsync());
    }

    private static string ParticipantOf(string user) =>
        ParticipantKeys.Derive(System.Text.Encoding.UTF8.GetBytes("test-secret"), "test", user);
}
