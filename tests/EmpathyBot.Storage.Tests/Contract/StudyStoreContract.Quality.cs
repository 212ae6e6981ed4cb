using EmpathyBot.Core.Study;
using EmpathyBot.Core.Summary;
using EmpathyBot.Core.Ports;
using EmpathyBot.Storage;

namespace EmpathyBot.Storage.Tests.Contract;

/// <summary>
/// Quality data every <see cref="IStudyStore"/> keeps incrementally: reply words, agreement profiles, attention
/// checks and rater exclusion. Derived once per implementation, like <see cref="StudyStoreContract"/>.
/// </summary>
public abstract partial class QualityContract
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    protected abstract Task<IStudyStore> CreateStoreAsync();

    private static Rating Rate(string reply, string rater, RatingValue value) => new(reply, rater, value, T0.AddMinutes(5));

    private static async Task<IStudyStore> StudyAsync(IStudyStore store)
    {
        await store.UpsertPromptsAsync([new StudyPrompt("p1", "sad", "lost my dog", "My dog ran away.", "s1"),
            new StudyPrompt("p2", "proud", "got the job", "I got it!", "s1")]);
        await store.AddReplyAsync(new Reply("h1", "p1", Sources.Human, "I am so sorry.  That is\nhard.", "author", T0));
        await store.AddReplyAsync(new Reply("g1", "p1", "gpt", "That must be really painful for you", null, T0,
            Model: new ModelReplyInfo("gpt-test", "tmpl", "key-g1", 10, 50, 9, "stop")));
        await store.AddReplyAsync(new Reply("g2", "p2", "gpt", "Well done!", null, T0));
        await store.AddReplyAsync(new Reply("x1", "p2", "gpt", "As an AI model I think", null, T0, ExcludedReason: "reveals model"));
        return store;
    }

    private static async Task<SourceCounts> CountsAsync(IStudyStore store, string emotion, string source) =>
        (await store.GetCountersAsync()).SingleOrDefault(r => r.Emotion == emotion && r.Source == source)?.Counts ?? SourceCounts.Zero;

    /// <summary>The agreement profiles recomputed from every counted rating, to compare with the incremental ones.</summary>
    private static async Task<List<AgreementProfile>> RecomputedProfilesAsync(IStudyStore store)
    {
        var perReply = new Dictionary<string, (int G, int O, int B)>();
        await foreach (var r in store.ExportRatingRecordsAsync())
        {
            if (r.RaterExcluded) continue;
            var c = perReply.GetValueOrDefault(r.Reply.Id);
            perReply[r.Reply.Id] = r.Value switch
            {
                RatingValue.Good => (c.G + 1, c.O, c.B),
                RatingValue.Okay => (c.G, c.O + 1, c.B),
                _ => (c.G, c.O, c.B + 1),
            };
        }

        return perReply.Values.GroupBy(v => v).Select(g => new AgreementProfile(g.Key.G, g.Key.O, g.Key.B, g.Count()))
            .OrderBy(p => p.Good).ThenBy(p => p.Okay).ThenBy(p => p.Bad).ToList();
    }

    [Fact]
    public async Task Words_count_in_pool_replies_per_cell()
    {
        var store = await StudyAsync(await CreateStoreAsync());

        var quality = await store.GetQualityAsync();
        Assert.Equal(7, quality.Cells.Single(c => c is { Emotion: "sad", Source: "human" }).Words);
        Assert.Equal(7, quality.Cells.Single(c => c is { Emotion: "sad", Source: "gpt" }).Words);
        Assert.Equal(2, quality.Cells.Single(c => c is { Emotion: "proud", Source: "gpt" }).Words);
        Assert.Empty(quality.Agreement);
        Assert.Equal(0, quality.ExcludedRaters);
    }

    [Fact]
    public async Task Agreement_profiles_follow_every_rating()
    {
        var store = await StudyAsync(await CreateStoreAsync());
        await store.AddRatingAsync(Rate("h1", "r1", RatingValue.Good));
        await store.AddRatingAsync(Rate("h1", "r2", RatingValue.Good));
        await store.AddRatingAsync(Rate("h1", "r3", RatingValue.Okay));
        await store.AddRatingAsync(Rate("g1", "r1", RatingValue.Bad));
        await store.AddRatingAsync(Rate("g1", "r1", RatingValue.Good)); // duplicate: ignored
        await store.AddRatingAsync(Rate("g2", "r2", RatingValue.Good));
        await store.AddRatingAsync(Rate("g2", "r3", RatingValue.Bad));

        var quality = await store.GetQualityAsync();
        Assert.Equal(
            [new AgreementProfile(0, 0, 1, 1), new AgreementProfile(1, 0, 1, 1), new AgreementProfile(2, 1, 0, 1)],
            quality.Agreement);
        Assert.Equal(await RecomputedProfilesAsync(store), quality.Agreement);
    }

    [Fact]
    public async Task An_attention_check_answer_counts_once_per_check_id()
    {
        var store = await StudyAsync(await CreateStoreAsync());

        var first = await store.RecordAttentionCheckAsync(new AttentionCheck("r1", "c1", Passed: false, T0), 2);
        var again = await store.RecordAttentionCheckAsync(new AttentionCheck("r1", "c1", Passed: false, T0), 2);
        var passed = await store.RecordAttentionCheckAsync(new AttentionCheck("r1", "c2", Passed: true, T0), 2);

        Assert.True(first.Recorded);
        Assert.False(again.Recorded);
        Assert.False(again.NewlyExcluded);
        Assert.Equal(new RaterQuality("r1", 0, 1, 1, false), passed.Rater);
        Assert.Equal(passed.Rater, await store.GetRaterQualityAsync("r1"));
        Assert.Equal(new RaterQuality("nobody", 0, 0, 0, false), await store.GetRaterQualityAsync("nobody"));
    }

    [Fact]
    public async Task A_rater_failing_two_checks_is_excluded_with_past_and_future_ratings()
    {
        var store = await StudyAsync(await CreateStoreAsync());
        await store.AddRatingAsync(Rate("h1", "bad-rater", RatingValue.Bad));
        await store.AddRatingAsync(Rate("h1", "good-rater", RatingValue.Good));
        await store.AddRatingAsync(Rate("g1", "bad-rater", RatingValue.Good));

        Assert.False((await store.RecordAttentionCheckAsync(new AttentionCheck("bad-rater", "c1", false, T0), 2)).NewlyExcluded);
        var outcome = await store.RecordAttentionCheckAsync(new AttentionCheck("bad-rater", "c2", false, T0), 2);
        Assert.True(outcome.NewlyExcluded);
        Assert.Equal(new RaterQuality("bad-rater", 2, 0, 2, true), outcome.Rater);

        // A later rating is stored (and exported) but never counted.
        Assert.Equal(RatingOutcome.Recorded, await store.AddRatingAsync(Rate("g2", "bad-rater", RatingValue.Okay)));

        Assert.Equal(new SourceCounts(1, 1, 1, 0, 0), await CountsAsync(store, "sad", "human"));
        Assert.Equal(new SourceCounts(1, 0, 0, 0, 0), await CountsAsync(store, "sad", "gpt"));
        Assert.Equal(new SourceCounts(1, 0, 0, 0, 0, 1), await CountsAsync(store, "proud", "gpt"));
        var quality = await store.GetQualityAsync();
        Assert.Equal(1, quality.ExcludedRaters);
        Assert.Equal(1, quality.Cells.Single(c => c is { Emotion: "sad", Source: "human" }).ExcludedRatings);
        Assert.Equal(1, quality.Cells.Single(c => c is { Emotion: "sad", Source: "gpt" }).ExcludedRatings);
        Assert.Equal(1, quality.Cells.Single(c => c is { Emotion: "proud", Source: "gpt" }).ExcludedRatings);
        Assert.Equal([new AgreementProfile(1, 0, 0, 1)], quality.Agreement);
        Assert.Equal(await RecomputedProfilesAsync(store), quality.Agreement);

        var exported = new List<RatingRecord>();
        await foreach (var r in store.ExportRatingRecordsAsync()) exported.Add(r);
        Assert.Equal(4, exported.Count);
        Assert.All(exported.Where(r => r.Rater == "bad-rater"), r => Assert.True(r.RaterExcluded));
        Assert.False(exported.Single(r => r.Rater == "good-rater").RaterExcluded);

        // A third failure changes nothing more.
        Assert.False((await store.RecordAttentionCheckAsync(new AttentionCheck("bad-rater", "c3", false, T0), 2)).NewlyExcluded);
        Assert.Equal(new SourceCounts(1, 1, 1, 0, 0), await CountsAsync(store, "sad", "human"));
    }

    [Fact]
    public async Task Forgetting_keeps_counters_words_and_agreement_consistent()
    {
        var store = await StudyAsync(await CreateStoreAsync());
        await store.RecordConsentAsync("author", T0);
        await store.RecordConsentAsync("bad-rater", T0);
        await store.AddRatingAsync(Rate("h1", "bad-rater", RatingValue.Bad));
        await store.AddRatingAsync(Rate("h1", "r2", RatingValue.Good));
        await store.AddRatingAsync(Rate("g1", "r2", RatingValue.Okay));
        await store.AddRatingAsync(Rate("g1", "bad-rater", RatingValue.Good));
        await store.RecordAttentionCheckAsync(new AttentionCheck("bad-rater", "c1", false, T0), 1);

        await store.ForgetAsync("bad-rater");
        Assert.Equal(new SourceCounts(1, 1, 1, 0, 0), await CountsAsync(store, "sad", "human"));
        Assert.Equal(new SourceCounts(1, 1, 0, 1, 0), await CountsAsync(store, "sad", "gpt"));
        var afterRater = await store.GetQualityAsync();
        Assert.Equal(0, afterRater.ExcludedRaters);
        Assert.DoesNotContain(afterRater.Cells, c => c.ExcludedRatings != 0);
        Assert.Equal(new RaterQuality("bad-rater", 0, 0, 0, false), await store.GetRaterQualityAsync("bad-rater"));

        await store.ForgetAsync("author");
        Assert.Equal(SourceCounts.Zero, await CountsAsync(store, "sad", "human"));
        var afterAuthor = await store.GetQualityAsync();
        Assert.DoesNotContain(afterAuthor.Cells, c => c is { Emotion: "sad", Source: "human" });
        Assert.Equal([new AgreementProfile(0, 1, 0, 1)], afterAuthor.Agreement);
        Assert.Equal(await RecomputedProfilesAsync(store), afterAuthor.Agreement);
    }

    [Fact]
    public async Task Imported_ratings_feed_the_quality_data_like_live_ones()
    {
        var store = await CreateStoreAsync();
        await store.ImportRatingsAsync(
        [
            new("q1", "sad", "s", "u", "human", "a1", "one two three", "x", RatingValue.Good),
            new("q1", "sad", "s", "u", "human", "a1", "one two three", "y", RatingValue.Good),
            new("q1", "sad", "s", "u", "gpt", "b1", "four five", "x", RatingValue.Bad),
        ], "imported");

        var quality = await store.GetQualityAsync();
        Assert.Equal(3, quality.Cells.Single(c => c is { Emotion: "sad", Source: "human" }).Words);
        Assert.Equal(2, quality.Cells.Single(c => c is { Emotion: "sad", Source: "gpt" }).Words);
        Assert.Equal(await RecomputedProfilesAsync(store), quality.Agreement);
    }

    [Fact]
    public async Task Rating_records_carry_model_info_and_time()
    {
        var store = await StudyAsync(await CreateStoreAsync());
        await store.AddRatingAsync(Rate("g1", "r1", RatingValue.Okay));

        var records = new List<RatingRecord>();
        await foreach (var r in store.ExportRatingRecordsAsync()) records.Add(r);
        var record = Assert.Single(records);
        Assert.Equal("gpt-test", record.Reply.Model!.ModelName);
        Assert.Equal("p1", record.Prompt.Id);
        Assert.Equal("sad", record.Prompt.Emotion);
        Assert.Equal(T0.AddMinutes(5), record.At);
        Assert.Equal(RatingValue.Okay, record.Value);
    }
}
