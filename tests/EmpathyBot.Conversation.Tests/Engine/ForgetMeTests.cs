using EmpathyBot.Conversation.Engine;
using EmpathyBot.Conversation.Flows;
using EmpathyBot.Conversation.Messages;
using EmpathyBot.Core.Study;
using EmpathyBot.Core.Understanding;
using EmpathyBot.Core.Ports;

namespace EmpathyBot.Conversation.Tests.Engine;

/// <summary>"forget me" through the engine over a real SQLite store: the participant hears every kind of record that went.</summary>
public sealed class ForgetMeTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly EngineHarness h = new();

    public async Task InitializeAsync()
    {
        await h.Store.UpsertPromptsAsync([EngineHarness.Prompt("p1")]);
        await h.ConsentAsync("ann", "bob");
    }

    public async Task DisposeAsync() => await h.DisposeAsync();

    private static string ParticipantOf(string user) =>
        ParticipantKeys.Derive(System.Text.Encoding.UTF8.GetBytes("test-secret"), "test", user);

    [Fact]
    public async Task Forget_me_names_replies_ratings_quiz_answers_feelings_check_answers_and_consent()
    {
        await h.SayAsync("ann", "respond");
        await h.SayAsync("ann", "That sounds so hard.");
        await h.PressAsync("bob", EngineHarness.Button(await h.SayAsync("bob", "rate"), "Good"));
        await h.SayAsync("ann", "appraisal");
        await h.SayAsync("ann", string.Join(' ', Enumerable.Repeat(3, 20)));
        var ann = ParticipantOf("ann");
        await h.Store.AddUnderstandingAnswerAsync(new UnderstandingAnswer("q|0", Sources.Human, ann, "allocation", "i1", [4, 3, 2, 1], 1.5, T0));
        await h.Store.AddUnderstandingAnswerAsync(new UnderstandingAnswer("q|1", Sources.Human, ann, "allocation", "i2", [1, 1, 1, 1], 0.5, T0));
        await h.Store.AddUnderstandingTestAsync(new UnderstandingTest("q|allocation", Sources.Human, ann, "allocation", 2, 1.0, T0));

        var text = EngineHarness.Text(await h.ForgetAsync("ann"));

        Assert.Equal(
            "Done. I deleted everything stored about you: 1 reply you wrote, 1 rating other people gave your replies, 2 quiz answers, " +
            "1 quiz score, 1 feelings-check answer, 1 check stored with your reply (how fast it was typed, whether it was pasted or copied), " +
            "3 records of when cards were shown to you and answered, where you were in our conversation, your consent record " +
            "and your participation record (the study-link ids you came with, when you finished). " +
            "If you write to me again, I will ask for your consent first.", text);
        Assert.Empty(await h.Store.GetAppraisalAnswersAsync(ann));
        Assert.Empty(await h.Store.GetUnderstandingTestCellsAsync());
        Assert.Null(await h.Store.GetConsentAsync(ann));
    }

    [Fact]
    public async Task A_card_whose_reply_was_withdrawn_meanwhile_is_not_stored_and_the_rater_is_told()
    {
        await h.SayAsync("ann", "respond");
        await h.SayAsync("ann", "That sounds so hard.");
        var card = await h.SayAsync("bob", "rate");
        Assert.Contains("That sounds so hard.", EngineHarness.Text(card));
        await h.ForgetAsync("ann");

        var answer = EngineHarness.Text(await h.PressAsync("bob", EngineHarness.Button(card, "Good")));

        Assert.Contains("no longer in the study", answer);
        Assert.Empty(await h.Store.ExportRatingsAsync().ToListAsync());
    }

    [Fact]
    public async Task A_second_forget_that_finds_nothing_says_so()
    {
        var flow = new ForgetFlow(h.Store);
        await flow.ForgetAsync(ParticipantOf("bob"), CancellationToken.None);

        Assert.Equal("Nothing is stored about you.", (await flow.ForgetAsync(ParticipantOf("bob"), CancellationToken.None)).Summary);
    }

    [Theory]
    [InlineData("forget me")]
    [InlineData("forget")]
    public async Task Forget_asks_with_a_button_first_and_deletes_nothing_until_confirmed(string typed)
    {
        await h.SayAsync("ann", "respond");
        await h.SayAsync("ann", "That sounds so hard.");
        var ann = ParticipantOf("ann");

        var asked = await h.SayAsync("ann", typed);

        Assert.Contains("cannot be undone", EngineHarness.Text(asked));
        Assert.Equal(Commands.ForgetConfirmed, EngineHarness.Button(asked, "Yes, delete everything").Data[ActionKeys.Action]);
        Assert.NotNull(await h.Store.GetConsentAsync(ann));
        Assert.Contains(await h.Store.GetCountersAsync(), c => c.Counts.Replies > 0);
    }

    [Fact]
    public async Task Saying_no_keeps_the_open_prompt_so_the_reply_typed_next_is_stored()
    {
        await h.SayAsync("ann", "respond");

        var kept = await h.PressAsync("ann", EngineHarness.Button(await h.SayAsync("ann", "forget me"), "No, keep my data"));
        var saved = await h.SayAsync("ann", "I am so sorry, that sounds awful.");

        Assert.Contains("Nothing was deleted", EngineHarness.Text(kept));
        Assert.Contains("still open", EngineHarness.Text(kept));
        Assert.Contains("Your reply is saved", EngineHarness.Text(saved));
        Assert.NotNull(await h.Store.GetConsentAsync(ParticipantOf("ann")));
    }

    [Fact]
    public async Task A_typed_confirmation_is_not_a_button_and_deletes_nothing()
    {
        var typed = await h.SayAsync("ann", "forget confirmed");

        Assert.Contains("did not understand", EngineHarness.Text(typed));
        Assert.NotNull(await h.Store.GetConsentAsync(ParticipantOf("ann")));
    }

    [Theory]
    [InlineData(0, 0, "your consent record")]
    [InlineData(1, 0, "1 rating you gave and your consent record")]
    [InlineData(2, 3, "2 ratings you gave, 3 feelings-check answers and your consent record")]
    public void Describe_counts_each_kind_in_plain_words(int ratings, int appraisals, string expected) =>
        Assert.Equal(expected, ForgetFlow.Describe(ForgetResult.Nothing with { Ratings = ratings, AppraisalAnswers = appraisals, Consent = true }));

    [Fact]
    public void Describe_names_the_comparisons_of_their_replies_others_made() =>
        Assert.Equal("1 reply you wrote, 2 comparisons other people made of your replies and your consent record",
            ForgetFlow.Describe(ForgetResult.Nothing with { Replies = 1, BattlesOfTheirReplies = 2, Consent = true }));

    [Fact]
    public async Task Forget_me_names_the_reply_comparisons_made_and_the_confirmation_says_they_and_the_participation_record_go()
    {
        await using var pairs = new EngineHarness(mode: "pairwise");
        await pairs.Store.UpsertPromptsAsync([EngineHarness.Prompt("p1")]);
        await pairs.Store.AddReplyAsync(new Reply("m1", "p1", "gpt", "That sounds frightening.", null, T0));
        await pairs.Store.AddReplyAsync(new Reply("m2", "p1", "claude", "I'm sorry, are you safe?", null, T0));
        await pairs.ConsentAsync("ann");
        await pairs.PressAsync("ann", EngineHarness.Button(await pairs.SayAsync("ann", "rate"), "Tie"));

        var confirm = string.Join(" ", (await pairs.SayAsync("ann", "forget me")).Replies.SelectMany(m => m.Blocks).OfType<Paragraph>().Select(p => p.Text));
        Assert.Contains("the reply comparisons you made", confirm);
        Assert.Contains("your participation record", confirm);

        var text = EngineHarness.Text(await pairs.ForgetAsync("ann"));
        Assert.Contains("1 reply comparison you made", text);
        Assert.Contains("your participation record", text);
        Assert.Empty(await pairs.Store.ExportBattlesAsync().ToListAsync());
    }
}
