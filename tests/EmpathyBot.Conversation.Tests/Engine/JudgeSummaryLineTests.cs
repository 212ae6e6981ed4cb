using EmpathyBot.Conversation.Messages;
using EmpathyBot.Core.Judging;
using EmpathyBot.Core.Study;

namespace EmpathyBot.Conversation.Tests.Engine;

public sealed class JudgeSummaryLineTests : IAsyncLifetime
{
    private readonly EngineHarness h = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await h.DisposeAsync();

    private async Task<string[]> SummaryParagraphsAsync()
    {
        var result = await h.SayAsync("bob", "summary");
        return result.Replies.OfType<Message>().SelectMany(m => m.Blocks).OfType<Paragraph>().Select(p => p.Text).ToArray();
    }

    [Fact]
    public async Task The_chat_summary_gets_one_line_on_the_judges_once_one_agrees_measurably()
    {
        await h.ConsentAsync("bob");
        var t0 = DateTimeOffset.UtcNow;
        await h.Store.UpsertPromptsAsync([EngineHarness.Prompt("p1")]);
        foreach (var (id, people, verdict) in new[] { ("r1", RatingValue.Good, RatingValue.Good), ("r2", RatingValue.Bad, RatingValue.Bad), ("r3", RatingValue.Okay, RatingValue.Good) })
        {
            await h.Store.AddReplyAsync(new Reply(id, "p1", "gpt", "A reply.", null, t0));
            await h.Store.AddRatingAsync(new Rating(id, "carol", people, t0));
        }

        Assert.DoesNotContain(await SummaryParagraphsAsync(), p => p.Contains("AI judges", StringComparison.Ordinal));

        foreach (var (id, verdict) in new[] { ("r1", RatingValue.Good), ("r2", RatingValue.Bad), ("r3", RatingValue.Good) })
            await h.Store.AddVerdictAsync(new JudgeVerdict(id, "judge-a", 0, verdict, verdict.ToWire(), new string('f', 64), t0));

        var line = Assert.Single(await SummaryParagraphsAsync(), p => p.Contains("AI judges", StringComparison.Ordinal));
        Assert.Equal("AI judges rated the same replies. How well each agreed with people, where 1 is full agreement and 0 is chance: judge-a 0.80.", line);
    }
}
