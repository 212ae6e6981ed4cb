using System.Globalization;
using EmpathyBot.Models.Configuration;
using EmpathyBot.Models.Running;
using EmpathyBot.Models.Tests.Infrastructure;
using EmpathyBot.Testing.FakeOpenAi;

namespace EmpathyBot.Models.Tests.Running;

/// <summary>The one retry policy, over real HTTP to the fake server; every wait is read off and driven by the injected clock.</summary>
public sealed class ModelRetryPolicyTests
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Retry_after_is_honoured_on_the_injected_clock()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Enqueue(FakeResponse.Error(429, retryAfter: "30", code: "rate_limit_exceeded"), FakeResponse.Reply("I'm sorry, that sounds hard."));
        await using var h = await ModelsHarness.StartAsync(server);
        var clock = new WatchedClock();
        // Jitter pinned at its top: the backoff alone would wait just under 1 s.
        var policy = new ModelRetryPolicy(Options(maxAttempts: 4), clock, () => 0.999);

        var call = Call(policy, h);

        Assert.Equal(TimeSpan.FromSeconds(30), await clock.NextWaitAsync());
        Assert.Equal(1, server.RequestCount);
        clock.Advance(TimeSpan.FromSeconds(30));
        var result = await call.WaitAsync(Within);
        Assert.Equal("I'm sorry, that sounds hard.", result.Reply?.Text);
        Assert.Equal(2, result.Attempts);
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task Retry_after_as_an_http_date_is_read_against_the_injected_clock()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        var clock = new WatchedClock();
        var retryAt = clock.GetUtcNow().AddSeconds(20).ToString("r", CultureInfo.InvariantCulture);
        server.Enqueue(FakeResponse.Error(429, retryAfter: retryAt), FakeResponse.Reply("That must have been a shock."));
        await using var h = await ModelsHarness.StartAsync(server, time: clock);
        var policy = new ModelRetryPolicy(Options(maxAttempts: 4), clock, () => 0.5);

        var call = Call(policy, h);

        Assert.Equal(TimeSpan.FromSeconds(20), await clock.NextWaitAsync());
        clock.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(2, (await call.WaitAsync(Within)).Attempts);
    }

    [Fact]
    public async Task Backoff_doubles_from_base_delay_with_jitter_up_to_max_delay_then_gives_up_after_max_attempts()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Responder = _ => FakeResponse.Error(503);
        await using var h = await ModelsHarness.StartAsync(server);
        var clock = new WatchedClock();
        // Half of each ceiling: 1 s, 2 s, then 4 s and 8 s capped at MaxDelay 3 s.
        var policy = new ModelRetryPolicy(Options(maxAttempts: 5, baseDelay: 1, maxDelay: 3), clock, () => 0.5);

        var call = Call(policy, h);

        foreach (var expected in new[] { 0.5, 1, 1.5, 1.5 })
        {
            Assert.Equal(TimeSpan.FromSeconds(expected), await clock.NextWaitAsync());
            clock.Advance(TimeSpan.FromSeconds(expected));
        }

        var result = await call.WaitAsync(Within);
        Assert.Null(result.Reply);
        Assert.Equal(5, result.Attempts);
        Assert.StartsWith("HTTP 503", result.Error);
        Assert.Equal(5, server.RequestCount);
    }

    [Fact]
    public async Task Retry_after_beyond_max_delay_ends_the_call_at_once_and_says_why()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Enqueue(FakeResponse.Error(429, retryAfter: "120"));
        await using var h = await ModelsHarness.StartAsync(server);
        var policy = new ModelRetryPolicy(Options(maxAttempts: 4, maxDelay: 60), new WatchedClock(), () => 0.5);

        var result = await Call(policy, h).WaitAsync(Within);

        Assert.Equal(1, result.Attempts);
        Assert.Contains("HTTP 429", result.Error);
        Assert.Contains("server asked to retry after 00:02:00, beyond ModelRunner:MaxDelay", result.Error);
        Assert.Equal(1, server.RequestCount);
    }

    /// <summary>A client error is not worth another attempt; MaxAttempts 1 allows none.</summary>
    [Theory]
    [InlineData(400, 4)]
    [InlineData(500, 1)]
    public async Task One_attempt_when_the_error_is_not_transient_or_no_retry_is_allowed(int status, int maxAttempts)
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Responder = _ => FakeResponse.Error(status);
        await using var h = await ModelsHarness.StartAsync(server);
        var policy = new ModelRetryPolicy(Options(maxAttempts), new WatchedClock(), () => 0.5);

        var result = await Call(policy, h).WaitAsync(Within);

        Assert.Equal(1, result.Attempts);
        Assert.StartsWith($"HTTP {status}", result.Error);
        Assert.Equal(1, server.RequestCount);
    }

    private static ModelRunnerOptions Options(int maxAttempts, double baseDelay = 1, double maxDelay = 60) => new()
    {
        MaxAttempts = maxAttempts,
        BaseDelay = TimeSpan.FromSeconds(baseDelay),
        MaxDelay = TimeSpan.FromSeconds(maxDelay),
    };

    private static Task<ModelCallResult> Call(ModelRetryPolicy policy, ModelsHarness h)
    {
        var contender = h.Contender("fake-llm");
        var prompt = TestData.Prompt("core-0001", "core");
        return policy.CallAsync(contender, ct => contender.Contender.ReplyAsync(prompt, ct), CancellationToken.None);
    }
}
