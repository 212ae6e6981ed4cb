using System.Diagnostics;
using EmpathyBot.Models.Running;
using EmpathyBot.Models.Tests.Infrastructure;
using EmpathyBot.Testing.FakeOpenAi;

namespace EmpathyBot.Models.Tests.SemanticKernel;

/// <summary>The real SK OpenAI connector over HTTP against the fake server on 127.0.0.1.</summary>
public sealed class OpenAiConnectorTests
{
    [Fact]
    public async Task Success_stores_reply_with_model_usage_finish_reason_and_template_hash()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Enqueue(FakeResponse.Reply("Oh no, I hope she feels better soon. Vet visits are so stressful.", 123, 19, "stop"));
        await using var h = await ModelsHarness.StartAsync(server);
        var prompt = (await h.SeedAsync(1))[0];

        var outcome = await h.Runner.AnswerAsync(h.Contender("fake-llm"), prompt, CancellationToken.None);

        Assert.Equal(AnswerStatus.Done, outcome.Status);
        var stored = await h.Store.GetReplyAsync(outcome.Reply!.Id);
        Assert.NotNull(stored);
        Assert.Equal("fake-llm", stored.Source);
        Assert.Null(stored.Author);
        Assert.True(stored.InPool);
        Assert.Equal("Oh no, I hope she feels better soon. Vet visits are so stressful.", stored.Text);
        Assert.Equal("fake-model", stored.Model!.ModelName);
        Assert.Equal(123, stored.Model.PromptTokens);
        Assert.Equal(19, stored.Model.CompletionTokens);
        Assert.Equal("stop", stored.Model.FinishReason);
        Assert.True(stored.Model.LatencyMs > 0);
        Assert.Equal(h.Contender("fake-llm").Contender.TemplateHash, stored.Model.TemplateHash);
        Assert.Matches("^r-[0-9a-f]{24}$", stored.Id);

        var request = Assert.Single(server.Requests);
        Assert.Equal("/v1/chat/completions", request.Path);
        var sent = request.UserMessage;
        Assert.Contains("on average 28 words and at most 97 words", sent);
        Assert.Contains($"Context: {prompt.Situation}\nSpeaker Utterance: {prompt.Utterance}\nResponse:", sent);
        Assert.DoesNotContain(prompt.Emotion, sent.Split("Context:")[1]);
        Assert.Equal(0.7, request.Json.GetProperty("temperature").GetDouble(), 3);
    }

    [Fact]
    public async Task Rate_limit_429_waits_for_retry_after_then_succeeds()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Enqueue(FakeResponse.Error(429, retryAfter: "1", code: "rate_limit_exceeded"), FakeResponse.Reply("I'm sorry, that sounds hard."));
        await using var h = await ModelsHarness.StartAsync(server);
        var prompt = (await h.SeedAsync(1))[0];

        var outcome = await h.Runner.AnswerAsync(h.Contender("fake-llm"), prompt, CancellationToken.None);

        Assert.Equal(AnswerStatus.Done, outcome.Status);
        Assert.Equal(2, outcome.Attempts);
        var requests = server.Requests;
        Assert.Equal(2, requests.Count);
        // Our base delay is 10 ms: only Retry-After explains a ~1 s gap.
        Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromMilliseconds(950), $"gap {(requests[1].At - requests[0].At).TotalMilliseconds} ms");
    }

    [Fact]
    public async Task Server_error_500_is_retried_then_succeeds()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Enqueue(FakeResponse.Error(500), FakeResponse.Reply("That must have been scary."));
        await using var h = await ModelsHarness.StartAsync(server);
        var prompt = (await h.SeedAsync(1))[0];

        var outcome = await h.Runner.AnswerAsync(h.Contender("fake-llm"), prompt, CancellationToken.None);

        Assert.Equal(AnswerStatus.Done, outcome.Status);
        Assert.Equal(2, server.RequestCount);
        Assert.Empty(await h.Store.GetModelFailuresAsync("fake-llm"));
    }

    [Fact]
    public async Task Timeout_is_retried_and_recorded_as_failure_when_it_keeps_timing_out()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Responder = _ => FakeResponse.Reply("too late") with { Delay = TimeSpan.FromSeconds(5) };
        await using var h = await ModelsHarness.StartAsync(server, timeout: "00:00:00.300", maxAttempts: 2);
        var prompt = (await h.SeedAsync(1))[0];

        var watch = Stopwatch.StartNew();
        var outcome = await h.Runner.AnswerAsync(h.Contender("fake-llm"), prompt, CancellationToken.None);

        Assert.Equal(AnswerStatus.Failed, outcome.Status);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"took {watch.Elapsed}");
        Assert.Equal(2, server.RequestCount);
        var failure = Assert.Single(await h.Store.GetModelFailuresAsync("fake-llm"));
        Assert.Equal(prompt.Id, failure.PromptId);
        Assert.Equal(2, failure.Attempts);
        Assert.Contains("timed out", failure.Error);
        Assert.Empty(await h.Store.ExportRepliesAsync().Where(x => x.PromptId == prompt.Id).ToListAsync());
    }

    [Fact]
    public async Task Malformed_json_is_a_recorded_failure_without_retries()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Enqueue(FakeResponse.Malformed());
        await using var h = await ModelsHarness.StartAsync(server);
        var prompt = (await h.SeedAsync(1))[0];

        var outcome = await h.Runner.AnswerAsync(h.Contender("fake-llm"), prompt, CancellationToken.None);

        Assert.Equal(AnswerStatus.Failed, outcome.Status);
        Assert.Equal(1, server.RequestCount);
        var failure = Assert.Single(await h.Store.GetModelFailuresAsync("fake-llm"));
        Assert.Contains("unreadable response", failure.Error);
    }

    [Fact]
    public async Task Concurrency_never_exceeds_the_cap()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Responder = r => FakeResponse.Reply($"Reply {r.Number}: that sounds like a lot to carry.") with { Delay = TimeSpan.FromMilliseconds(40) };
        await using var h = await ModelsHarness.StartAsync(server, maxConcurrency: 3);
        await h.SeedAsync(30);

        var summary = await h.Runner.RunAsync(new RunRequest(), null, CancellationToken.None);

        Assert.Equal(30, summary.Done);
        Assert.Equal(30, server.RequestCount);
        Assert.Equal(3, server.MaxInFlight);
    }

    [Fact]
    public async Task Retry_policy_is_ours_alone_the_sdk_does_not_retry()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Responder = _ => FakeResponse.Error(503);
        await using var h = await ModelsHarness.StartAsync(server, maxAttempts: 3);
        var prompt = (await h.SeedAsync(1))[0];

        var outcome = await h.Runner.AnswerAsync(h.Contender("fake-llm"), prompt, CancellationToken.None);

        Assert.Equal(AnswerStatus.Failed, outcome.Status);
        Assert.Equal(3, server.RequestCount);
        Assert.Contains("HTTP 503", Assert.Single(await h.Store.GetModelFailuresAsync("fake-llm")).Error);
    }
}
