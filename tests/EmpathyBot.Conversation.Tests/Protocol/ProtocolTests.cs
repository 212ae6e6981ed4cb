using EmpathyBot.Conversation.Engine;
using EmpathyBot.Conversation.Flows;
using EmpathyBot.Conversation.Messages;
using EmpathyBot.Conversation.Tests.Engine;
using EmpathyBot.Core.Ports;
using EmpathyBot.Core.Study;

namespace EmpathyBot.Conversation.Tests.Protocol;

/// <summary>A fixed protocol through the engine over a real SQLite store: progress, order, resume and completion.</summary>
public sealed class ProtocolTests
{
    private const string Code = "C0MPLETE";

    /// <summary>Two replies, then one rating; the completion code and a Prolific link at the end.</summary>
    private static EngineHarness TwoSteps(Dictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Study:Protocol:0:Step"] = "respond",
            ["Study:Protocol:0:Count"] = "2",
            ["Study:Protocol:1:Step"] = "rate",
            ["Study:CompletionCode"] = Code,
            ["Study:CompletionUrl"] = "https://app.prolific.com/submissions/complete?cc={code}",
        };
        foreach (var (k, v) in more ?? []) settings[k] = v;
        return new EngineHarness(settings: settings);
    }

    private static async Task SeedAsync(EngineHarness h)
    {
        await h.Store.UpsertPromptsAsync([EngineHarness.Prompt("p1"), EngineHarness.Prompt("p2"), EngineHarness.Prompt("p3")]);
        await h.Store.AddReplyAsync(new Reply("m-gpt-1", "p3", "gpt", "That sounds scary; I'm here if you need me.", null, DateTimeOffset.UtcNow));
    }

    private static async Task<TurnResult> AgreeAsync(EngineHarness h, string user) =>
        await h.PressAsync(user, EngineHarness.Button(await h.SayAsync(user, "hi"), ConsentFlow.AgreeTitle));

    private static IEnumerable<string> Titles(TurnResult result) =>
        result.Replies.Append(result.ReplaceActionSource).OfType<Message>().SelectMany(m => m.Actions).Select(a => a.Title);

    private static string Texts(TurnResult result) => string.Join("\n", result.Replies.SelectMany(m => m.Blocks).Select(b => b switch
    {
        Paragraph p => p.Text,
        Heading h => h.Text,
        Quote q => q.Text,
        Facts f => string.Join("; ", f.Items.Select(i => $"{i.Name}: {i.Value}")),
        _ => "",
    }));

    [Fact]
    public async Task After_consent_the_participant_is_led_step_by_step_with_a_progress_line_and_gets_the_code_at_the_end()
    {
        await using var h = TwoSteps();
        await SeedAsync(h);

        var first = await AgreeAsync(h, "ann");
        Assert.Contains("The study has 2 steps", Texts(first));
        Assert.Contains("Step 1 of 2 · reply 1 of 2", Texts(first));
        Assert.Contains("Your turn to respond", Texts(first));
        Assert.DoesNotContain("Rate replies", Titles(first));
        Assert.DoesNotContain("Summary", Titles(first));

        var second = await h.SayAsync("ann", "I'm so sorry, that must have been frightening.");
        Assert.Contains("Your reply is saved", Texts(second));
        Assert.Contains("Step 1 of 2 · reply 2 of 2", Texts(second));
        Assert.DoesNotContain("Rate replies", Titles(second));

        var rating = await h.SayAsync("ann", "That sounds hard; I'm glad you told me.");
        Assert.Contains("Step 2 of 2 · rating", Texts(rating));
        Assert.Contains("Rate a reply", Texts(rating));

        var done = await h.PressAsync("ann", EngineHarness.Button(rating, "Good"));
        var text = Texts(done);
        Assert.Contains("Your completion code: " + Code, text);
        Assert.Contains("Some of the replies you read and rated were written by AI models", text);
        Assert.Contains("Replies by the AI model \"gpt\": you rated 1 of 1 Good, 0 Okay and 0 Bad", text);
        var link = done.Replies.SelectMany(m => m.Actions).Single(a => a.Url is not null);
        Assert.Equal("https://app.prolific.com/submissions/complete?cc=" + Code, link.Url);
        Assert.DoesNotContain("A moment of reflection", Titles(done));

        var record = await h.Store.GetParticipantRecordAsync(KeyOf(h, "ann"));
        Assert.Equal(Code, record!.CompletionCode);
        Assert.NotNull(record.CompletedAt);
        Assert.Equal("test", record.Channel);

        // Later visits get the code again; the first completion time stands.
        Assert.Contains("Your completion code: " + Code, Texts(await h.SayAsync("ann", "respond")));
        Assert.Equal(record.CompletedAt, (await h.Store.GetParticipantRecordAsync(KeyOf(h, "ann")))!.CompletedAt);
    }

    [Fact]
    public async Task A_typed_command_or_a_posted_button_for_another_step_is_refused_with_the_current_card_again()
    {
        await using var h = TwoSteps();
        await SeedAsync(h);
        var first = await AgreeAsync(h, "ann");
        var prompt = first.Replies.SelectMany(m => m.Blocks).OfType<Quote>().Last().Text;

        foreach (var attempt in new Func<Task<TurnResult>>[]
        {
            () => h.SayAsync("ann", "rate"),
            () => h.SayAsync("ann", "summary"),
            () => h.SayAsync("ann", "quiz"),
            () => h.PressAsync("ann", MessageAction.Command("Feelings check", Commands.Appraisal)),
            () => h.PressAsync("ann", new MessageAction("Good", new Dictionary<string, string>
                { [ActionKeys.Action] = Commands.Rate, [ActionKeys.Reply] = "m-gpt-1", [ActionKeys.Rating] = "good" })),
            () => h.PressAsync("ann", MessageAction.Command("Unknown", "dance")),
        })
        {
            var refused = await attempt();
            Assert.Contains("not the next step", Texts(refused));
            // The same open prompt, not a new one.
            Assert.Equal(prompt, refused.Replies.SelectMany(m => m.Blocks).OfType<Quote>().Last().Text);
            Assert.Contains("Step 1 of 2 · reply 1 of 2", Texts(refused));
        }

        Assert.Equal(new ParticipantActivity(0, 0, 0, 0), await h.Store.GetActivityAsync(KeyOf(h, "ann")));

        // At the rating step nothing waits for typed text: a stray message gets the current card back, not the free menu.
        await h.SayAsync("ann", "I'm so sorry, that must have been frightening.");
        await h.SayAsync("ann", "And a second reply, since the step asks for two.");
        var stray = await h.SayAsync("ann", "hello?? what now");
        Assert.Contains("I did not understand that", Texts(stray));
        Assert.Contains("Rate a reply", Texts(stray));
        Assert.DoesNotContain("Summary", Titles(stray));
        var help = await h.SayAsync("ann", "help");
        Assert.Contains("1. Write replies (done): Read what someone shares and write the reply you would give (2 replies).", Texts(help));
        Assert.Contains("2. Rate replies (now): Rate replies without knowing whether a person or an AI wrote them (1 reply).", Texts(help));
        Assert.Contains("You are at step 2 of 2", Texts(help));
        Assert.Equal(["Continue"], Titles(help));
        Assert.Contains("Delete everything", Texts(await h.SayAsync("ann", "forget me")));
    }

    [Fact]
    public async Task A_later_visit_after_a_restart_picks_up_the_open_card_where_the_participant_left_off()
    {
        await using var h = TwoSteps();
        await SeedAsync(h);
        await AgreeAsync(h, "ann");
        var second = await h.SayAsync("ann", "I'm so sorry, that must have been frightening.");
        var prompt = second.Replies.SelectMany(m => m.Blocks).OfType<Quote>().Last().Text;

        await h.RestartAsync();
        var back = await h.Engine.HandleAsync(new Turn("test", "ann", "conv-ann-2", TurnKind.ConversationStart, null));

        Assert.Contains("Welcome back", Texts(back));
        Assert.Contains("Step 1 of 2 · reply 2 of 2", Texts(back));
        Assert.Equal(prompt, back.Replies.SelectMany(m => m.Blocks).OfType<Quote>().Last().Text);
        Assert.Contains("Step 2 of 2 · rating", Texts(await h.SayAsync("ann", "Oh no, that sounds awful. Are you okay?")));
    }

    [Fact]
    public async Task No_thanks_after_agreeing_explains_how_to_stop_and_withdraw()
    {
        await using var h = TwoSteps();
        await SeedAsync(h);
        await AgreeAsync(h, "ann");

        var answer = await h.PressAsync("ann", MessageAction.Command("No thanks", Commands.Decline));

        Assert.Contains("stop at any time", Texts(answer));
        Assert.Contains("forget me", Texts(answer));
        Assert.Contains("Forget me", Titles(answer));
        Assert.DoesNotContain("not one I know", Texts(answer));
    }

    [Fact]
    public async Task Without_a_protocol_no_thanks_after_agreeing_explains_withdrawal_and_the_free_menu_stays()
    {
        await using var h = new EngineHarness();
        await SeedAsync(h);
        var menu = await AgreeAsync(h, "ann");
        Assert.Equal(Menu.Actions.Select(a => a.Title), Titles(menu));

        var answer = await h.PressAsync("ann", MessageAction.Command("No thanks", Commands.Decline));
        Assert.Contains("forget me", Texts(answer));
        Assert.Contains("Summary", Titles(answer));
    }

    [Fact]
    public async Task After_a_feelings_check_the_debrief_offers_a_short_positive_reflection()
    {
        await using var h = new EngineHarness(settings: new Dictionary<string, string?> { ["Study:Protocol:0:Step"] = "appraisal" });
        var card = await AgreeAsync(h, "ann");
        Assert.Contains("Step 1 of 1 · feelings check", Texts(card));
        var all = string.Join(' ', Enumerable.Repeat("3", 20));

        Assert.Contains("Imagine this is happening to you", Texts(await h.SayAsync("ann", all)));
        var done = await h.SayAsync("ann", all);

        Assert.Contains("You have finished the study", Texts(done));
        var reflection = await h.PressAsync("ann", EngineHarness.Button(done, "A moment of reflection"));
        Assert.Contains("Think of a moment recently when something went well", Texts(reflection));
    }

    [Fact]
    public async Task The_reveal_at_the_end_can_be_turned_off()
    {
        await using var h = TwoSteps(new() { ["Rating:RevealAtEnd"] = "false", ["Study:Protocol:0:Count"] = "1" });
        await SeedAsync(h);
        await AgreeAsync(h, "ann");
        var rating = await h.SayAsync("ann", "That sounds hard; I'm glad you told me.");
        var done = await h.PressAsync("ann", EngineHarness.Button(rating, "Bad"));

        Assert.Contains("Your completion code", Texts(done));
        Assert.DoesNotContain("How you rated", Texts(done));
    }

    [Fact]
    public async Task An_open_prompt_offers_no_other_step_and_an_empty_rating_pool_offers_only_to_try_the_step_again()
    {
        await using var h = TwoSteps(new() { ["Study:Protocol:0:Count"] = "1" });
        await h.Store.UpsertPromptsAsync([EngineHarness.Prompt("p1")]);

        var first = await AgreeAsync(h, "ann");
        Assert.Empty(first.Replies[^1].Actions);

        // Nobody else has written yet, and people never rate their own reply.
        var nothing = await h.SayAsync("ann", "That sounds frightening; I'm here for you.");
        Assert.Contains("nothing left for you to rate", Texts(nothing));
        Assert.Contains("Step 2 of 2 · rating", Texts(nothing));
        Assert.Equal(["Rate replies"], nothing.Replies[^1].Actions.Select(a => a.Title));
    }

    [Fact]
    public async Task A_rater_excluded_by_attention_checks_is_moved_past_the_rate_steps_and_can_still_finish()
    {
        await using var h = TwoSteps(new()
        {
            ["Study:Protocol:0:Count"] = "1",
            ["Study:Protocol:1:Count"] = "3",
            ["Study:Protocol:2:Step"] = "respond",
            ["Rating:FirstCardGoldRate"] = "1",
            ["Rating:GoldFailuresToExclude"] = "1",
        });
        await SeedAsync(h);

        await AgreeAsync(h, "ann");
        var check = await h.SayAsync("ann", "I'm so sorry, that must have been frightening.");
        Assert.Contains("Step 2 of 3 · rating 1 of 3", Texts(check));

        // Good on an attention check fails it; one failure excludes under this setting. The rater is not told, and
        // instead of "nothing left to rate" on every later visit, the next step follows.
        var next = await h.PressAsync("ann", EngineHarness.Button(check, "Good"));
        Assert.True((await h.Store.GetRaterQualityAsync(KeyOf(h, "ann"))).Excluded);
        Assert.Contains("Thanks, you rated this reply Good.", next.ReplaceActionSource?.Summary);
        Assert.DoesNotContain("nothing left", Texts(next));
        Assert.Contains("Step 3 of 3 · reply", Texts(next));
        Assert.Contains("Your turn to respond", Texts(next));

        var done = await h.SayAsync("ann", "That sounds hard; I'm glad you told me.");
        Assert.Contains($"Your completion code: {Code}", Texts(done));
        Assert.NotNull((await h.Store.GetParticipantRecordAsync(KeyOf(h, "ann")))?.CompletedAt);
    }

    [Fact]
    public async Task Once_every_reply_has_its_target_ratings_a_protocol_rater_is_offered_replies_beyond_it_and_can_finish()
    {
        // One rating wanted per reply; the contender's one reply and ann's reply are all the pool holds.
        await using var h = new EngineHarness(targetPerReply: 1, settings: new Dictionary<string, string?>
        {
            ["Study:Protocol:0:Step"] = "respond",
            ["Study:Protocol:1:Step"] = "rate",
            ["Study:Protocol:1:Count"] = "2",
            ["Study:CompletionCode"] = Code,
        });
        await SeedAsync(h);
        await AgreeAsync(h, "ann");
        var annCard = await h.SayAsync("ann", "I'm so sorry, that must have been frightening.");
        Assert.Contains("That sounds scary", Texts(annCard));
        await h.PressAsync("ann", EngineHarness.Button(annCard, "Good"));

        // bob's first card is ann's reply (no rating yet); the contender's reply has its one rating, and without the
        // protocol's claim on it bob would now be told there is nothing left, on every visit.
        await AgreeAsync(h, "bob");
        var first = await h.SayAsync("bob", "That sounds hard; I'm glad you told me.");
        Assert.Contains("must have been frightening", Texts(first));
        var second = await h.PressAsync("bob", EngineHarness.Button(first, "Okay"));
        Assert.Contains("Step 2 of 2 · rating 2 of 2", Texts(second));
        Assert.Contains("That sounds scary", Texts(second));

        var done = await h.PressAsync("bob", EngineHarness.Button(second, "Good"));
        Assert.Contains($"Your completion code: {Code}", Texts(done));
        Assert.Equal(2, (await h.Store.ExportRatingsAsync().Where(r => r.ResponseId == "m-gpt-1").ToListAsync()).Count);
    }

    [Fact]
    public async Task Without_a_protocol_a_reply_with_its_target_ratings_leaves_the_pool()
    {
        await using var h = new EngineHarness(targetPerReply: 1);
        await SeedAsync(h);
        await AgreeAsync(h, "ann");
        var card = await h.SayAsync("ann", "rate");
        await h.PressAsync("ann", EngineHarness.Button(card, "Good"));

        await AgreeAsync(h, "bob");
        Assert.Contains("nothing left for you to rate", Texts(await h.SayAsync("bob", "rate")));
    }

    private static string KeyOf(EngineHarness h, string user) =>
        ((Participants)h.Services.GetService(typeof(Participants))!).KeyOf(new Turn("test", user, "conv-" + user, TurnKind.Message, null));
}
