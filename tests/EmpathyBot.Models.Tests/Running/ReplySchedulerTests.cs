using EmpathyBot.Core.Ports;
using EmpathyBot.Models.Running;
using EmpathyBot.Models.Tests.Infrastructure;
using EmpathyBot.Testing.FakeOpenAi;
using Microsoft.Extensions.DependencyInjection;

namespace EmpathyBot.Models.Tests.Running;

public sealed class ReplySchedulerTests
{
    [Fact]
    public async Task Schedule_returns_at_once_and_replies_arrive_in_the_background_once_per_prompt()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Responder = _ => FakeResponse.Reply("That sounds exhausting; I hope you get some rest.") with { Delay = TimeSpan.FromSeconds(2) };
        await using var h = await ModelsHarness.StartAsync(server, withBaseline: true);
        var prompt = (await h.SeedAsync(1))[0];
        var scheduler = h.Services.GetRequiredService<IReplyScheduler>();

        scheduler.Schedule(prompt);
        scheduler.Schedule(prompt);
        // The model takes 2 s to answer: a Schedule that waited for it would have its reply stored by now.
        Assert.DoesNotContain(await h.Store.ExportRepliesAsync().Where(x => x.PromptId == prompt.Id).ToListAsync(), r => r.Source == "fake-llm");

        var replies = await WaitForAsync(h, prompt.Id, 2);
        Assert.Equal(["baseline", "fake-llm"], replies.Select(r => r.Source).Order());
        Assert.Equal(1, server.RequestCount);

        // Shown again later: already answered by everyone, so nothing is asked. Pending drops only after the
        // scheduler has looked at the prompt, so the count below is read after that look, not after a guess.
        var live = h.Services.GetRequiredService<ReplyScheduler>();
        await Eventually.TrueAsync(() => Task.FromResult(live.Pending == 0), "the first answers never finished");
        scheduler.Schedule(prompt);
        await Eventually.TrueAsync(() => Task.FromResult(live.Pending == 0), "the second look at the prompt never finished");
        Assert.Equal(1, server.RequestCount);
        Assert.Equal(2, (await h.Store.ExportRepliesAsync().Where(x => x.PromptId == prompt.Id).ToListAsync()).Count);

        // That look found every contender's reply: from now on the prompt is not queued, nor looked up, at all.
        Assert.True(live.IsAnsweredByAll(prompt.Id));
        scheduler.Schedule(prompt);
        Assert.Equal(0, live.Pending);
    }

    private static async Task<IReadOnlyList<Core.Study.Reply>> WaitForAsync(ModelsHarness h, string promptId, int count)
    {
        await Eventually.TrueAsync(async () => (await h.Store.ExportRepliesAsync().Where(x => x.PromptId == promptId).ToListAsync()).Count >= count, $"fewer than {count} replies to {promptId}");
        return await h.Store.ExportRepliesAsync().Where(x => x.PromptId == promptId).ToListAsync();
    }
}
