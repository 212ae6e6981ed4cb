using EmpathyBot.Core.Integrity;
using EmpathyBot.Core.Ports;
using EmpathyBot.Core.Study;

namespace EmpathyBot.Storage.Tests.Contract;

/// <summary>
/// Between-subjects assignment: every <see cref="IStudyStore"/> assigns each rater one source with replies in the
/// pool, balanced by assignment counts and atomically across instances, and offers that rater only that source's
/// replies. Derived once per implementation, like <see cref="StudyStoreContract"/>.
/// </summary>
public abstract class SourceAssignmentContract
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly string[] ThreeSources = [Sources.Human, "gpt", "baseline"];

    protected abstract Task<IStudyStore> CreateStoreAsync();

    /// <summary>Two store instances on one study (two hosts sharing a database or a Redis).</summary>
    protected abstract Task<(IStudyStore First, IStudyStore Second)> TwoInstancesAsync();

    /// <summary>Prompts p0..p(n-1), each with one reply from every source in <paramref name="sources"/>.</summary>
    private static async Task SeedAsync(IStudyStore store, IReadOnlyList<string> sources, int prompts = 3)
    {
        await store.UpsertPromptsAsync(Enumerable.Range(0, prompts).Select(i => new StudyPrompt($"p{i}", "sad", "situation", "utterance", "s1")).ToArray());
        for (var i = 0; i < prompts; i++)
        {
            foreach (var source in sources)
            {
                var author = Sources.IsHuman(source) ? $"writer{i}" : null;
                await store.AddReplyAsync(new Reply($"{source}-{i}", $"p{i}", source, $"reply of {source} to p{i}", author, T0));
            }
        }
    }

    [Fact]
    public async Task Three_sources_and_nine_raters_give_three_raters_each()
    {
        var store = await CreateStoreAsync();
        await SeedAsync(store, ThreeSources);

        for (var r = 0; r < 9; r++) Assert.Contains(await store.AssignSourceAsync($"rater{r}", 3, T0), ThreeSources);

        var counts = await store.GetAssignmentCountsAsync();
        Assert.Equal(ThreeSources.Order(StringComparer.Ordinal), counts.Keys.Order(StringComparer.Ordinal));
        Assert.All(counts.Values, n => Assert.Equal(3, n));
    }

    [Fact]
    public async Task An_assignment_stands_on_every_later_call()
    {
        var store = await CreateStoreAsync();
        await SeedAsync(store, ThreeSources);

        var first = await store.AssignSourceAsync("bob", 3, T0);
        for (var i = 0; i < 5; i++) Assert.Equal(first, await store.AssignSourceAsync("bob", 3, T0.AddMinutes(i)));
        Assert.Equal(first, await store.GetAssignedSourceAsync("bob"));
        Assert.Equal(1, (await store.GetAssignmentCountsAsync()).Values.Sum());
        Assert.Null(await store.GetAssignedSourceAsync("nobody"));
    }

    [Fact]
    public async Task Two_instances_assigning_at_once_stay_balanced()
    {
        var (a, b) = await TwoInstancesAsync();
        await SeedAsync(a, ThreeSources);

        var sources = await Task.WhenAll(Enumerable.Range(0, 30).Select(r => (r % 2 == 0 ? a : b).AssignSourceAsync($"rater{r}", 3, T0)));

        Assert.All(ThreeSources, s => Assert.Equal(10, sources.Count(x => x == s)));
        Assert.All((await b.GetAssignmentCountsAsync()).Values, n => Assert.Equal(10, n));
    }

    [Fact]
    public async Task Only_sources_with_replies_in_the_pool_are_assigned()
    {
        var store = await CreateStoreAsync();
        Assert.Null(await store.AssignSourceAsync("early", 3, T0));
        Assert.Empty(await store.GetAssignmentCountsAsync());

        await SeedAsync(store, ["gpt"], prompts: 1);
        await store.AddReplyAsync(new Reply("leaky-0", "p0", "leaky", "As an AI model...", null, T0, "reveals-model"));
        for (var r = 0; r < 4; r++) Assert.Equal("gpt", await store.AssignSourceAsync($"rater{r}", 3, T0));
    }

    [Fact]
    public async Task A_source_whose_replies_all_have_their_ratings_takes_no_new_raters()
    {
        var store = await CreateStoreAsync();
        await SeedAsync(store, ["gpt", "baseline"], prompts: 1);
        Assert.Equal(RatingOutcome.Recorded, await store.AddRatingAsync(new Rating("gpt-0", "early", RatingValue.Good, T0)));

        for (var r = 0; r < 3; r++) Assert.Equal("baseline", await store.AssignSourceAsync($"rater{r}", 1, T0));
        Assert.Equal(3, (await store.GetAssignmentCountsAsync())["baseline"]);

        // Beyond the target (a protocol's rate step with nothing under it left), a rated source's replies count again.
        Assert.Equal(RatingOutcome.Recorded, await store.AddRatingAsync(new Rating("baseline-0", "early", RatingValue.Good, T0)));
        Assert.Null(await store.AssignSourceAsync("late", 1, T0));
        Assert.Equal("gpt", await store.AssignSourceAsync("late", int.MaxValue, T0));
        Assert.Equal("gpt-0", (await store.NextReplyFromSourceAsync("late", "gpt", int.MaxValue))?.Id);
    }

    [Fact]
    public async Task A_rater_is_offered_only_their_sources_replies_then_nothing()
    {
        var store = await CreateStoreAsync();
        await SeedAsync(store, ThreeSources);

        var offered = new List<string>();
        while (await store.NextReplyFromSourceAsync("bob", "gpt", 3) is { } next && offered.Count < 20)
        {
            offered.Add(next.Id);
            Assert.Equal(RatingOutcome.Recorded, await store.AddOfferedRatingAsync(new Rating(next.Id, "bob", RatingValue.Good, T0)));
        }

        Assert.Equal(["gpt-0", "gpt-1", "gpt-2"], offered.Order(StringComparer.Ordinal));
        // Other sources still have replies for bob, but not his.
        Assert.NotNull(await store.NextReplyToRateAsync("bob", 3));
    }

    [Fact]
    public async Task A_gold_card_borrows_a_prompt_of_the_raters_source_and_is_recorded_as_gold()
    {
        var store = await CreateStoreAsync();
        await SeedAsync(store, ThreeSources, prompts: 1);

        var lent = await store.NextReplyFromSourceAsync("bob", Sources.Human, 3, goldId: "h-00112233aabbccdd", shownAt: T0);

        Assert.Equal(Sources.Human, lent!.Source);
        Assert.Equal(RatingOfferKind.Gold, await store.GetOfferAsync("bob", "h-00112233aabbccdd"));
        Assert.Null(await store.GetOfferAsync("bob", lent.Id));
        // The card shown is the gold item, recorded with its offer.
        Assert.Equal(T0, (await store.GetCardTimingAsync("bob", CardKinds.Rating, "h-00112233aabbccdd"))?.ShownAt);
        Assert.Null(await store.GetCardTimingAsync("bob", CardKinds.Rating, lent.Id));
    }

    [Fact]
    public async Task Their_own_replies_are_never_offered_to_a_writer_assigned_to_people()
    {
        var store = await CreateStoreAsync();
        await SeedAsync(store, [Sources.Human], prompts: 1);

        Assert.Null(await store.NextReplyFromSourceAsync("writer0", Sources.Human, 3));
    }

    [Fact]
    public async Task Forget_deletes_the_assignment_and_frees_its_place()
    {
        var store = await CreateStoreAsync();
        await SeedAsync(store, ["gpt", "baseline"], prompts: 1);
        var source = await store.AssignSourceAsync("leaver", 3, T0);
        await store.RecordConsentAsync("leaver", T0);

        await store.ForgetAsync("leaver");

        Assert.Null(await store.GetAssignedSourceAsync("leaver"));
        Assert.DoesNotContain(await store.GetAssignmentCountsAsync(), c => c.Value > 0);
        var exported = new List<SourceAssignment>();
        await foreach (var a in store.ExportSourceAssignmentsAsync()) exported.Add(a);
        Assert.Empty(exported);
        Assert.NotNull(source);
    }

    [Fact]
    public async Task Export_lists_every_assignment_by_rater_with_its_time()
    {
        var store = await CreateStoreAsync();
        await SeedAsync(store, ["gpt"], prompts: 1);
        await store.AssignSourceAsync("carol", 3, T0.AddMinutes(2));
        await store.AssignSourceAsync("bob", 3, T0.AddMinutes(1));

        var exported = new List<SourceAssignment>();
        await foreach (var a in store.ExportSourceAssignmentsAsync()) exported.Add(a);

        Assert.Equal([new SourceAssignment("bob", "gpt", T0.AddMinutes(1)), new SourceAssignment("carol", "gpt", T0.AddMinutes(2))], exported);
    }
}
