using System.Security.Cryptography;
using EmpathyBot.Core.Study;
using EmpathyBot.Models.Judging;
using EmpathyBot.Models.Tests.Infrastructure;
using EmpathyBot.Services.Summary;
using EmpathyBot.Testing.FakeOpenAi;
using Microsoft.Extensions.DependencyInjection;

namespace EmpathyBot.Models.Tests.Judging;

/// <summary>The judge arm over real HTTP against the OpenAI-compatible fake.</summary>
public sealed class JudgeRunTests
{
    private static FakeResponse Judge(FakeRequest r, string answer) =>
        r.Model == JudgeHarness.Model ? FakeResponse.Reply(answer) : FakeResponse.Reply("That sounds hard.");

    [Fact]
    public async Task Verdicts_are_stored_with_the_template_hash_and_a_rerun_asks_nothing()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Responder = r => Judge(r, r.UserMessage.Contains("Reply number 1:") ? "Good." : "okay");
        await using var h = await JudgeHarness.StartAsync(server);
        await h.SeedRepliesAsync(2);

        var first = await h.Runner().RunAsync(new JudgeRunRequest(), null, CancellationToken.None);
        var asked = server.RequestCountFor(JudgeHarness.Model);
        var second = await h.Runner().RunAsync(new JudgeRunRequest(), null, CancellationToken.None);

        Assert.Equal("rated 2, unparseable 0, cached 0, failed 0", first.FinalLine);
        Assert.Equal(2, asked);
        Assert.Equal("rated 0, unparseable 0, cached 2, failed 0", second.FinalLine);
        Assert.Equal(asked, server.RequestCountFor(JudgeHarness.Model));
        var sha = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(TestData.ShippedJudgeTemplate)));
        var verdict = Assert.Single(await h.Store.GetVerdictsAsync("h01"));
        Assert.Equal(("judge-a", 0, RatingValue.Good, "Good.", sha), (verdict.Judge, verdict.Repeat, verdict.Rating, verdict.Raw, verdict.TemplateSha256));
        Assert.Equal(RatingValue.Okay, Assert.Single(await h.Store.GetVerdictsAsync("h02")).Rating);
        Assert.Empty(await h.Store.GetVerdictsAsync("m-excluded"));
        Assert.Empty(await h.Store.ExportRatingsAsync().ToListAsync());
    }

    [Fact]
    public async Task The_judge_sees_the_rating_card_never_the_source_at_temperature_zero()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Responder = r => Judge(r, "Good");
        await using var h = await JudgeHarness.StartAsync(server);
        var reply = (await h.SeedRepliesAsync(1))[0];
        var prompt = TestData.Prompt("core-0001");

        await h.Runner().RunAsync(new JudgeRunRequest(), null, CancellationToken.None);

        var request = Assert.Single(server.Requests, r => r.Model == JudgeHarness.Model);
        var text = request.UserMessage;
        Assert.Contains(prompt.Situation, text);
        Assert.Contains(prompt.Utterance, text);
        Assert.Contains(reply.Text, text);
        Assert.Contains(EmpathyWording.RatingQuestion, text);
        Assert.All(EmpathyWording.Definitions, d => Assert.Contains($"{d.Term}: {d.Meaning}", text));
        Assert.DoesNotContain("human", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("{{", text);
        Assert.Equal(0, request.Json.GetProperty("temperature").GetDouble());
    }

    [Fact]
    public async Task Transient_errors_are_retried_through_the_one_retry_policy()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Enqueue(FakeResponse.Error(429, retryAfter: "0"), FakeResponse.Error(500), FakeResponse.Reply("bad"));
        await using var h = await JudgeHarness.StartAsync(server);
        await h.SeedRepliesAsync(1);

        var summary = await h.Runner().RunAsync(new JudgeRunRequest(), null, CancellationToken.None);

        Assert.Equal("rated 1, unparseable 0, cached 0, failed 0", summary.FinalLine);
        Assert.Equal(3, server.RequestCountFor(JudgeHarness.Model));
        Assert.Equal(RatingValue.Bad, Assert.Single(await h.Store.GetVerdictsAsync("h01")).Rating);
    }

    [Fact]
    public async Task A_failed_call_stores_nothing_and_the_next_run_asks_again()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Responder = r => r.Model == JudgeHarness.Model ? FakeResponse.Error(400, code: "invalid_request_error") : FakeResponse.Reply("x");
        await using var h = await JudgeHarness.StartAsync(server);
        await h.SeedRepliesAsync(1);

        var failed = await h.Runner().RunAsync(new JudgeRunRequest(), null, CancellationToken.None);
        Assert.Equal((1, 1), (failed.Failed, server.RequestCountFor(JudgeHarness.Model)));
        Assert.Empty(await h.Store.GetVerdictsAsync("h01"));

        server.Responder = r => Judge(r, "Okay");
        var retried = await h.Runner().RunAsync(new JudgeRunRequest(), null, CancellationToken.None);
        Assert.Equal("rated 1, unparseable 0, cached 0, failed 0", retried.FinalLine);
    }

    [Fact]
    public async Task Unparseable_answers_are_stored_raw_and_counted_in_the_summary()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Responder = r => Judge(r, r.UserMessage.Contains("Reply number 1:") ? "It is good, not bad." : "Good");
        await using var h = await JudgeHarness.StartAsync(server);
        await h.SeedRepliesAsync(2);

        var summary = await h.Runner().RunAsync(new JudgeRunRequest(), null, CancellationToken.None);

        Assert.Equal("rated 1, unparseable 1, cached 0, failed 0", summary.FinalLine);
        var stored = Assert.Single(await h.Store.GetVerdictsAsync("h01"));
        Assert.Equal((null, "It is good, not bad."), (stored.Rating, stored.Raw));
        var judging = (await h.Services.GetRequiredService<SummaryQuery>().BuildAsync(CancellationToken.None)).Judging!;
        Assert.Equal((1, 1), (judging.Judges["judge-a"].Ratings, judging.Judges["judge-a"].Unparseable));
    }

    [Fact]
    public async Task Repeats_and_limit_narrow_and_widen_the_run()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Responder = r => Judge(r, "Good");
        await using var h = await JudgeHarness.StartAsync(server);
        await h.SeedRepliesAsync(3);

        var limited = await h.Runner().RunAsync(new JudgeRunRequest("judge-a", Limit: 2, Repeats: 2), null, CancellationToken.None);
        Assert.Equal(4, limited.Rated);
        Assert.Equal([0, 1], (await h.Store.GetVerdictsAsync("h01")).Select(v => v.Repeat));

        var rest = await h.Runner().RunAsync(new JudgeRunRequest(), null, CancellationToken.None);
        Assert.Equal((1, 2), (rest.Rated, rest.Cached));
        await Assert.ThrowsAsync<ArgumentException>(() => h.Runner().RunAsync(new JudgeRunRequest("nobody"), null, CancellationToken.None));
    }

    [Fact]
    public async Task What_the_live_queue_cannot_take_is_counted_and_the_batch_run_catches_it_up()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Responder = r => Judge(r, "Okay") with { Delay = TimeSpan.FromMilliseconds(300) };
        await using var h = await JudgeHarness.StartAsync(server, ("ModelRunner:JudgeQueueCapacity", "1"), ("ModelRunner:LivePromptsInFlight", "1"));
        var replies = await h.SeedRepliesAsync(12);
        var scheduler = h.Services.GetRequiredService<JudgeScheduler>();

        var queued = replies.Count(r => scheduler.Enqueue(r.Id));

        Assert.InRange(queued, 1, 3);
        Assert.Equal(12 - queued, scheduler.NotQueued);
        await Eventually.TrueAsync(() => Task.FromResult(scheduler.Pending == 0), "the queued replies are judged");
        var caughtUp = await h.Runner().RunAsync(new JudgeRunRequest(), null, CancellationToken.None);
        Assert.Equal((12 - queued, queued), (caughtUp.Rated, caughtUp.Cached));
    }

    [Fact]
    public async Task A_reply_added_through_the_store_port_is_judged_in_the_background()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Responder = r => Judge(r, "Good");
        await using var h = await JudgeHarness.StartAsync(server, ("Judges:0:Repeats", "2"));
        await h.SeedAsync(1);
        var port = h.Services.GetRequiredService<EmpathyBot.Core.Ports.IReplyStore>();

        await port.AddReplyAsync(new Reply("h-live", "core-0001", Sources.Human, "That must be scary; I hope she gets well.", "someone", DateTimeOffset.UtcNow));

        await Eventually.TrueAsync(async () => (await h.Store.GetVerdictsAsync("h-live")).Count == 2, "both verdicts are stored in the background");
    }

    [Fact]
    public async Task A_stored_verdict_tells_open_dashboards_to_rebuild()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Responder = r => Judge(r, "Good");
        await using var h = await JudgeHarness.StartAsync(server);
        await h.SeedRepliesAsync(1);
        await using var subscription = await h.Services.GetRequiredService<EmpathyBot.Core.Ports.IStudyEvents>().SubscribeAsync();

        await h.Runner().RunAsync(new JudgeRunRequest(), null, CancellationToken.None);

        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await foreach (var e in subscription.ReadAllAsync(wait.Token))
        {
            Assert.Equal((EmpathyBot.Core.Ports.StudyEventKind.CountersChanged, "h01"), (e.Kind, e.ReplyId));
            break;
        }
    }

    [Fact]
    public async Task A_reply_claimed_by_another_host_is_left_to_it()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Responder = r => Judge(r, "Good");
        await using var h = await JudgeHarness.StartAsync(server);
        await h.SeedRepliesAsync(2);
        var claims = h.Services.GetRequiredService<EmpathyBot.Core.Ports.IIdempotencyStore>();
        Assert.True(await claims.TryClaimAsync("judge:h01", JudgeScheduler.ClaimTtl));
        var scheduler = h.Services.GetRequiredService<JudgeScheduler>();

        scheduler.Enqueue("h01");
        scheduler.Enqueue("h02");

        await Eventually.TrueAsync(async () => (await h.Store.GetVerdictsAsync("h02")).Count == 1, "the unclaimed reply is judged");
        await Eventually.TrueAsync(() => Task.FromResult(scheduler.Pending == 0), "the queue drains");
        Assert.Empty(await h.Store.GetVerdictsAsync("h01"));
        Assert.Equal(1, server.RequestCountFor(JudgeHarness.Model));
    }
}
