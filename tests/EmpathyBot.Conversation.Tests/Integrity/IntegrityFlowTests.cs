using EmpathyBot.Conversation.Engine;
using EmpathyBot.Conversation.Flows;
using EmpathyBot.Conversation.Tests.Engine;
using EmpathyBot.Core.Integrity;
using EmpathyBot.Core.Study;
using EmpathyBot.Services.Summary;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace EmpathyBot.Conversation.Tests.Integrity;

/// <summary>Reply and rater integrity through the engine, on a fake clock over a real SQLite store.</summary>
public sealed class IntegrityFlowTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider clock = new(T0);

    // 40 characters: at the default 15 characters a second it needs 2.67 s.
    private const string Reply = "I am so sorry, that sounds really hard.!";

    private async Task<EngineHarness> StudyAsync(Dictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Rating:MinSecondsPerCard"] = "2",
            ["Quality:MaxCharsPerSecond"] = "15",
            ["Data:Directory"] = Path.Combine(RepositoryRoot(), "data"),
        };
        foreach (var (k, v) in settings ?? []) all[k] = v;
        var h = new EngineHarness(settings: all, time: clock);
        await h.Store.UpsertPromptsAsync([EngineHarness.Prompt("p1")]);
        await h.ConsentAsync("ann", "bob");
        return h;
    }

    private static async Task<List<T>> ListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items) list.Add(item);
        return list;
    }

    private Task<TurnResult> SendAsync(EngineHarness h, string user, string text, bool pasted = false) =>
        h.Engine.HandleAsync(new Turn("test", user, "conv-" + user, TurnKind.Message, text, Pasted: pasted));

    [Fact]
    public async Task A_reply_typed_faster_than_a_person_types_is_timed_flagged_and_kept_out_of_the_pool()
    {
        await using var h = await StudyAsync();
        await h.SayAsync("ann", "respond");
        clock.Advance(TimeSpan.FromSeconds(2.6));
        await h.SayAsync("ann", Reply);

        var stored = Assert.Single(await h.Store.ExportRepliesAsync().Where(x => x.PromptId == "p1").ToListAsync());
        Assert.Equal(ExclusionReasons.TooFast, stored.ExcludedReason);
        var check = Assert.Single(await ListAsync(h.Store.ExportReplyChecksAsync()));
        Assert.Equal((T0, 2.6), (check.ShownAt!.Value, check.Seconds!.Value));
        Assert.Equal([ExclusionReasons.TooFast], check.Flags);
        Assert.Equal(40 / 2.6, check.CharsPerSecond!.Value, 9);
        var timing = Assert.Single(await ListAsync(h.Store.ExportCardTimingsAsync()));
        Assert.Equal((CardKinds.Reply, "p1", T0, (DateTimeOffset?)T0.AddSeconds(2.6)), (timing.Kind, timing.ItemId, timing.ShownAt, timing.AnsweredAt));

        var summary = await h.Services.GetRequiredService<SummaryQuery>().BuildAsync(default);
        Assert.Equal(1, summary.Overall.Sources[Sources.Human].ExcludedRepliesByReason![ExclusionReasons.TooFast]);
    }

    [Fact]
    public async Task A_reply_at_typing_speed_stays_in_the_pool()
    {
        await using var h = await StudyAsync();
        await h.SayAsync("ann", "respond");
        // A problem shows the prompt again; its first showing still counts.
        clock.Advance(TimeSpan.FromSeconds(1));
        await h.SayAsync("ann", new string('x', 700));
        clock.Advance(TimeSpan.FromSeconds(1.7));
        await h.SayAsync("ann", Reply);

        Assert.True(Assert.Single(await h.Store.ExportRepliesAsync().Where(x => x.PromptId == "p1").ToListAsync()).InPool);
        Assert.Empty(Assert.Single(await ListAsync(h.Store.ExportReplyChecksAsync())).Flags);
    }

    [Fact]
    public async Task A_pasted_reply_is_flagged_and_kept_out_unless_suspect_replies_may_stay()
    {
        await using (var h = await StudyAsync())
        {
            await h.SayAsync("ann", "respond");
            clock.Advance(TimeSpan.FromMinutes(1));
            await SendAsync(h, "ann", Reply, pasted: true);
            Assert.Equal(ExclusionReasons.Pasted, Assert.Single(await h.Store.ExportRepliesAsync().Where(x => x.PromptId == "p1").ToListAsync()).ExcludedReason);
        }

        await using (var h = await StudyAsync(new() { ["Quality:ExcludeSuspectReplies"] = "false" }))
        {
            await h.SayAsync("ann", "respond");
            clock.Advance(TimeSpan.FromMinutes(1));
            await SendAsync(h, "ann", Reply, pasted: true);
            Assert.True(Assert.Single(await h.Store.ExportRepliesAsync().Where(x => x.PromptId == "p1").ToListAsync()).InPool);
            Assert.Equal([ExclusionReasons.Pasted], Assert.Single(await ListAsync(h.Store.ExportReplyChecksAsync())).Flags);
        }
    }

    [Fact]
    public async Task A_copy_of_a_contenders_reply_is_a_duplicate()
    {
        await using var h = await StudyAsync();
        await h.Store.AddReplyAsync(new Reply("m-1", "p1", "gpt", "That sounds so hard. I'm here for you, truly.", null, T0));
        await h.SayAsync("ann", "respond");
        clock.Advance(TimeSpan.FromMinutes(1));
        await h.SayAsync("ann", "That sounds SO hard... I'm here for you truly");

        var mine = (await h.Store.ExportRepliesAsync().Where(x => x.PromptId == "p1").ToListAsync()).Single(r => r.Source == Sources.Human);
        Assert.Equal(ExclusionReasons.Duplicate, mine.ExcludedReason);
        var check = Assert.Single(await ListAsync(h.Store.ExportReplyChecksAsync()));
        Assert.Equal((1.0, "m-1"), (check.Similarity, check.SimilarTo));
    }

    [Fact]
    public async Task A_rating_sooner_than_the_minimum_is_stored_but_not_counted()
    {
        await using var h = await StudyAsync();
        await h.Store.AddReplyAsync(new Reply("m-1", "p1", "gpt", "first model reply", null, T0));
        await h.Store.AddReplyAsync(new Reply("m-2", "p1", "gpt", "second model reply", null, T0));

        var card = await h.SayAsync("bob", "rate");
        clock.Advance(TimeSpan.FromSeconds(1.9));
        await h.PressAsync("bob", EngineHarness.Button(card, "Good"));
        card = await h.SayAsync("bob", "rate");
        clock.Advance(TimeSpan.FromSeconds(2));
        await h.PressAsync("bob", EngineHarness.Button(card, "Good"));

        var counters = (await h.Store.GetCountersAsync()).Single(c => c.Source == "gpt").Counts;
        Assert.Equal(1, counters.Ratings);
        Assert.Single(await ListAsync(h.Store.ExportRatingFlagsAsync()));
        Assert.Equal(2, (await ListAsync(h.Store.ExportCardTimingsAsync())).Count(t => t.Kind == CardKinds.Rating && t.AnsweredAt is not null));
    }

    [Fact]
    public async Task With_author_guesses_on_the_thanks_asks_who_wrote_it_and_the_guess_counts_once()
    {
        await using var h = await StudyAsync(new() { ["Rating:AskAuthorGuess"] = "true", ["Rating:RevealSource"] = "true" });
        await h.Store.AddReplyAsync(new Reply("m-1", "p1", "gpt", "first model reply", null, T0));

        var card = await h.SayAsync("bob", "rate");
        clock.Advance(TimeSpan.FromSeconds(5));
        var thanks = await h.PressAsync("bob", EngineHarness.Button(card, "Good"));
        Assert.Contains(AuthorGuessFlow.Question, EngineHarness.Text(thanks));
        // The author is revealed only after the guess, never before it.
        Assert.DoesNotContain("written by", EngineHarness.Text(thanks));
        var ai = EngineHarness.Button(thanks, "An AI");
        Assert.NotNull(EngineHarness.Button(thanks, "A person"));
        Assert.NotNull(EngineHarness.Button(thanks, "Not sure"));

        var answered = EngineHarness.Text(await h.PressAsync("bob", ai));
        Assert.Contains("Thanks for your answer", answered);
        Assert.Contains("written by", answered);
        Assert.Contains("first answer stands", EngineHarness.Text(await h.PressAsync("bob", EngineHarness.Button(thanks, "A person"))));
        // Somebody else pressing bob's button stores nothing.
        Assert.Contains("not given to you", EngineHarness.Text(await h.PressAsync("ann", ai)));

        Assert.Equal([new AuthorGuess(Participants(h, "bob"), "m-1", AuthorGuesses.Ai, T0.AddSeconds(5))], await ListAsync(h.Store.ExportAuthorGuessesAsync()));
        var guess = (await h.Services.GetRequiredService<SummaryQuery>().BuildAsync(default)).Overall.Sources["gpt"].AuthorGuess!;
        Assert.Equal((1L, 1L, 1.0, 1.0), (guess.Guesses, guess.Correct, guess.Accuracy!.Value, guess.GoodRateWhenGuessedAi!.Value));
    }

    [Fact]
    public async Task Without_author_guesses_the_thanks_has_no_question_and_a_guess_is_refused()
    {
        await using var h = await StudyAsync();
        await h.Store.AddReplyAsync(new Reply("m-1", "p1", "gpt", "first model reply", null, T0));
        var card = await h.SayAsync("bob", "rate");
        clock.Advance(TimeSpan.FromSeconds(5));
        var thanks = await h.PressAsync("bob", EngineHarness.Button(card, "Good"));
        Assert.DoesNotContain(AuthorGuessFlow.Question, EngineHarness.Text(thanks));

        var forged = new Messages.MessageAction("An AI", new Dictionary<string, string>
        {
            [Messages.ActionKeys.Action] = Commands.Guess, [Messages.ActionKeys.Reply] = "m-1", [Messages.ActionKeys.Guess] = AuthorGuesses.Ai,
        });
        Assert.Contains("nothing was stored", EngineHarness.Text(await h.PressAsync("bob", forged)));
        Assert.Empty(await ListAsync(h.Store.ExportAuthorGuessesAsync()));
    }

    [Fact]
    public async Task Quiz_and_feelings_check_cards_are_timed_from_shown_to_answered()
    {
        await using var h = await StudyAsync();
        await h.SayAsync("ann", "quiz");
        clock.Advance(TimeSpan.FromSeconds(7));
        await h.SayAsync("ann", "3 3 2 2");
        await h.SayAsync("ann", "appraisal");
        clock.Advance(TimeSpan.FromSeconds(30));
        await h.SayAsync("ann", string.Join(' ', Enumerable.Repeat("3", 20)));

        var timings = await ListAsync(h.Store.ExportCardTimingsAsync());
        var quiz = timings.Where(t => t.Kind == CardKinds.Quiz).OrderBy(t => t.ShownAt).ToList();
        Assert.Equal((T0, (DateTimeOffset?)T0.AddSeconds(7)), (quiz[0].ShownAt, quiz[0].AnsweredAt));
        Assert.Equal((T0.AddSeconds(7), (DateTimeOffset?)null), (quiz[1].ShownAt, quiz[1].AnsweredAt));
        var answers = await ListAsync(h.Store.ExportUnderstandingAnswersAsync());
        Assert.Equal(quiz[0].ItemId, Assert.Single(answers).Id);

        var appraisal = timings.Where(t => t.Kind == CardKinds.Appraisal).OrderBy(t => t.ShownAt).ToList();
        Assert.EndsWith("|before", appraisal[0].ItemId);
        Assert.Equal((T0.AddSeconds(7), (DateTimeOffset?)T0.AddSeconds(37)), (appraisal[0].ShownAt, appraisal[0].AnsweredAt));
        Assert.EndsWith("|after", appraisal[1].ItemId);
        Assert.Null(appraisal[1].AnsweredAt);
    }

    [Theory]
    [InlineData("Rating:StraightLineRun", "1", "Rating:StraightLineRun")]
    [InlineData("Quality:DuplicateThreshold", "0", "DuplicateThreshold")]
    [InlineData("Quality:MaxCharsPerSecond", "-1", "MaxCharsPerSecond")]
    [InlineData("Rating:MinSecondsPerCard", "-1", "MinSecondsPerCard")]
    public async Task A_bad_integrity_setting_stops_start_up_with_its_name(string key, string value, string named)
    {
        await using var h = new EngineHarness(settings: new Dictionary<string, string?> { [key] = value });
        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() =>
        {
            _ = h.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<RatingOptions>>().Value;
            _ = h.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Conversation.Integrity.QualityOptions>>().Value;
        });
        Assert.Contains(named, error.Message);
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "EmpathyBot.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("The repository root (EmpathyBot.sln) is not above the test binaries.");
    }

    private static string Participants(EngineHarness h, string user) =>
        h.Services.GetRequiredService<Participants>().KeyOf(new Turn("test", user, "conv-" + user, TurnKind.Message, null));
}
