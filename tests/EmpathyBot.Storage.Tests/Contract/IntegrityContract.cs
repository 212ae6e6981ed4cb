using EmpathyBot.Core.Integrity;
using EmpathyBot.Core.Ports;
using EmpathyBot.Core.Study;
using EmpathyBot.Core.Summary;

namespace EmpathyBot.Storage.Tests.Contract;

/// <summary>
/// Card timings, reply checks, flagged ratings, straight-lining and author guesses, kept alike by every
/// <see cref="IStudyStore"/>. Derived once per implementation, like <see cref="StudyStoreContract"/>.
/// </summary>
public abstract class IntegrityContract
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly RatingRules Rules = new(MinSecondsPerCard: 2, StraightLineRun: 3);

    protected abstract Task<IStudyStore> CreateStoreAsync();

    private static async Task<IStudyStore> StudyAsync(IStudyStore store, int replies = 4)
    {
        await store.UpsertPromptsAsync([new StudyPrompt("p1", "sad", "situation", "utterance", "s1")]);
        for (var i = 1; i <= replies; i++) await store.AddReplyAsync(new Reply($"m{i}", "p1", "gpt", $"model reply number {i}", null, T0));
        return store;
    }

    private static async Task<SourceCounts> CountsAsync(IStudyStore store, string source = "gpt") =>
        (await store.GetCountersAsync()).SingleOrDefault(r => r.Emotion == "sad" && r.Source == source)?.Counts ?? SourceCounts.Zero;

    private static async Task<List<T>> ListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items) list.Add(item);
        return list;
    }

    /// <summary>Offers the rater their next card, records it shown at <paramref name="shown"/> and rates it <paramref name="after"/> later.</summary>
    private static async Task<(string Id, CheckedRating Result)> RateNextAsync(IStudyStore store, string rater, RatingValue value, DateTimeOffset shown, TimeSpan after)
    {
        var reply = await store.NextReplyToRateAsync(rater, 10) ?? throw new InvalidOperationException("nothing to rate");
        await store.CardShownAsync(rater, CardKinds.Rating, reply.Id, shown);
        return (reply.Id, await store.AddCheckedRatingAsync(new Rating(reply.Id, rater, value, shown + after), Rules));
    }

    [Fact]
    public async Task A_card_keeps_its_first_showing_and_first_answer()
    {
        var store = await CreateStoreAsync();
        Assert.False(await store.CardAnsweredAsync("ann", CardKinds.Quiz, "q|0", T0));

        await store.CardShownAsync("ann", CardKinds.Quiz, "q|0", T0);
        await store.CardShownAsync("ann", CardKinds.Quiz, "q|0", T0.AddMinutes(1));
        Assert.True(await store.CardAnsweredAsync("ann", CardKinds.Quiz, "q|0", T0.AddMinutes(2)));
        Assert.True(await store.CardAnsweredAsync("ann", CardKinds.Quiz, "q|0", T0.AddMinutes(3)));
        await store.CardShownAsync("ann", CardKinds.Appraisal, "pass|before", T0.AddMinutes(4));

        Assert.Equal(new CardTiming("ann", CardKinds.Quiz, "q|0", T0, T0.AddMinutes(2)), await store.GetCardTimingAsync("ann", CardKinds.Quiz, "q|0"));
        Assert.Null(await store.GetCardTimingAsync("bob", CardKinds.Quiz, "q|0"));
        Assert.Equal(
        [
            new CardTiming("ann", CardKinds.Appraisal, "pass|before", T0.AddMinutes(4), null),
            new CardTiming("ann", CardKinds.Quiz, "q|0", T0, T0.AddMinutes(2)),
        ], await ListAsync(store.ExportCardTimingsAsync()));
    }

    [Fact]
    public async Task A_checked_reply_is_stored_with_its_check_and_counted_under_its_reason()
    {
        var store = await StudyAsync(await CreateStoreAsync());
        await store.CardShownAsync("ann", CardKinds.Reply, "p1", T0);
        var reply = new Reply("h-1", "p1", Sources.Human, "pasted text", "ann", T0.AddSeconds(5), ExcludedReason: ExclusionReasons.Pasted);
        var check = new ReplyCheck("h-1", "ann", "p1", T0, T0.AddSeconds(5), 5, 2.2, true, 0.25, "m1", [ExclusionReasons.Pasted]);

        // The write names the prompt's emotion, so the dashboard's announcement reads nothing more.
        Assert.Equal(new CheckedReply(true, "sad"), await store.AddCheckedReplyAsync(reply, check));
        Assert.False((await store.AddCheckedReplyAsync(reply, check)).Added);

        Assert.Equal(1, (await CountsAsync(store, Sources.Human)).Excluded);
        var exported = Assert.Single(await ListAsync(store.ExportReplyChecksAsync()));
        Assert.Equal(check with { Flags = [] }, exported with { Flags = [] });
        Assert.Equal(check.Flags, exported.Flags);
        Assert.Equal(T0.AddSeconds(5), (await store.GetCardTimingAsync("ann", CardKinds.Reply, "p1"))!.AnsweredAt);
        Assert.Equal([new ExcludedReplyRow("sad", Sources.Human, ExclusionReasons.Pasted, 1)], (await store.GetIntegrityAsync()).ExcludedReplies);
        Assert.Null(await store.NextReplyToRateAsync("bob", 10) is { Id: "h-1" } ? "in pool" : null);
    }

    [Fact]
    public async Task A_rating_sooner_than_the_minimum_is_stored_flagged_and_not_counted()
    {
        var store = await StudyAsync(await CreateStoreAsync());

        var (fast, tooFast) = await RateNextAsync(store, "bob", RatingValue.Good, T0, TimeSpan.FromSeconds(1.999));
        var (_, onTime) = await RateNextAsync(store, "bob", RatingValue.Bad, T0, TimeSpan.FromSeconds(2));

        // A recorded rating comes back with what the live event needs: the prompt's emotion and the reply's source.
        Assert.Equal(new CheckedRating(RatingOutcome.Recorded, true, false, "sad", "gpt"), tooFast);
        Assert.Equal(new CheckedRating(RatingOutcome.Recorded, false, false, "sad", "gpt"), onTime);
        Assert.Equal(new CheckedRating(RatingOutcome.NotOffered, false, false), await store.AddCheckedRatingAsync(
            new Rating(fast, "carl", RatingValue.Good, T0), new RatingRules(0, 0)));
        var counts = await CountsAsync(store);
        Assert.Equal((1, 0, 1), (counts.Ratings, counts.Good, counts.Bad));
        Assert.Equal(1, (await store.GetQualityAsync()).Cells.Single(c => c.Source == "gpt").ExcludedRatings);
        var flag = Assert.Single(await ListAsync(store.ExportRatingFlagsAsync()));
        Assert.Equal((fast, "bob", ExclusionReasons.TooFast), (flag.ReplyId, flag.Rater, flag.Flag));
        Assert.Equal(1.999, flag.Seconds, 6);
        Assert.Equal(T0.AddSeconds(1.999), (await store.GetCardTimingAsync("bob", CardKinds.Rating, fast))!.AnsweredAt);
        Assert.Equal(2, (await store.GetRaterQualityAsync("bob")).Ratings);

        // The same reply again changes nothing; a reply that was never offered is refused.
        Assert.Equal(RatingOutcome.AlreadyRated, (await store.AddCheckedRatingAsync(new Rating(fast, "bob", RatingValue.Okay, T0.AddHours(1)), Rules)).Outcome);
        Assert.Equal(RatingOutcome.NotOffered, (await store.AddCheckedRatingAsync(new Rating("m4", "eve", RatingValue.Good, T0.AddHours(1)), Rules)).Outcome);
        Assert.Single(await ListAsync(store.ExportRatingFlagsAsync()));
    }

    [Fact]
    public async Task A_run_of_equal_ratings_excludes_the_rater_and_takes_their_counted_ratings_out()
    {
        var store = await StudyAsync(await CreateStoreAsync(), replies: 5);
        var slow = TimeSpan.FromSeconds(10);

        Assert.False((await RateNextAsync(store, "bob", RatingValue.Good, T0, slow)).Result.NewlyExcluded);
        Assert.False((await RateNextAsync(store, "bob", RatingValue.Bad, T0, slow)).Result.NewlyExcluded);
        Assert.False((await RateNextAsync(store, "bob", RatingValue.Bad, T0, TimeSpan.FromSeconds(1))).Result.NewlyExcluded);
        Assert.Equal(2, (await CountsAsync(store)).Ratings);

        var third = await RateNextAsync(store, "bob", RatingValue.Bad, T0, slow);

        Assert.True(third.Result.NewlyExcluded);
        Assert.True((await store.GetRaterQualityAsync("bob")).Excluded);
        Assert.Equal(0, (await CountsAsync(store)).Ratings);
        Assert.Equal(4, (await store.GetQualityAsync()).Cells.Single(c => c.Source == "gpt").ExcludedRatings);
        Assert.Empty((await store.GetQualityAsync()).Agreement);
        var integrity = await store.GetIntegrityAsync();
        Assert.Equal(new Dictionary<string, long> { ["attention"] = 0, ["straightLining"] = 1 }, integrity.ExcludedRatersByReason);

        // Later ratings stay out, and the exclusion happens once.
        Assert.False((await RateNextAsync(store, "bob", RatingValue.Bad, T0, slow)).Result.NewlyExcluded);
        Assert.Equal(0, (await CountsAsync(store)).Ratings);
        Assert.Equal(1, (await store.GetQualityAsync()).ExcludedRaters);
    }

    [Fact]
    public async Task A_guess_counts_once_and_only_for_a_reply_the_rater_rated()
    {
        var store = await StudyAsync(await CreateStoreAsync());
        var (id, _) = await RateNextAsync(store, "bob", RatingValue.Good, T0, TimeSpan.FromSeconds(10));

        Assert.Equal(AuthorGuessOutcome.NotRated, await store.RecordAuthorGuessAsync(new AuthorGuess("eve", id, AuthorGuesses.Ai, T0)));
        Assert.Equal(AuthorGuessOutcome.Recorded, await store.RecordAuthorGuessAsync(new AuthorGuess("bob", id, AuthorGuesses.Ai, T0.AddMinutes(1))));
        Assert.Equal(AuthorGuessOutcome.AlreadyGuessed, await store.RecordAuthorGuessAsync(new AuthorGuess("bob", id, AuthorGuesses.Person, T0.AddMinutes(2))));

        Assert.Equal([new AuthorGuess("bob", id, AuthorGuesses.Ai, T0.AddMinutes(1))], await ListAsync(store.ExportAuthorGuessesAsync()));
        Assert.Equal([new AuthorGuessRow("sad", "gpt", AuthorGuesses.Ai, 3, 1)], (await store.GetIntegrityAsync()).Guesses);
    }

    [Fact]
    public async Task Guesses_follow_their_rating_out_of_the_count()
    {
        var store = await StudyAsync(await CreateStoreAsync());
        var (fast, _) = await RateNextAsync(store, "bob", RatingValue.Good, T0, TimeSpan.FromSeconds(1));
        await store.RecordAuthorGuessAsync(new AuthorGuess("bob", fast, AuthorGuesses.Ai, T0));
        var (slow, _) = await RateNextAsync(store, "bob", RatingValue.Okay, T0, TimeSpan.FromSeconds(5));
        await store.RecordAuthorGuessAsync(new AuthorGuess("bob", slow, AuthorGuesses.Person, T0));

        Assert.Equal([new AuthorGuessRow("sad", "gpt", AuthorGuesses.Person, 2, 1)], (await store.GetIntegrityAsync()).Guesses);
        Assert.Equal(2, (await ListAsync(store.ExportAuthorGuessesAsync())).Count);
    }

    [Fact]
    public async Task Forget_deletes_timings_checks_flags_runs_and_guesses_and_restores_the_counters()
    {
        var store = await StudyAsync(await CreateStoreAsync());
        foreach (var who in new[] { "ann", "bob" }) await store.RecordConsentAsync(who, T0);
        await store.CardShownAsync("ann", CardKinds.Reply, "p1", T0);
        await store.AddCheckedReplyAsync(new Reply("h-1", "p1", Sources.Human, "my own words here", "ann", T0.AddMinutes(1)),
            new ReplyCheck("h-1", "ann", "p1", T0, T0.AddMinutes(1), 60, 0.3, false, 0, null, []));
        // bob rates ann's reply too fast and guesses; ann rates a model reply too fast, twice the same, and guesses.
        while (await store.NextReplyToRateAsync("bob", 10) is { } next)
        {
            await store.CardShownAsync("bob", CardKinds.Rating, next.Id, T0);
            await store.AddCheckedRatingAsync(new Rating(next.Id, "bob", RatingValue.Good, T0.AddSeconds(1)), Rules);
            await store.RecordAuthorGuessAsync(new AuthorGuess("bob", next.Id, AuthorGuesses.Person, T0));
        }

        var (mine, _) = await RateNextAsync(store, "ann", RatingValue.Okay, T0, TimeSpan.FromSeconds(1));
        await store.RecordAuthorGuessAsync(new AuthorGuess("ann", mine, AuthorGuesses.Ai, T0));
        var annCards = (await ListAsync(store.ExportCardTimingsAsync())).Count(t => t.Participant == "ann");

        var result = await store.ForgetAsync("ann");

        // What was deleted is counted, so the participant can be told.
        Assert.True(annCards > 0);
        Assert.Equal((annCards, 1, 1), (result.CardTimings, result.ReplyChecks, result.AuthorGuesses));

        Assert.DoesNotContain(await ListAsync(store.ExportCardTimingsAsync()), t => t.Participant == "ann");
        Assert.Empty(await ListAsync(store.ExportReplyChecksAsync()));
        Assert.DoesNotContain(await ListAsync(store.ExportRatingFlagsAsync()), f => f.Rater == "ann" || f.ReplyId == "h-1");
        Assert.DoesNotContain(await ListAsync(store.ExportAuthorGuessesAsync()), g => g.Rater == "ann" || g.ReplyId == "h-1");
        Assert.Equal(4, (await ListAsync(store.ExportRatingFlagsAsync())).Count);
        Assert.Equal(SourceCounts.Zero, await CountsAsync(store, Sources.Human));
        var gpt = await CountsAsync(store);
        Assert.Equal((4L, 0L), (gpt.Replies, gpt.Ratings));
        Assert.Equal(4, (await store.GetQualityAsync()).Cells.Single(c => c.Source == "gpt").ExcludedRatings);
        Assert.DoesNotContain((await store.GetQualityAsync()).Cells, c => c.Source == Sources.Human && c.ExcludedRatings != 0);
    }
}
