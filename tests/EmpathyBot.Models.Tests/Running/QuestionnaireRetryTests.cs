using System.Text.RegularExpressions;
using EmpathyBot.Models.Appraisal;
using EmpathyBot.Models.Tests.Infrastructure;
using EmpathyBot.Models.Understanding;
using EmpathyBot.Testing.FakeOpenAi;
using Microsoft.Extensions.DependencyInjection;

namespace EmpathyBot.Models.Tests.Running;

/// <summary>The appraisal and understanding runners ask through the same retry policy as replies: its clock, its settings.</summary>
public sealed partial class QuestionnaireRetryTests
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Appraisal_waits_out_retry_after_on_the_injected_clock()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Enqueue(FakeResponse.Error(429, retryAfter: "7", code: "rate_limit_exceeded"));
        server.Responder = AnswerPanas;
        var clock = new WatchedClock();
        await using var h = await ModelsHarness.StartAsync(server, time: clock, withQuestionnaires: true, extra: ("ModelRunner:MaxDelay", "00:01:00"));

        var run = h.Services.GetRequiredService<AppraisalRunner>().RunAsync("fake-llm", 1, null, null, CancellationToken.None);

        Assert.Equal(TimeSpan.FromSeconds(7), await clock.NextWaitAsync());
        clock.Advance(TimeSpan.FromSeconds(7));
        var summary = await run.WaitAsync(Within);
        Assert.Equal((2, 0), (summary.Stored, summary.Failed));
        Assert.Equal(3, server.RequestCount);
    }

    [Fact]
    public async Task Appraisal_gives_up_after_ModelRunner_MaxAttempts()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Responder = _ => FakeResponse.Error(503);
        await using var h = await ModelsHarness.StartAsync(server, maxAttempts: 2, withQuestionnaires: true, extra: ("ModelRunner:BaseDelay", "00:00:00"));

        var summary = await h.Services.GetRequiredService<AppraisalRunner>().RunAsync("fake-llm", 1, null, null, CancellationToken.None);

        Assert.Equal((0, 2), (summary.Stored, summary.Failed));
        Assert.All(summary.Errors, e => Assert.Contains("HTTP 503", e));
        Assert.Equal(2 * 2, server.RequestCount);
    }

    [Fact]
    public async Task Understanding_waits_out_retry_after_on_the_injected_clock()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Enqueue(FakeResponse.Error(429, retryAfter: "7", code: "rate_limit_exceeded"));
        server.Responder = _ => FakeResponse.Reply("Grateful: 8\nGrieving: 6\nGuilty: 4\nIrritated: 1");
        var clock = new WatchedClock();
        await using var h = await ModelsHarness.StartAsync(server, time: clock, withQuestionnaires: true, extra: ("ModelRunner:MaxDelay", "00:01:00"));

        var run = h.Services.GetRequiredService<UnderstandingRunner>().RunAsync("fake-llm", "intensity", null, CancellationToken.None);

        Assert.Equal(TimeSpan.FromSeconds(7), await clock.NextWaitAsync());
        clock.Advance(TimeSpan.FromSeconds(7));
        var summary = await run.WaitAsync(Within);
        Assert.Equal((1, 0, 0), (summary.Answered, summary.Unscored, summary.Failed));
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task Understanding_gives_up_after_ModelRunner_MaxAttempts()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Responder = _ => FakeResponse.Error(503);
        await using var h = await ModelsHarness.StartAsync(server, maxAttempts: 2, withQuestionnaires: true, extra: ("ModelRunner:BaseDelay", "00:00:00"));

        var summary = await h.Services.GetRequiredService<UnderstandingRunner>().RunAsync("fake-llm", "intensity", null, CancellationToken.None);

        Assert.Equal((0, 1), (summary.Answered, summary.Failed));
        Assert.StartsWith("int-01: HTTP 503", Assert.Single(summary.Errors));
        Assert.Equal(2, server.RequestCount);
    }

    /// <summary>Scores every numbered PANAS item of the prompt 3, in the prompt's order.</summary>
    private static FakeResponse AnswerPanas(FakeRequest request) =>
        FakeResponse.Reply(string.Join("\n", NumberedItem().Matches(request.UserMessage).Select(m => $"{m.Value.Trim()}: 3")));

    [GeneratedRegex(@"^\d{1,2}\. [A-Za-z]+$", RegexOptions.Multiline)]
    private static partial Regex NumberedItem();
}
