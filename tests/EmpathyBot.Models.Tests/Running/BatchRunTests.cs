using EmpathyBot.Models.Running;
using EmpathyBot.Models.Tests.Infrastructure;
using EmpathyBot.Testing.FakeOpenAi;

namespace EmpathyBot.Models.Tests.Running;

public sealed class BatchRunTests
{
    [Fact]
    public async Task Rerun_is_free_and_counts_cached()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        await using var h = await ModelsHarness.StartAsync(server, withBaseline: true);
        await h.SeedAsync(5);

        var first = await h.Runner.RunAsync(new RunRequest(), null, CancellationToken.None);
        var second = await h.Runner.RunAsync(new RunRequest(), null, CancellationToken.None);

        Assert.Equal((10, 0, 0), (first.Done, first.Cached, first.Failed));
        Assert.Equal(5 * 42, first.PromptTokens);
        Assert.Equal(5 * 17, first.CompletionTokens);
        Assert.Equal("done 10, cached 0, failed 0; tokens: prompt 210, completion 85", first.FinalLine);
        Assert.Equal((0, 10, 0), (second.Done, second.Cached, second.Failed));
        Assert.Equal(5, server.RequestCount);
    }

    [Fact]
    public async Task Contender_prompt_set_and_limit_narrow_the_run()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        await using var h = await ModelsHarness.StartAsync(server, withBaseline: true);
        await h.SeedAsync(6, "core");
        await h.SeedAsync(4, "pilot");
        var progress = new List<RunProgress>();

        var summary = await h.Runner.RunAsync(new RunRequest("fake-llm", "pilot", 3), new SyncProgress(progress), CancellationToken.None);

        Assert.Equal(3, summary.Done);
        Assert.Equal("fake-llm", Assert.Single(summary.Contenders).ContenderId);
        Assert.Equal(3, server.RequestCount);
        Assert.Equal(new RunProgress(3, 3, 0), progress[^1]);
        Assert.Empty(await h.Store.ExportRepliesAsync().Where(x => x.PromptId == "core-0001").ToListAsync());
    }

    [Fact]
    public async Task Failure_is_recorded_then_retried_and_cleared_on_the_next_run()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        await using var h = await ModelsHarness.StartAsync(server, maxAttempts: 2);
        await h.SeedAsync(3);
        server.Responder = r => r.UserMessage.Contains("core-0002") ? FakeResponse.Error(502) : FakeResponse.Reply("That sounds hard.");

        var first = await h.Runner.RunAsync(new RunRequest(), null, CancellationToken.None);
        Assert.Equal((2, 1), (first.Done, first.Failed));
        var failure = Assert.Single(await h.Store.GetModelFailuresAsync("fake-llm"));
        Assert.Equal(("core-0002", 2), (failure.PromptId, failure.Attempts));

        server.Responder = _ => FakeResponse.Reply("I'm sorry, that must be hard.");
        var second = await h.Runner.RunAsync(new RunRequest(), null, CancellationToken.None);
        Assert.Equal((1, 2, 0), (second.Done, second.Cached, second.Failed));
        Assert.Empty(await h.Store.GetModelFailuresAsync("fake-llm"));
    }

    [Fact]
    public async Task Revealing_replies_are_stored_but_kept_out_of_the_pool()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Enqueue(FakeResponse.Reply("As an AI language model, I don't have feelings, but that sounds hard."));
        await using var h = await ModelsHarness.StartAsync(server);
        await h.SeedAsync(1);

        var summary = await h.Runner.RunAsync(new RunRequest(), null, CancellationToken.None);

        Assert.Equal((1, 1), (summary.Done, summary.Excluded));
        var reply = Assert.Single(await h.Store.ExportRepliesAsync().Where(x => x.PromptId == "core-0001").ToListAsync());
        Assert.False(reply.InPool);
        Assert.Contains("reveals an AI author", reply.ExcludedReason);
    }

    [Fact]
    public async Task Unknown_contender_or_prompt_set_gets_a_clear_message()
    {
        await using var h = await ModelsHarness.StartAsync(null, withBaseline: true);
        await h.SeedAsync(1);

        var contender = await Assert.ThrowsAsync<ArgumentException>(() => h.Runner.RunAsync(new RunRequest("gpt"), null, CancellationToken.None));
        Assert.Equal("Unknown contender 'gpt'. Configured: baseline.", contender.Message);
        var set = await Assert.ThrowsAsync<ArgumentException>(() => h.Runner.RunAsync(new RunRequest(PromptSet: "nope"), null, CancellationToken.None));
        Assert.Equal("Unknown prompt set 'nope'. Known: core.", set.Message);
    }

    private sealed class SyncProgress(List<RunProgress> seen) : IProgress<RunProgress>
    {
        public void Report(RunProgress value)
        {
            lock (seen) seen.Add(value);
        }
    }
}
