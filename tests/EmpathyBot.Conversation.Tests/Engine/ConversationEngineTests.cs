using EmpathyBot.Core.Study;

namespace EmpathyBot.Conversation.Tests.Engine;

public sealed class ConversationEngineTests : IAsyncLifetime
{
    private readonly EngineHarness h = new();

    public async Task InitializeAsync() =>
        await h.Store.UpsertPromptsAsync([EngineHarness.Prompt("p1"), EngineHarness.Prompt("p2", "joyful")]);

    public async Task DisposeAsync() => await h.DisposeAsync();

    [Fact]
    public async Task Nothing_is_stored_before_consent()
    {
        var first = await h.SayAsync("ann", "respond");
        Assert.Contains("Please read how we use your answers", EngineHarness.Text(first));
        Assert.Empty(h.Scheduled.PromptIds);
        var ann = ParticipantKeys.Derive("test-secret"u8, "test", "ann");
        Assert.Null(await h.Store.GetStateAsync(ann));
        Assert.Null(await h.Store.GetConsentAsync(ann));

        var declined = await h.PressAsync("ann", EngineHarness.Button(first, "No thanks"));
        Assert.Contains("nothing was stored", EngineHarness.Text(declined));
        Assert.Contains("Please read", EngineHarness.Text(await h.SayAsync("ann", "rate")));
    }

    [Fact]
    public async Task Consent_is_recorded_under_a_keyed_hash_not_the_raw_id()
    {
        await h.ConsentAsync("ann@example.org");
        var key = ParticipantKeys.Derive("test-secret"u8, "test", "ann@example.org");
        Assert.NotNull(await h.Store.GetConsentAsync(key));
        Assert.DoesNotContain("ann", key);
        Assert.Null(await h.Store.GetConsentAsync("ann@example.org"));
    }

    [Fact]
    public async Task Respond_hides_the_emotion_queues_the_contenders_and_validates_the_reply()
    {
        await h.ConsentAsync("ann");
        var shown = await h.SayAsync("ann", "respond");
        var text = string.Join(" ", shown.Replies.SelectMany(m => m.Blocks).OfType<Messages.Quote>().Select(q => q.Text));
        Assert.Contains("Utterance of", text);
        Assert.DoesNotContain("afraid", EngineHarness.Text(shown) + text);
        Assert.DoesNotContain("joyful", EngineHarness.Text(shown) + text);
        Assert.Single(h.Scheduled.PromptIds);

        Assert.Contains("Your reply was empty", EngineHarness.Text(await h.SayAsync("ann", "   ")));
        Assert.Contains("please keep it to 600", EngineHarness.Text(await h.SayAsync("ann", new string('a', 601))));
        Assert.Contains("Your reply is saved", EngineHarness.Text(await h.SayAsync("ann", "  " + new string('a', 600) + " ")));

        var replies = await h.Store.ExportRepliesAsync().Where(x => x.PromptId == h.Scheduled.PromptIds[0]).ToListAsync();
        Assert.Equal(600, Assert.Single(replies).Text.Length);
        Assert.Equal(Sources.Human, replies[0].Source);
    }

    [Theory]
    [InlineData("I hear you\u001b[2J", "U+001B, character 11")]
    [InlineData("so sorry\u0000", "U+0000, character 9")]
    [InlineData("that hurts\u0007", "U+0007, character 11")]
    [InlineData("\u009bhi there", "U+009B, character 1")]
    [InlineData("oh no\u007f", "U+007F, character 6")]
    public async Task A_reply_with_a_control_character_is_refused_and_the_prompt_stays_open(string reply, string named)
    {
        await h.ConsentAsync("ann");
        await h.SayAsync("ann", "respond");

        var refused = await h.SayAsync("ann", reply);
        Assert.Contains("invisible control character (" + named + ")", EngineHarness.Text(refused));
        Assert.Contains("Type your reply.", EngineHarness.Text(refused));
        Assert.Empty(await h.Store.ExportRepliesAsync().Where(x => x.PromptId == h.Scheduled.PromptIds[0]).ToListAsync());

        Assert.Contains("Your reply is saved", EngineHarness.Text(await h.SayAsync("ann", "I'm here for you.")));
        Assert.Equal("I'm here for you.", Assert.Single(await h.Store.ExportRepliesAsync().Where(x => x.PromptId == h.Scheduled.PromptIds[0]).ToListAsync()).Text);
    }

    [Fact]
    public async Task Line_breaks_and_tabs_are_kept_in_a_reply()
    {
        await h.ConsentAsync("ann");
        await h.SayAsync("ann", "respond");

        Assert.Contains("Your reply is saved", EngineHarness.Text(await h.SayAsync("ann", "First line\r\nsecond\tline\nthird")));
        Assert.Equal("First line\r\nsecond\tline\nthird", Assert.Single(await h.Store.ExportRepliesAsync().Where(x => x.PromptId == h.Scheduled.PromptIds[0]).ToListAsync()).Text);
    }

    [Fact]
    public async Task Prompts_are_balanced_across_participants()
    {
        await h.ConsentAsync("ann", "bob");
        await h.SayAsync("ann", "respond");
        await h.SayAsync("ann", "my reply");
        await h.SayAsync("bob", "respond");
        Assert.NotEqual(h.Scheduled.PromptIds[0], h.Scheduled.PromptIds[1]);
    }

    [Fact]
    public async Task Rating_is_blind_once_per_rater_never_own_and_names_no_author_after()
    {
        await h.ConsentAsync("ann", "bob");
        await h.SayAsync("ann", "respond");
        await h.SayAsync("ann", "I'm so sorry, that sounds scary.");

        Assert.Contains("nothing left for you to rate", EngineHarness.Text(await h.SayAsync("ann", "rate")));

        var card = await h.SayAsync("bob", "rate");
        Assert.Contains("I'm so sorry, that sounds scary.", EngineHarness.Text(card));
        Assert.DoesNotContain("person", EngineHarness.Text(card));
        var good = EngineHarness.Button(card, "Good");

        var rated = await h.PressAsync("bob", good);
        Assert.Empty(rated.Replies);
        Assert.Equal("Thanks, you rated this reply Good.", rated.ReplaceActionSource!.Summary);

        var again = await h.PressAsync("bob", good);
        Assert.Contains("already rated", EngineHarness.Text(again));

        var counters = await h.Store.GetCountersAsync();
        var human = Assert.Single(counters, c => c.Source == Sources.Human);
        Assert.Equal(1, human.Counts.Ratings);
        Assert.Equal(1, human.Counts.Good);

        // Ann cannot rate her own reply even by crafting the button data: it was never given to her.
        Assert.Contains("not given to you", EngineHarness.Text(await h.PressAsync("ann", good)));
    }

    [Fact]
    public async Task Replies_leave_the_pool_at_the_target_number_of_ratings()
    {
        await using var small = new EngineHarness(targetPerReply: 1);
        await small.Store.UpsertPromptsAsync([EngineHarness.Prompt("p1")]);
        await small.ConsentAsync("ann", "bob", "cat");
        await small.SayAsync("ann", "respond");
        await small.SayAsync("ann", "That must be hard.");
        await small.PressAsync("bob", EngineHarness.Button(await small.SayAsync("bob", "rate"), "Okay"));
        Assert.Contains("nothing left", EngineHarness.Text(await small.SayAsync("cat", "rate")));
    }

    [Fact]
    public async Task Summary_and_forget_me()
    {
        await h.ConsentAsync("ann", "bob");
        await h.SayAsync("ann", "respond");
        await h.SayAsync("ann", "That sounds so hard.");
        await h.PressAsync("bob", EngineHarness.Button(await h.SayAsync("bob", "rate"), "Bad"));

        Assert.Contains("People 0% Good", EngineHarness.Text(await h.SayAsync("bob", "summary")));

        var forgotten = await h.ForgetAsync("ann");
        Assert.Contains("1 reply", EngineHarness.Text(forgotten));
        Assert.DoesNotContain(await h.Store.GetCountersAsync(), c => c.Counts.Ratings > 0 || c.Counts.Replies > 0);
        Assert.Contains("Please read", EngineHarness.Text(await h.SayAsync("ann", "summary")));
    }
}
