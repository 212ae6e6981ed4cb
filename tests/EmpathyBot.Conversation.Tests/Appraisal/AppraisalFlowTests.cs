using EmpathyBot.Conversation.Engine;
using EmpathyBot.Conversation.Flows;
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

    private static readonly int[] Positive = [1, 3, 5, 9, 10, 12, 14, 16, 17, 19];

    private static ChoiceInputs Inputs(TurnResult result) =>
        result.Replies.SelectMany(m => m.Blocks).OfType<ChoiceInputs>().Single();

    private static string Headings(TurnResult result) =>
        string.Join(" ", result.Replies.SelectMany(m => m.Blocks).OfType<Heading>().Select(h => h.Text));

    /// <summary>The card's button with a value for each of its items that <paramref name="value"/> gives one.</summary>
    private static MessageAction Answer(TurnResult card, Func<int, string?> value)
    {
        var submit = card.Replies.SelectMany(m => m.Actions).First(a => a.Style == ActionStyle.Positive);
        var data = new Dictionary<string, string>(submit.Data);
        foreach (var input in Inputs(card).Inputs)
        {
            if (value(int.Parse(input.Id[AppraisalFlow.InputPrefix.Length..])) is { } v) data[input.Id] = v;
        }

        return submit with { Data = data };
    }

    /// <summary>Answers the four cards of a step through their buttons; returns what follows the last one.</summary>
    private async Task<TurnResult> AnswerStepAsync(TurnResult card, Func<int, string> value)
    {
        for (var page = 0; page < 4; page++) card = await harness.PressAsync("ann", Answer(card, value));
        return card;
    }

    [Fact]
    public async Task Labelled_choices_five_feelings_a_card_then_a_situation_then_the_change_beside_people()
    {
        var first = await harness.SayAsync("ann", "appraisal");
        var inputs = Inputs(first);
        Assert.Equal(5, inputs.Inputs.Count);
        Assert.Equal("Interested", inputs.Inputs[0].Label);
        Assert.All(inputs.Inputs, i => Assert.Equal(["1", "2", "3", "4", "5"], i.Choices.Select(c => c.Value)));
        Assert.Equal("1 very slightly or not at all", inputs.Inputs[0].Choices[0].Title);
        Assert.Equal("5 extremely", inputs.Inputs[0].Choices[4].Title);
        Assert.Contains("card 1 of 4", Headings(first));
        Assert.Equal("Next", first.Replies.SelectMany(m => m.Actions).First().Title);

        // Invalid: a 7 and a missing value are refused by name, the card comes back with the valid ones kept.
        var invalid = await harness.PressAsync("ann", Answer(first, n => n == 3 ? "7" : n == 4 ? null : "2"));
        Assert.Contains("(Excited, Upset)", EngineHarness.Text(invalid));
        Assert.Equal("2", Inputs(invalid).Inputs[0].Value);
        Assert.Null(Inputs(invalid).Inputs[2].Value);
        Assert.Contains("card 1 of 4", Headings(invalid));

        // Before: PA items 3, NA items 1 -> PA 30, NA 10.
        var second = await harness.PressAsync("ann", Answer(invalid, n => Positive.Contains(n) ? "3" : "1"));
        Assert.Contains("card 2 of 4", Headings(second));
        Assert.Equal(6, int.Parse(Inputs(second).Inputs[0].Id[AppraisalFlow.InputPrefix.Length..]));
        Assert.Empty(await harness.Store.GetAppraisalAnswersAsync(ParticipantOf("ann")));
        var afterStep = second;
        for (var page = 1; page < 4; page++) afterStep = await harness.PressAsync("ann", Answer(afterStep, n => Positive.Contains(n) ? "3" : "1"));
        var situation = afterStep.Replies.SelectMany(m => m.Blocks).OfType<Quote>().Single();
        Assert.Equal("The situation", situation.Label);
        Assert.Contains("part 2 of 2 (card 1 of 4)", Headings(afterStep));

        // After, typed all at once: PA items 2, NA items 4 -> PA 20 (-10), NA 40 (+30).
        var typed = string.Join(' ', Enumerable.Range(1, 20).Select(n => Positive.Contains(n) ? 2 : 4));
        var result = await harness.SayAsync("ann", typed);
        var text = EngineHarness.Text(result);
        Assert.Contains("positive feelings changed by -10.0", text);
        Assert.Contains("negative feelings by +30.0", text);
        var table = result.Replies.SelectMany(m => m.Blocks).OfType<Table>().Single();
        Assert.Equal(["You", "-10.0", "+30.0", "1"], table.Rows[0]);
        // One person is fewer than Privacy:MinGroupSize (5): people's average is withheld, not shown as theirs,
        // and nobody is claimed to be compared.
        Assert.Equal(["People (average)", "–", "–", "fewer than 5 people so far"], table.Rows[1]);
        Assert.DoesNotContain("people and AI models", text);
        Assert.Contains("Too few others", text);
        var plain = string.Join(" ", result.Replies.SelectMany(m => m.Blocks).OfType<Paragraph>().Select(p => p.Text));
        Assert.DoesNotContain("Welch", plain);
        Assert.DoesNotContain("F test", plain);

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
    public async Task Five_typed_numbers_answer_the_open_card()
    {
        await harness.SayAsync("ann", "appraisal");

        var second = await harness.SayAsync("ann", "1 2 3 4 5");

        Assert.Contains("card 2 of 4", Headings(second));
        await harness.SayAsync("ann", "3 3 3 3 3");
        await harness.SayAsync("ann", "3,3,3,3,3");
        var done = await harness.SayAsync("ann", "3 3 3 3 3");
        Assert.Contains("Imagine", EngineHarness.Text(done));
        var stored = Assert.Single(await harness.Store.GetAppraisalAnswersAsync(ParticipantOf("ann")));
        Assert.Equal([1, 2, 3, 4, 5], stored.Items.Take(5));
    }

    [Theory]
    [InlineData("I feel fine thanks", "That is not an answer to the feelings check.")]
    [InlineData("3 3 3", "I read 3 answers.")]
    [InlineData("3 3 9 3 3", "Answer 3 is not a whole number from 1 to 5.")]
    public async Task Text_that_is_not_an_answer_is_told_what_is_expected(string typed, string problem)
    {
        await harness.SayAsync("ann", "appraisal");

        var wrong = await harness.SayAsync("ann", typed);

        var text = EngineHarness.Text(wrong);
        Assert.StartsWith(problem, text);
        Assert.Contains("type 5 numbers from 1 to 5 for Interested, Distressed, Excited, Upset, Strong", text);
        Assert.Contains("card 1 of 4", Headings(wrong));
        var ok = await harness.SayAsync("ann", string.Join(' ', Enumerable.Repeat(3, 20)));
        Assert.Contains("Imagine", EngineHarness.Text(ok));
    }

    [Fact]
    public async Task A_stale_card_from_an_earlier_card_or_step_is_not_taken()
    {
        var first = await harness.SayAsync("ann", "appraisal");
        await harness.PressAsync("ann", Answer(first, _ => "3"));

        var stale = await harness.PressAsync("ann", Answer(first, _ => "4"));
        Assert.Contains("earlier step", EngineHarness.Text(stale));
        Assert.Contains("card 2 of 4", Headings(stale));

        var situation = await AnswerStepAsync(stale, _ => "3");
        Assert.Contains("part 2 of 2", Headings(situation));
        var staleStep = await harness.PressAsync("ann", Answer(first, _ => "4"));
        Assert.Contains("earlier step", EngineHarness.Text(staleStep));
        Assert.Single(await harness.Store.GetAppraisalAnswersAsync(ParticipantOf("ann")));
    }

    [Fact]
    public async Task Forget_me_removes_appraisal_answers_and_their_counters()
    {
        await harness.SayAsync("ann", "appraisal");
        await harness.SayAsync("ann", string.Join(' ', Enumerable.Repeat(3, 20)));

        await harness.ForgetAsync("ann");

        Assert.Empty(await harness.Store.GetAppraisalAnswersAsync(ParticipantOf("ann")));
        Assert.Empty(await harness.Store.GetAppraisalCellsAsync());
    }

    private static string ParticipantOf(string user) =>
        ParticipantKeys.Derive(System.Text.Encoding.UTF8.GetBytes("test-secret"), "test", user);
}
