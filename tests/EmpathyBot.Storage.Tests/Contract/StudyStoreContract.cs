using EmpathyBot.Core.Integrity;
using EmpathyBot.Core.Interchange;
using EmpathyBot.Core.Study;
using EmpathyBot.Core.Summary;
using EmpathyBot.Core.Ports;
using EmpathyBot.Storage;
using Microsoft.Extensions.Time.Testing;

namespace EmpathyBot.Storage.Tests.Contract;

/// <summary>
/// The behaviour every <see cref="IStudyStore"/> must have. Derive once per implementation and return a fresh,
/// empty store on <see cref="Clock"/> from <see cref="CreateStoreAsync"/>; the derived class cleans up after each test.
/// </summary>
public abstract partial class StudyStoreContract
{
    protected static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>The clock every store of the test runs on (claim expiry, withdrawal time).</summary>
    protected FakeTimeProvider Clock { get; } = new(T0);

    protected abstract Task<IStudyStore> CreateStoreAsync();

    // ---------- helpers ----------

    protected static StudyPrompt Prompt(string id, string emotion = "sad", string set = "s1") =>
        new(id, emotion, $"situation of {id}", $"utterance of {id}", set);

    protected static Reply Human(string id, string promptId, string author, string? excluded = null) =>
        new(id, promptId, Sources.Human, $"human reply {id}", author, T0, excluded);

    protected static Reply Model(string id, string promptId, string source = "gpt", string? cacheKey = null, string? excluded = null) =>
        new(id, promptId, source, $"model reply {id}", null, T0.AddMinutes(1), excluded,
            new ModelReplyInfo("gpt-test", "tmpl1", cacheKey ?? $"key-{id}", 12.5, 100, 30, "stop"));

    protected static Rating Rate(string replyId, string rater, RatingValue value = RatingValue.Good) =>
        new(replyId, rater, value, T0.AddHours(1));

    protected static async Task<SourceCounts> CountsAsync(IStudyStore store, string emotion, string source)
    {
        var rows = await store.GetCountersAsync();
        return rows.SingleOrDefault(r => r.Emotion == emotion && r.Source == source)?.Counts ?? SourceCounts.Zero;
    }

    protected static async Task<IStudyStore> SeededAsync(IStudyStore store, params StudyPrompt[] prompts)
    {
        await store.UpsertPromptsAsync(prompts);
        return store;
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items) list.Add(item);
        return list;
    }

    /// <summary>Every reply the rater gets offered, found by rating each offer in turn (so it uses up that rater).</summary>
    protected static async Task<List<string>> RatableAsync(IStudyStore store, string rater, int target)
    {
        var ids = new List<string>();
        while (await store.NextReplyToRateAsync(rater, target) is { } next && ids.Count < 1000)
        {
            ids.Add(next.Id);
            await store.AddRatingAsync(Rate(next.Id, rater));
        }

        ids.Sort(StringComparer.Ordinal);
        return ids;
    }

    // ---------- ping ----------

    [Fact]
    public async Task Ping_answers_true()
    {
        var store = await CreateStoreAsync();
        Assert.True(await store.PingAsync());
    }

    // ---------- prompts ----------

    [Fact]
    public async Task UpsertPrompts_counts_only_new_prompts_and_replaces_existing_ones()
    {
        var store = await CreateStoreAsync();
        Assert.Equal(2, await store.UpsertPromptsAsync([Prompt("p1"), Prompt("p2")]));

        var changed = Prompt("p1", "joyful") with { Situation = "new situation" };
        Assert.Equal(1, await store.UpsertPromptsAsync([changed, Prompt("p3")]));

        Assert.Equal(changed, await store.GetPromptAsync("p1"));
        Assert.Null(await store.GetPromptAsync("nope"));
    }

    [Fact]
    public async Task GetPrompts_returns_one_set_and_GetPromptSets_counts_per_set()
    {
        var store = await SeededAsync(await CreateStoreAsync(), Prompt("a1", set: "a"), Prompt("a2", set: "a"), Prompt("b1", set: "b"));

        var a = await store.GetPromptsAsync("a");
        Assert.Equal(["a1", "a2"], a.Select(p => p.Id).Order());
        Assert.Equal(Prompt("a1", set: "a"), a.Single(p => p.Id == "a1"));
        Assert.Empty(await store.GetPromptsAsync("missing"));

        var sets = await store.GetPromptSetsAsync();
        Assert.Equal(2, sets["a"]);
        Assert.Equal(1, sets["b"]);
        Assert.Equal(2, sets.Count);
    }

    [Fact]
    public async Task NextPromptToAnswer_picks_the_prompt_with_fewest_human_replies()
    {
        var store = await SeededAsync(await CreateStoreAsync(), Prompt("p1"), Prompt("p2"), Prompt("p3"));
        await store.AddReplyAsync(Human("r1", "p1", "alice"));
        await store.AddReplyAsync(Human("r2", "p1", "bob"));
        await store.AddReplyAsync(Human("r3", "p2", "bob"));
        // Model and excluded human replies do not count towards human coverage.
        await store.AddReplyAsync(Model("m1", "p3"));
        await store.AddReplyAsync(Human("x1", "p3", "dave", excluded: "too short"));

        for (var i = 0; i < 10; i++)
        {
            Assert.Equal("p3", (await store.NextPromptToAnswerAsync("s1", "carol"))!.Id);
        }

        await store.AddReplyAsync(Human("r4", "p3", "erin"));
        await store.AddReplyAsync(Human("r5", "p3", "frank"));
        Assert.Equal("p2", (await store.NextPromptToAnswerAsync("s1", "carol"))!.Id);
    }

    [Fact]
    public async Task NextPromptToAnswer_skips_answered_prompts_and_returns_null_when_all_are_answered()
    {
        var store = await SeededAsync(await CreateStoreAsync(), Prompt("p1"), Prompt("p2"), Prompt("q1", set: "other"));
        await store.AddReplyAsync(Human("r1", "p1", "alice"));
        Assert.Equal("p2", (await store.NextPromptToAnswerAsync("s1", "alice"))!.Id);

        await store.AddReplyAsync(Human("r2", "p2", "alice"));
        Assert.Null(await store.NextPromptToAnswerAsync("s1", "alice"));
        Assert.Equal("q1", (await store.NextPromptToAnswerAsync("other", "alice"))!.Id);
        Assert.Null(await store.NextPromptToAnswerAsync("missing", "alice"));
    }

    [Fact]
    public async Task NextPromptToAnswer_breaks_ties_at_random()
    {
        var store = await SeededAsync(await CreateStoreAsync(), Enumerable.Range(1, 8).Select(i => Prompt($"p{i}")).ToArray());
        var seen = new HashSet<string>();
        for (var i = 0; i < 60; i++)
        {
            seen.Add((await store.NextPromptToAnswerAsync("s1", "alice"))!.Id);
        }

        Assert.True(seen.Count >= 3, $"only {seen.Count} distinct prompts offered in 60 tries");
    }

    [Fact]
    public async Task Ties_are_drawn_with_equal_chances_for_prompts_and_replies()
    {
        // Four tied prompts and four tied replies, 800 draws each: every one should come up about 200 times (the
        // standard deviation is about 12). A draw weighted by the gaps between random keys fails this nearly always.
        var store = await SeededAsync(await CreateStoreAsync(), Enumerable.Range(1, 4).Select(i => Prompt($"p{i}")).ToArray());
        for (var i = 1; i <= 4; i++) await store.AddReplyAsync(Model($"m{i}", $"p{i}"));

        var prompts = new Dictionary<string, int>();
        var replies = new Dictionary<string, int>();
        for (var i = 0; i < 800; i++)
        {
            var prompt = (await store.NextPromptToAnswerAsync("s1", "alice"))!.Id;
            prompts[prompt] = prompts.GetValueOrDefault(prompt) + 1;
            var reply = (await store.NextReplyToRateAsync($"rater{i}", 1000))!.Id;
            replies[reply] = replies.GetValueOrDefault(reply) + 1;
            // An offer is not a rating: the replies stay tied.
        }

        foreach (var counts in new[] { prompts, replies })
        {
            Assert.Equal(4, counts.Count);
            Assert.All(counts.Values, n => Assert.InRange(n, 140, 260));
        }
    }

    // ---------- replies ----------

    [Fact]
    public async Task AddReply_stores_every_field_and_refuses_a_duplicate_id()
    {
        var store = await SeededAsync(await CreateStoreAsync(), Prompt("p1"));
        var model = Model("m1", "p1", cacheKey: "ck-1");
        var human = Human("h1", "p1", "alice");

        Assert.True(await store.AddReplyAsync(model));
        Assert.True(await store.AddReplyAsync(human));
        Assert.False(await store.AddReplyAsync(human with { Text = "other text" }));

        Assert.Equal(model, await store.GetReplyAsync("m1"));
        Assert.Equal(human, await store.GetReplyAsync("h1"));
        Assert.Null(await store.GetReplyAsync("nope"));
        Assert.Equal(1, (await CountsAsync(store, "sad", Sources.Human)).Replies);
    }

    [Fact]
    public async Task AddReply_for_an_unknown_prompt_is_refused()
    {
        var store = await CreateStoreAsync();
        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.AddReplyAsync(Human("h1", "missing", "alice")));
        Assert.Null(await store.GetReplyAsync("h1"));
    }

    [Fact]
    public async Task GetReplyKeysForPrompt_lists_who_wrote_each_reply_of_that_prompt_excluded_ones_too()
    {
        var store = await SeededAsync(await CreateStoreAsync(), Prompt("p1"), Prompt("p2"));
        await store.AddReplyAsync(Human("h1", "p1", "alice"));
        await store.AddReplyAsync(Human("h2", "p1", "bob", excluded: "duplicate"));
        await store.AddReplyAsync(Model("m1", "p1"));
        await store.AddReplyAsync(Model("m2", "p2"));

        var keys = await store.GetReplyKeysForPromptAsync("p1");
        Assert.Equal(
            [new ReplyKey("h1", "p1", Sources.Human, "alice"), new ReplyKey("h2", "p1", Sources.Human, "bob"), new ReplyKey("m1", "p1", "gpt", null)],
            keys.OrderBy(k => k.Id, StringComparer.Ordinal));
        Assert.Empty(await store.GetReplyKeysForPromptAsync("missing"));

        await store.ForgetAsync("alice");
        Assert.Equal(["h2", "m1"], (await store.GetReplyKeysForPromptAsync("p1")).Select(k => k.Id).Order());
    }

    [Fact]
    public async Task FindReplyByCacheKey_finds_the_model_reply_made_under_that_key()
    {
        var store = await SeededAsync(await CreateStoreAsync(), Prompt("p1"), Prompt("p2"));
        await store.AddReplyAsync(Model("m1", "p1", cacheKey: "k1"));
        await store.AddReplyAsync(Model("m2", "p2", cacheKey: "k2"));
        await store.AddReplyAsync(Human("h1", "p1", "alice"));

        var found = await store.FindReplyByCacheKeyAsync("k2");
        Assert.NotNull(found);
        Assert.Equal("m2", found.Id);
        Assert.Equal("k2", found.Model!.CacheKey);
        Assert.Equal(100, found.Model.PromptTokens);
        Assert.Null(await store.FindReplyByCacheKeyAsync("k3"));
    }

    [Fact]
    public async Task PromptsWithoutReplyFrom_lists_the_set_prompts_a_source_has_not_answered()
    {
        var store = await SeededAsync(await CreateStoreAsync(), Prompt("p1"), Prompt("p2"), Prompt("p3"), Prompt("q1", set: "other"));
        await store.AddReplyAsync(Model("m1", "p1", "gpt"));
        await store.AddReplyAsync(Model("m2", "p2", "gpt", excluded: "reveals model")); // answered, even if excluded
        await store.AddReplyAsync(Model("c1", "p3", "claude"));
        await store.AddReplyAsync(Human("h1", "p3", "alice"));

        Assert.Equal(["p3"], await store.PromptsWithoutReplyFromAsync("s1", "gpt"));
        Assert.Equal(["p1", "p2"], (await store.PromptsWithoutReplyFromAsync("s1", "claude")).Order());
        Assert.Equal(["q1"], await store.PromptsWithoutReplyFromAsync("other", "gpt"));
    }

    [Fact]
    public async Task ModelFailures_are_replaced_per_attempt_kept_per_source_and_cleared_by_a_reply()
    {
        var store = await SeededAsync(await CreateStoreAsync(), Prompt("p1"), Prompt("p2"));
        await store.RecordModelFailureAsync(new ModelFailure("p1", "gpt", "k1", "timeout", 1, T0));
        await store.RecordModelFailureAsync(new ModelFailure("p1", "gpt", "k1", "HTTP 500", 2, T0.AddMinutes(1)));
        await store.RecordModelFailureAsync(new ModelFailure("p2", "gpt", "k2", "timeout", 1, T0));
        await store.RecordModelFailureAsync(new ModelFailure("p1", "claude", "k3", "refused", 3, T0));

        var gpt = (await store.GetModelFailuresAsync("gpt")).OrderBy(f => f.PromptId).ToList();
        Assert.Equal(2, gpt.Count);
        Assert.Equal(new ModelFailure("p1", "gpt", "k1", "HTTP 500", 2, T0.AddMinutes(1)), gpt[0]);
        Assert.Single(await store.GetModelFailuresAsync("claude"));
        Assert.Empty(await store.GetModelFailuresAsync("nobody"));

        await store.AddReplyAsync(Model("m1", "p1", "gpt"));
        Assert.Equal(["p2"], (await store.GetModelFailuresAsync("gpt")).Select(f => f.PromptId));
        Assert.Single(await store.GetModelFailuresAsync("claude"));
    }

    // ---------- rating pool ----------

    [Fact]
    public async Task NextReplyToRate_never_offers_the_raters_own_reply()
    {
        var store = await SeededAsync(await CreateStoreAsync(), Prompt("p1"));
        await store.AddReplyAsync(Human("h1", "p1", "alice"));

        Assert.Null(await store.NextReplyToRateAsync("alice", 3));
        Assert.Equal("h1", (await store.NextReplyToRateAsync("bob", 3))!.Id);
    }

    [Fact]
    public async Task NextReplyToRate_offers_each_reply_at_most_once_per_rater()
    {
        var store = await SeededAsync(await CreateStoreAsync(), Prompt("p1"), Prompt("p2"));
        await store.AddReplyAsync(Human("h1", "p1", "alice"));
        await store.AddReplyAsync(Model("m1", "p1"));
        await store.AddReplyAsync(Model("m2", "p2"));

        var rated = new List<string>();
        while (await store.NextReplyToRateAsync("bob", 5) is { } next)
        {
            Assert.Equal(RatingOutcome.Recorded, await store.AddRatingAsync(Rate(next.Id, "bob")));
            rated.Add(next.Id);
            Assert.True(rated.Count <= 3, "offered more replies than exist");
        }

        Assert.Equal(["h1", "m1", "m2"], rated.Order());
    }

    [Fact]
    public async Task NextReplyToRate_with_a_time_records_the_cards_first_showing_with_its_offer()
    {
        var store = await SeededAsync(await CreateStoreAsync(), Prompt("p1"));
        await store.AddReplyAsync(Model("m1", "p1"));
        await store.AddReplyAsync(Model("m2", "p1"));

        var shown = await store.NextReplyToRateAsync("bob", 3, shownAt: T0);
        Assert.Equal(T0, (await store.GetCardTimingAsync("bob", CardKinds.Rating, shown!.Id))?.ShownAt);
        // A gold item shown instead is the card's item; without a time nothing is recorded (the caller records it).
        var gold = ReplyIds.NewGold();
        Assert.NotNull(await store.NextReplyToRateAsync("bob", 3, gold, T0.AddMinutes(1)));
        Assert.Equal(T0.AddMinutes(1), (await store.GetCardTimingAsync("bob", CardKinds.Rating, gold))?.ShownAt);
        var untimed = await store.NextReplyToRateAsync("carl", 3);
        Assert.Null(await store.GetCardTimingAsync("carl", CardKinds.Rating, untimed!.Id));
        Assert.Equal(RatingOfferKind.Reply, await store.GetOfferAsync("carl", untimed.Id));
    }

    [Fact]
    public async Task NextReplyToRate_stops_offering_a_reply_once_it_reaches_the_target()
    {
        var store = await SeededAsync(await CreateStoreAsync(), Prompt("p1"));
        await store.AddReplyAsync(Model("m1", "p1"));
        await store.AddRatingAsync(Rate("m1", "r1"));
        await store.AddRatingAsync(Rate("m1", "r2"));

        Assert.Null(await store.NextReplyToRateAsync("r3", 2));
        Assert.Equal("m1", (await store.NextReplyToRateAsync("r3", 3))!.Id);
        Assert.Null(await store.NextReplyToRateAsync("r3", 0));
        // A protocol's rate step asks beyond the target once nothing under it is left (RatingPool).
        Assert.Equal("m1", (await store.NextReplyToRateAsync("r4", int.MaxValue))!.Id);
    }

    [Fact]
    public async Task NextReplyToRate_prefers_the_least_rated_reply()
    {
        var store = await SeededAsync(await CreateStoreAsync(), Prompt("p1"), Prompt("p2"), Prompt("p3"));
        await store.AddReplyAsync(Model("m1", "p1"));
        await store.AddReplyAsync(Model("m2", "p2"));
        await store.AddReplyAsync(Model("m3", "p3"));
        await store.AddRatingAsync(Rate("m1", "r1"));
        await store.AddRatingAsync(Rate("m1", "r2"));
        await store.AddRatingAsync(Rate("m2", "r1"));

        for (var i = 0; i < 10; i++)
        {
            Assert.Equal("m3", (await store.NextReplyToRateAsync("zed", 5))!.Id);
        }

        await store.AddRatingAsync(Rate("m3", "r1"));
        await store.AddRatingAsync(Rate("m3", "r2"));
        Assert.Equal("m2", (await store.NextReplyToRateAsync("zed", 5))!.Id);
    }

    [Fact]
    public async Task NextReplyToRate_never_offers_excluded_replies()
    {
        var store = await SeededAsync(await CreateStoreAsync(), Prompt("p1"));
        await store.AddReplyAsync(Model("m1", "p1", excluded: "reveals model"));
        await store.AddReplyAsync(Human("h1", "p1", "alice", excluded: "empty"));

        Assert.Null(await store.NextReplyToRateAsync("bob", 5));
        Assert.Equal(RatingOutcome.UnknownReply, await store.AddRatingAsync(Rate("m1", "bob")));
    }

    [Fact]
    public async Task NextReplyToRate_breaks_ties_at_random()
    {
        var store = await SeededAsync(await CreateStoreAsync(), Prompt("p1"));
        for (var i = 0; i < 8; i++) await store.AddReplyAsync(Model($"m{i}", "p1"));

        var seen = new HashSet<string>();
        for (var i = 0; i < 60; i++) seen.Add((await store.NextReplyToRateAsync("bob", 3))!.Id);
        Assert.True(seen.Count >= 3, $"only {seen.Count} distinct replies offered in 60 tries");
    }

    // ---------- ratings and counters ----------

    [Fact]
    public async Task AddRating_of_an_unknown_reply_is_reported_and_changes_nothing()
    {
        var store = await CreateStoreAsync();
        Assert.Equal(RatingOutcome.UnknownReply, await store.AddRatingAsync(Rate("nope", "bob")));
        Assert.Empty(await store.GetCountersAsync());
        Assert.Empty(await ToListAsync(store.ExportRatingsAsync()));
    }

    [Fact]
    public async Task AddRating_twice_by_the_same_rater_changes_nothing()
    {
        var store = await SeededAsync(await CreateStoreAsync(), Prompt("p1"));
        await store.AddReplyAsync(Model("m1", "p1"));

        Assert.Equal(RatingOutcome.Recorded, await store.AddRatingAsync(Rate("m1", "bob", RatingValue.Good)));
        var before = await CountsAsync(store, "sad", "gpt");
        Assert.Equal(RatingOutcome.AlreadyRated, await store.AddRatingAsync(Rate("m1", "bob", RatingValue.Bad)));

        Assert.Equal(before, await CountsAsync(store, "sad", "gpt"));
        var export = await ToListAsync(store.ExportRatingsAsync());
        Assert.Equal(RatingValue.Good, Assert.Single(export).Rating);
        // Still counts towards the target exactly once.
        Assert.Null(await store.NextReplyToRateAsync("carol", 1));
    }

    [Fact]
    public async Task Counters_follow_replies_and_ratings_per_emotion_and_source()
    {
        var store = await SeededAsync(await CreateStoreAsync(), Prompt("p1", "sad"), Prompt("p2", "joyful"));
        await store.AddReplyAsync(Human("h1", "p1", "alice"));
        await store.AddReplyAsync(Human("h2", "p2", "alice"));
        await store.AddReplyAsync(Model("m1", "p1"));
        await store.AddReplyAsync(Model("m2", "p1", "claude"));

        await store.AddRatingAsync(Rate("h1", "r1", RatingValue.Good));
        await store.AddRatingAsync(Rate("h1", "r2", RatingValue.Bad));
        await store.AddRatingAsync(Rate("m1", "r1", RatingValue.Good));
        await store.AddRatingAsync(Rate("m1", "r2", RatingValue.Okay));
        await store.AddRatingAsync(Rate("m1", "r3", RatingValue.Good));
        await store.AddRatingAsync(Rate("h2", "r1", RatingValue.Okay));

        Assert.Equal(new SourceCounts(1, 2, 1, 0, 1), await CountsAsync(store, "sad", Sources.Human));
        Assert.Equal(new SourceCounts(1, 3, 2, 1, 0), await CountsAsync(store, "sad", "gpt"));
        Assert.Equal(new SourceCounts(1, 0, 0, 0, 0), await CountsAsync(store, "sad", "claude"));
        Assert.Equal(new SourceCounts(1, 1, 0, 1, 0), await CountsAsync(store, "joyful", Sources.Human));
        Assert.Equal(4, (await store.GetCountersAsync()).Count);
    }

    [Fact]
    public async Task Excluded_replies_count_as_excluded_not_as_replies()
    {
        var store = await SeededAsync(await CreateStoreAsync(), Prompt("p1"));
        await store.AddReplyAsync(Model("m1", "p1"));
        await store.AddReplyAsync(Model("m2", "p1", excluded: "reveals model"));
        await store.AddReplyAsync(Model("m3", "p1", excluded: "empty"));

        Assert.Equal(new SourceCounts(1, 0, 0, 0, 0, Excluded: 2), await CountsAsync(store, "sad", "gpt"));
    }

    [Fact]
    public async Task Concurrent_duplicate_ratings_are_recorded_exactly_once()
    {
        var store = await SeededAsync(await CreateStoreAsync(), Prompt("p1"));
        await store.AddReplyAsync(Model("m1", "p1"));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => store.AddRatingAsync(Rate("m1", "bob")))));

        Assert.Single(outcomes, o => o == RatingOutcome.Recorded);
        Assert.Equal(15, outcomes.Count(o => o == RatingOutcome.AlreadyRated));
        Assert.Equal(1, (await CountsAsync(store, "sad", "gpt")).Ratings);
    }

    // ---------- participants ----------

    [Fact]
    public async Task Consent_is_recorded_and_read_back()
    {
        var store = await CreateStoreAsync();
        Assert.Null(await store.GetConsentAsync("alice"));
        await store.RecordConsentAsync("alice", T0);
        Assert.Equal(T0, await store.GetConsentAsync("alice"));
        Assert.Null(await store.GetConsentAsync("bob"));
    }

    [Fact]
    public async Task Consent_and_state_are_read_together_each_or_both_absent()
    {
        var store = await CreateStoreAsync();
        Assert.Equal((null, null), await store.GetConsentAndStateAsync("alice"));

        await store.RecordConsentAsync("alice", T0);
        Assert.Equal((T0, null), await store.GetConsentAndStateAsync("alice"));

        Assert.True(await store.TrySaveStateAsync("alice", "{\"a\":1}", 0));
        Assert.Equal((T0, new VersionedState("{\"a\":1}", 1)), await store.GetConsentAndStateAsync("alice"));

        // State without consent (a key the engine never writes before consent) still reads back as it is.
        Assert.True(await store.TrySaveStateAsync("bob", "{}", 0));
        Assert.Equal((null, new VersionedState("{}", 1)), await store.GetConsentAndStateAsync("bob"));
    }

    [Fact]
    public async Task Forget_deletes_everything_of_the_participant_and_fixes_every_counter()
    {
        var store = await SeededAsync(await CreateStoreAsync(), Prompt("p1", "sad"), Prompt("p2", "joyful"), Prompt("p3", "sad"));
        await store.AddReplyAsync(Human("a1", "p1", "alice"));
        await store.AddReplyAsync(Human("a2", "p2", "alice", excluded: "too short"));
        await store.AddReplyAsync(Human("b1", "p1", "bob"));
        await store.AddReplyAsync(Human("g1", "p3", "gina"));
        await store.AddReplyAsync(Human("e1", "p2", "erin"));
        await store.AddReplyAsync(Model("m1", "p1"));
        await store.RecordConsentAsync("alice", T0);
        await store.RecordConsentAsync("bob", T0);
        Assert.True(await store.TrySaveStateAsync("alice", "{}", 0));
        Assert.True(await store.TrySaveStateAsync("bob", "{}", 0));

        // Ratings of alice's reply (by others) and alice's ratings of others' replies.
        await store.AddRatingAsync(Rate("a1", "bob", RatingValue.Good));
        await store.AddRatingAsync(Rate("a1", "carol", RatingValue.Bad));
        await store.AddRatingAsync(Rate("b1", "alice", RatingValue.Okay));
        await store.AddRatingAsync(Rate("m1", "alice", RatingValue.Good));
        await store.AddRatingAsync(Rate("m1", "carol", RatingValue.Bad));
        await store.AddRatingAsync(Rate("b1", "carol", RatingValue.Good));

        var result = await store.ForgetAsync("alice");

        Assert.Equal(ForgetResult.Nothing with { Replies = 2, Ratings = 2, Consent = true, RatingsOfTheirReplies = 2, ConversationState = true }, result);
        Assert.Null(await store.GetReplyAsync("a1"));
        Assert.Null(await store.GetReplyAsync("a2"));
        Assert.Null(await store.GetConsentAsync("alice"));
        Assert.Null(await store.GetStateAsync("alice"));
        Assert.NotNull(await store.GetConsentAsync("bob"));
        Assert.NotNull(await store.GetStateAsync("bob"));

        Assert.Equal(new SourceCounts(2, 1, 1, 0, 0), await CountsAsync(store, "sad", Sources.Human));   // b1 (rated by carol), g1
        Assert.Equal(new SourceCounts(1, 1, 0, 0, 1), await CountsAsync(store, "sad", "gpt"));          // m1 rated by carol
        Assert.Equal(new SourceCounts(1, 0, 0, 0, 0), await CountsAsync(store, "joyful", Sources.Human)); // e1; a2 no longer excluded

        var export = await ToListAsync(store.ExportRatingsAsync());
        Assert.Equal(["b1/carol", "m1/carol"], export.Select(r => $"{r.ResponseId}/{r.Rater}").Order());

        // Per-reply rating counts were corrected: alice's slots on b1 and m1 are free again.
        Assert.NotNull(await store.NextReplyToRateAsync("dave", 2));
        Assert.Equal(["b1", "e1", "g1", "m1"], await RatableAsync(store, "dave", 2)); // before: only e1, g1
        // Prompt balance: p1 drops from two human replies to one, tying with p3 (erin answered p2).
        var offered = new HashSet<string>();
        for (var i = 0; i < 40; i++) offered.Add((await store.NextPromptToAnswerAsync("s1", "erin"))!.Id);
        Assert.Equal(["p1", "p3"], offered.Order());

        // Alice can take part again from scratch.
        Assert.Equal(RatingOutcome.Recorded, await store.AddRatingAsync(Rate("m1", "alice")));
    }

    [Fact]
    public async Task Forget_of_an_unknown_participant_changes_nothing()
    {
        var store = await SeededAsync(await CreateStoreAsync(), Prompt("p1"));
        await store.AddReplyAsync(Human("b1", "p1", "bob"));
        await store.AddRatingAsync(Rate("b1", "carol"));

        Assert.Equal(ForgetResult.Nothing, await store.ForgetAsync("nobody"));
        Assert.Equal(new SourceCounts(1, 1, 1, 0, 0), await CountsAsync(store, "sad", Sources.Human));
    }

    // ---------- import / export ----------

    private static RatingRow Row(string promptId, string responseId, string rater, RatingValue value,
        string source = "gpt", string emotion = "sad") =>
        new(promptId, emotion, $"situation {promptId}", $"utterance {promptId}", source, responseId, $"text {responseId}", rater, value);

    [Fact]
    public async Task Import_creates_prompts_replies_and_ratings_and_is_idempotent()
    {
        var store = await CreateStoreAsync();
        RatingRow[] rows =
        [
            Row("p1", "x1", "w1", RatingValue.Good, Sources.Human),
            Row("p1", "x1", "w2", RatingValue.Bad, Sources.Human),
            Row("p1", "y1", "w1", RatingValue.Good),
            Row("p2", "y2", "w1", RatingValue.Okay, emotion: "joyful"),
            Row("p2", "y2", "w1", RatingValue.Okay, emotion: "joyful"), // same row twice counts once
        ];

        var first = await store.ImportRatingsAsync(rows, "imported");
        Assert.Equal(new ImportResult(Rows: 5, NewRatings: 4, DuplicateRatings: 1, NewPrompts: 2, NewReplies: 3), first);

        var second = await store.ImportRatingsAsync(rows, "imported");
        Assert.Equal(new ImportResult(Rows: 5, NewRatings: 0, DuplicateRatings: 5, NewPrompts: 0, NewReplies: 0), second);

        Assert.Equal(new SourceCounts(1, 2, 1, 0, 1), await CountsAsync(store, "sad", Sources.Human));
        Assert.Equal(new SourceCounts(1, 1, 1, 0, 0), await CountsAsync(store, "sad", "gpt"));
        Assert.Equal(new SourceCounts(1, 1, 0, 1, 0), await CountsAsync(store, "joyful", "gpt"));

        Assert.Equal(new StudyPrompt("p1", "sad", "situation p1", "utterance p1", "imported"), await store.GetPromptAsync("p1"));
        Assert.Equal(2, (await store.GetPromptSetsAsync())["imported"]);
        var reply = await store.GetReplyAsync("x1");
        Assert.NotNull(reply);
        Assert.Equal(Sources.Human, reply.Source);
        Assert.Null(reply.Author);
        Assert.Equal("text x1", reply.Text);
        Assert.Equal(4, (await ToListAsync(store.ExportRatingsAsync())).Count);
    }

    [Fact]
    public async Task Import_of_nothing_changes_nothing()
    {
        var store = await CreateStoreAsync();
        Assert.Equal(new ImportResult(0, 0, 0, 0, 0), await store.ImportRatingsAsync([], "imported"));
        Assert.Empty(await store.GetCountersAsync());
    }

    [Fact]
    public async Task Export_returns_every_rating_joined_with_prompt_and_reply_in_a_stable_order()
    {
        var store = await SeededAsync(await CreateStoreAsync(), Prompt("p1", "sad"), Prompt("p2", "proud"));
        await store.AddReplyAsync(Human("h1", "p1", "alice"));
        await store.AddReplyAsync(Model("m1", "p2", "claude"));
        await store.AddRatingAsync(Rate("h1", "bob", RatingValue.Okay));
        await store.AddRatingAsync(Rate("m1", "bob", RatingValue.Good));
        await store.AddRatingAsync(Rate("h1", "carol", RatingValue.Bad));

        var first = await ToListAsync(store.ExportRatingsAsync());
        var second = await ToListAsync(store.ExportRatingsAsync());

        Assert.Equal(first, second);
        Assert.Equal(3, first.Count);
        Assert.Contains(new RatingRow("p1", "sad", "situation of p1", "utterance of p1", Sources.Human, "h1", "human reply h1", "bob", RatingValue.Okay), first);
        Assert.Contains(new RatingRow("p1", "sad", "situation of p1", "utterance of p1", Sources.Human, "h1", "human reply h1", "carol", RatingValue.Bad), first);
        Assert.Contains(new RatingRow("p2", "proud", "situation of p2", "utterance of p2", "claude", "m1", "model reply m1", "bob", RatingValue.Good), first);
    }

    [Fact]
    public async Task Export_then_import_into_a_fresh_store_reproduces_the_counters()
    {
        var source = await SeededAsync(await CreateStoreAsync(), Prompt("p1", "sad"), Prompt("p2", "proud"));
        await source.AddReplyAsync(Human("h1", "p1", "alice"));
        await source.AddReplyAsync(Model("m1", "p2"));
        await source.AddRatingAsync(Rate("h1", "bob", RatingValue.Okay));
        await source.AddRatingAsync(Rate("m1", "bob", RatingValue.Good));
        await source.AddRatingAsync(Rate("m1", "carol", RatingValue.Bad));
        var rows = await ToListAsync(source.ExportRatingsAsync());

        var target = await CreateStoreAsync();
        var result = await target.ImportRatingsAsync(rows, "copy");

        Assert.Equal(3, result.NewRatings);
        Assert.Equal(await source.GetCountersAsync(), await target.GetCountersAsync());
    }

    // ---------- conversation state ----------

    [Fact]
    public async Task State_saves_with_optimistic_concurrency()
    {
        var store = await CreateStoreAsync();
        Assert.Null(await store.GetStateAsync("c1"));
        Assert.False(await store.TrySaveStateAsync("c1", "{\"a\":1}", 1)); // nothing there yet

        Assert.True(await store.TrySaveStateAsync("c1", "{\"a\":1}", 0));
        var v1 = await store.GetStateAsync("c1");
        Assert.NotNull(v1);
        Assert.Equal("{\"a\":1}", v1.Json);

        Assert.False(await store.TrySaveStateAsync("c1", "{\"a\":2}", 0)); // must not exist
        Assert.True(await store.TrySaveStateAsync("c1", "{\"a\":2}", v1.Version));
        Assert.False(await store.TrySaveStateAsync("c1", "{\"a\":3}", v1.Version)); // stale

        var v2 = await store.GetStateAsync("c1");
        Assert.Equal("{\"a\":2}", v2!.Json);
        Assert.True(v2.Version > v1.Version);

        await store.DeleteStateAsync("c1");
        Assert.Null(await store.GetStateAsync("c1"));
        Assert.True(await store.TrySaveStateAsync("c1", "{}", 0));
        await store.DeleteStateAsync("never-there");
    }

    [Fact]
    public async Task State_concurrent_writers_with_the_same_version_one_wins()
    {
        var store = await CreateStoreAsync();
        Assert.True(await store.TrySaveStateAsync("c1", "{}", 0));
        var version = (await store.GetStateAsync("c1"))!.Version;

        var wins = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(() => store.TrySaveStateAsync("c1", $"{{\"w\":{i}}}", version))));

        Assert.Single(wins, w => w);
    }

    // ---------- idempotency ----------

    [Fact]
    public async Task Claims_succeed_once_per_key_until_they_expire_on_the_store_clock()
    {
        var store = await CreateStoreAsync();
        var ttl = TimeSpan.FromMinutes(5);
        Assert.True(await store.TryClaimAsync("evt-1", ttl));
        Assert.False(await store.TryClaimAsync("evt-1", ttl));
        Assert.True(await store.TryClaimAsync("evt-2", TimeSpan.FromMinutes(20)));

        Clock.Advance(ttl - TimeSpan.FromMilliseconds(1));
        Assert.False(await store.TryClaimAsync("evt-1", ttl));   // a millisecond before expiry: still held

        Clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(await store.TryClaimAsync("evt-1", ttl));    // expired: claimable again
        Assert.False(await store.TryClaimAsync("evt-1", ttl));
        Assert.False(await store.TryClaimAsync("evt-2", TimeSpan.FromMinutes(20)));
    }

    [Fact]
    public async Task A_claim_needs_a_key_and_a_positive_lifetime()
    {
        var store = await CreateStoreAsync();
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.TryClaimAsync("evt", TimeSpan.Zero));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.TryClaimAsync("", TimeSpan.FromMinutes(1)));
        Assert.True(await store.TryClaimAsync("evt", TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task Concurrent_claims_of_one_key_succeed_once()
    {
        var store = await CreateStoreAsync();
        var claims = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => store.TryClaimAsync("evt", TimeSpan.FromMinutes(1)))));
        Assert.Single(claims, c => c);
    }
}
