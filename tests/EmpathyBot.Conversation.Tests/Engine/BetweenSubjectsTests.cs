using EmpathyBot.Core.Ports;
using EmpathyBot.Core.Study;
using Microsoft.Extensions.DependencyInjection;

namespace EmpathyBot.Conversation.Tests.Engine;

/// <summary>Rating:Design = betweenSubjects through the engine: each rater rates only the one source assigned to them.</summary>
public sealed class BetweenSubjectsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly string[] Sources3 = [Sources.Human, "gpt", "baseline"];

    private static async Task SeedAsync(EngineHarness h, int prompts)
    {
        await h.Store.UpsertPromptsAsync([.. Enumerable.Range(0, prompts).Select(i => EngineHarness.Prompt($"p{i}"))]);
        for (var i = 0; i < prompts; i++)
        {
            foreach (var source in Sources3)
            {
                await h.Store.AddReplyAsync(new Reply($"{source}-{i}", $"p{i}", source, $"Reply {i} written by {source}.",
                    Sources.IsHuman(source) ? $"writer{i}" : null, T0));
            }
        }
    }

    /// <summary>Rates Good until nothing is left; returns the sources of the replies the rater was shown.</summary>
    private static async Task<List<string>> RateEverythingAsync(EngineHarness h, string rater)
    {
        var shown = new List<string>();
        for (var card = await h.SayAsync(rater, "rate"); !EngineHarness.Text(card).Contains("nothing left", StringComparison.Ordinal); card = await h.SayAsync(rater, "rate"))
        {
            var text = EngineHarness.Text(card);
            shown.Add(Sources3.Single(s => text.Contains($"written by {s}.", StringComparison.Ordinal)));
            Assert.True(shown.Count < 50, "the rater was never told that nothing is left");
            await h.PressAsync(rater, EngineHarness.Button(card, "Good"));
        }

        return shown;
    }

    [Fact]
    public async Task Each_rater_rates_only_their_assigned_source_and_raters_are_balanced()
    {
        await using var h = new EngineHarness(settings: new Dictionary<string, string?> { ["Rating:Design"] = "betweenSubjects", ["Rating:TargetPerReply"] = "9" });
        await SeedAsync(h, prompts: 2);
        var raters = Enumerable.Range(0, 6).Select(i => $"rater{i}").ToArray();
        await h.ConsentAsync(raters);

        var perRater = new List<string>();
        foreach (var rater in raters)
        {
            var shown = await RateEverythingAsync(h, rater);
            Assert.Equal(2, shown.Count);
            perRater.Add(Assert.Single(shown.Distinct()));
        }

        Assert.All(Sources3, s => Assert.Equal(2, perRater.Count(x => x == s)));
        var counts = await h.Services.GetRequiredService<ISourceAssignmentStore>().GetAssignmentCountsAsync();
        Assert.All(Sources3, s => Assert.Equal(2, counts[s]));
    }

    [Fact]
    public async Task An_attention_check_carries_an_id_shaped_like_the_assigned_sources_replies()
    {
        await using var h = new EngineHarness(goldRate: 1, settings: new Dictionary<string, string?> { ["Rating:Design"] = "betweenSubjects" });
        await SeedAsync(h, prompts: 1);
        var raters = Enumerable.Range(0, 3).Select(i => $"rater{i}").ToArray();
        await h.ConsentAsync(raters);
        var assignments = h.Services.GetRequiredService<ISourceAssignmentStore>();

        foreach (var rater in raters)
        {
            var id = EngineHarness.Button(await h.SayAsync(rater, "rate"), "Good").Data[Messages.ActionKeys.Reply];
            var source = await assignments.GetAssignedSourceAsync(ParticipantKeys.Derive("test-secret"u8, "test", rater));
            // A check among one source's replies looks like them: every reply id has one shape.
            Assert.NotNull(source);
            Assert.Matches("^r-[0-9a-f]{24}$", id);
            Assert.Equal(RatingOfferKind.Gold, await h.Store.GetOfferAsync(ParticipantKeys.Derive("test-secret"u8, "test", rater), id));
        }
    }

    [Fact]
    public async Task Mixed_is_the_default_and_offers_every_source()
    {
        await using var h = new EngineHarness(targetPerReply: 9);
        await SeedAsync(h, prompts: 1);
        await h.ConsentAsync("rater");

        Assert.Equal(Sources3.Order(StringComparer.Ordinal), (await RateEverythingAsync(h, "rater")).Order(StringComparer.Ordinal));
        Assert.Empty(await h.Services.GetRequiredService<ISourceAssignmentStore>().GetAssignmentCountsAsync());
    }
}
