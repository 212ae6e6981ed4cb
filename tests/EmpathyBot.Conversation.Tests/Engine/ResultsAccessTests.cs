using EmpathyBot.Conversation.Engine;
using EmpathyBot.Conversation.Messages;
using EmpathyBot.Core.Study;
using Microsoft.Extensions.DependencyInjection;

namespace EmpathyBot.Conversation.Tests.Engine;

/// <summary>Study:ShowResults in chat: the summary command and every Summary button follow it.</summary>
public sealed class ResultsAccessTests
{
    private static EngineHarness Harness(string? showResults) => new(
        settings: showResults is null ? null : new Dictionary<string, string?> { ["Study:ShowResults"] = showResults });

    /// <summary>Completion as the protocol records it, in the participant's record.</summary>
    private static Task CompleteAsync(EngineHarness h, string user) =>
        h.Store.RecordCompletionAsync(ParticipantKeys.Derive("test-secret"u8, "test", user), DateTimeOffset.UtcNow, "DONE");

    /// <summary>A rated reply, so the summary has something to show; returns every reply the rater saw on the way.</summary>
    private static async Task<List<TurnResult>> RateOnceAsync(EngineHarness h)
    {
        await h.Store.UpsertPromptsAsync([EngineHarness.Prompt("p1")]);
        await h.ConsentAsync("ann", "bob");
        await h.SayAsync("ann", "respond");
        await h.SayAsync("ann", "I'm so sorry, that sounds scary.");
        var card = await h.SayAsync("bob", "rate");
        return [card, await h.PressAsync("bob", EngineHarness.Button(card, "Good")), await h.SayAsync("bob", "menu"), await h.SayAsync("bob", "help")];
    }

    private static IEnumerable<MessageAction> Actions(IEnumerable<TurnResult> results) =>
        results.SelectMany(r => r.Replies.Append(r.ReplaceActionSource)).OfType<Message>().SelectMany(m => m.Actions);

    private static bool HelpNamesSummary(TurnResult help) =>
        help.Replies.SelectMany(m => m.Blocks).OfType<Facts>().SelectMany(f => f.Items).Any(f => f.Name == "summary");

    [Fact]
    public async Task Always_is_the_default_and_shows_the_summary()
    {
        await using var h = Harness(showResults: null);
        var seen = await RateOnceAsync(h);

        Assert.Contains(Actions(seen), a => a.Title == "Summary");
        Assert.True(HelpNamesSummary(seen[^1]));
        Assert.StartsWith("Summary:", EngineHarness.Text(await h.SayAsync("bob", "summary")));
    }

    [Fact]
    public async Task Never_refuses_the_summary_plainly_and_offers_no_summary_button()
    {
        await using var h = Harness("never");
        var seen = await RateOnceAsync(h);
        await CompleteAsync(h, "bob");

        Assert.DoesNotContain(Actions(seen), a => a.Data.GetValueOrDefault(ActionKeys.Action) == "summary");
        Assert.False(HelpNamesSummary(seen[^1]));
        var refused = await h.SayAsync("bob", "summary");
        Assert.Equal("Results are not shown during this study.", EngineHarness.Text(refused));
        Assert.DoesNotContain(Actions([refused]), a => a.Data.GetValueOrDefault(ActionKeys.Action) == "summary");
        // A crafted button is refused the same way.
        var pressed = await h.PressAsync("bob", MessageAction.Command("Summary", "summary"));
        Assert.Equal("Results are not shown during this study.", EngineHarness.Text(pressed));
    }

    [Fact]
    public async Task After_completion_shows_the_summary_only_to_participants_who_completed()
    {
        await using var h = Harness("afterCompletion");
        var seen = await RateOnceAsync(h);
        await CompleteAsync(h, "ann");

        Assert.DoesNotContain(Actions(seen), a => a.Title == "Summary");
        Assert.Equal("Results are shown once you have completed the study.", EngineHarness.Text(await h.SayAsync("bob", "summary")));

        var annMenu = await h.SayAsync("ann", "menu");
        Assert.Contains(Actions([annMenu]), a => a.Title == "Summary");
        Assert.StartsWith("Summary:", EngineHarness.Text(await h.SayAsync("ann", "summary")));
    }
}
