using EmpathyBot.Conversation.Messages;
using EmpathyBot.Conversation.Tests.Engine;
using EmpathyBot.Core.Study;
using EmpathyBot.Services.Summary;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace EmpathyBot.Conversation.Tests.Integrity;

/// <summary>The rating timing rule on pair cards, through the engine on a fake clock over a real SQLite store.</summary>
public sealed class PairTimingTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_pair_verdict_given_sooner_than_MinSecondsPerCard_is_stored_flagged_and_left_out_of_the_pairwise_summary()
    {
        var clock = new FakeTimeProvider(T0);
        await using var h = new EngineHarness(mode: "pairwise", time: clock, settings: new Dictionary<string, string?> { ["Rating:MinSecondsPerCard"] = "2" });
        await h.Store.UpsertPromptsAsync([EngineHarness.Prompt("p1")]);
        foreach (var source in new[] { "claude", "gpt", "llama" })
        {
            await h.Store.AddReplyAsync(new Reply($"m-{source}", "p1", source, $"I'm sorry; {source} is here for you.", null, T0));
        }

        await h.ConsentAsync("ann");

        var first = await h.SayAsync("ann", "rate");
        clock.Advance(TimeSpan.FromSeconds(1.9));
        var thanks = await h.PressAsync("ann", EngineHarness.Button(first, "A"));
        Assert.Contains("you said reply A is more empathetic", EngineHarness.Text(thanks));

        var second = await h.PressAsync("ann", EngineHarness.Button(thanks, "Rate another"));
        clock.Advance(TimeSpan.FromSeconds(2));
        await h.PressAsync("ann", EngineHarness.Button(second, "B"));

        var battles = await h.Store.ExportBattlesAsync().ToListAsync();
        Assert.Equal([true, false], battles.Select(b => b.TooFast));
        var pairwise = (await h.Services.GetRequiredService<SummaryQuery>().BuildAsync(default)).Pairwise!;
        Assert.Equal(1, pairwise.Battles);
        Assert.Equal(2, pairwise.Sources.Count);
    }
}
