using System.Collections.Concurrent;
using System.Diagnostics;
using EmpathyBot.Core.Study;
using EmpathyBot.Core.Ports;
using EmpathyBot.Storage;
using EmpathyBot.Storage.Redis;
using Xunit.Abstractions;

namespace EmpathyBot.Storage.Tests.Redis;

/// <summary>Redis goes away in the middle of a run of ratings and comes back; nothing acknowledged is lost or doubled.</summary>
[Trait("Category", "EndToEnd")]
public sealed class RedisFaultTests(ITestOutputHelper output)
{
    /// <summary>One rating as a channel adapter sends it: the outcome, or the outage it answers with "try again".</summary>
    private static async Task<(RatingOutcome? Outcome, StoreUnavailableException? Outage)> RateAsUserAsync(IStudyStore store, Rating rating)
    {
        try
        {
            return (await store.AddRatingAsync(rating), null);
        }
        catch (StoreUnavailableException e)
        {
            return (null, e);
        }
    }

    [Fact]
    public async Task Ratings_acknowledged_while_redis_is_killed_and_restarted_are_all_kept_exactly_once()
    {
        await using var server = await RedisServerFixture.StartNewAsync();
        await using var redis = await server.ConnectAsync();
        var store = new RedisStudyStore(redis, new RedisKeys("fault"));

        await store.UpsertPromptsAsync([new StudyPrompt("p1", "sad", "s", "u", "s1")]);
        for (var i = 0; i < 20; i++)
        {
            await store.AddReplyAsync(new Reply($"m{i}", "p1", "gpt", $"reply {i}", null, DateTimeOffset.UtcNow));
        }

        // 20 replies x 30 raters; each user keeps trying until the bot acknowledges their rating.
        var pending = new ConcurrentQueue<Rating>(
            from r in Enumerable.Range(0, 30)
            from m in Enumerable.Range(0, 20)
            select new Rating($"m{m}", $"rater{r}", (RatingValue)(1 + (r + m) % 3), DateTimeOffset.UtcNow));
        var total = pending.Count;
        var recorded = new ConcurrentBag<Rating>();
        var acknowledgedAsDuplicate = new ConcurrentBag<Rating>();
        var tryAgainAnswers = 0;
        var outageStarted = new TaskCompletionSource();
        var serverStopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var deadline = Stopwatch.StartNew();

        async Task UserLoop()
        {
            while (pending.TryDequeue(out var rating))
            {
                // However fast the ratings go, the last third waits for the outage, so users always meet it.
                if (recorded.Count >= 2 * total / 3) await serverStopped.Task;
                Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(40), "the run did not finish: the store never recovered");
                var (outcome, outage) = await RateAsUserAsync(store, rating);
                switch (outcome)
                {
                    case RatingOutcome.Recorded:
                        recorded.Add(rating);
                        if (recorded.Count == total / 3) outageStarted.TrySetResult();
                        // People rate at human pace; this keeps ratings in flight while Redis is killed.
                        await Task.Delay(10);
                        break;
                    case RatingOutcome.AlreadyRated:
                        // Only possible when an earlier try reached Redis but its answer was lost in the outage.
                        acknowledgedAsDuplicate.Add(rating);
                        break;
                    default:
                        // The adapters log this before they answer "try again": it names the store and keeps Redis's cause.
                        Assert.NotNull(outage);
                        Assert.StartsWith("The study store (Redis) is unavailable", outage.Message);
                        Assert.NotNull(outage.InnerException);
                        Interlocked.Increment(ref tryAgainAnswers);
                        pending.Enqueue(rating);
                        await Task.Delay(20);
                        break;
                }
            }
        }

        var users = Enumerable.Range(0, 4).Select(_ => Task.Run(UserLoop)).ToArray();

        await outageStarted.Task.WaitAsync(TimeSpan.FromSeconds(20));
        await server.StopAsync();
        serverStopped.SetResult();
        Assert.True(await WaitForAsync(async () => !await store.PingAsync()), "health must turn unhealthy while Redis is down");
        await server.StartAsync();

        await Task.WhenAll(users);

        output.WriteLine($"{total} ratings: {recorded.Count} recorded, {acknowledgedAsDuplicate.Count} found already recorded on a retry, {tryAgainAnswers} 'try again shortly' answers");
        Assert.True(tryAgainAnswers > 0, "the outage was never noticed by a user");
        Assert.Equal(total, recorded.Count + acknowledgedAsDuplicate.Count);
        Assert.True(await WaitForAsync(() => store.PingAsync()), "health did not recover after Redis returned");

        // Every acknowledged rating is in Redis exactly once, and the counters agree with them.
        var exported = new List<string>();
        await foreach (var row in store.ExportRatingsAsync()) exported.Add($"{row.ResponseId}/{row.Rater}/{row.Rating}");
        Assert.Equal(total, exported.Count);
        Assert.Equal(total, exported.Distinct().Count());
        foreach (var rating in recorded)
        {
            Assert.Contains($"{rating.ReplyId}/{rating.Rater}/{rating.Value}", exported);
        }

        var counts = (await store.GetCountersAsync()).Single(r => r.Source == "gpt").Counts;
        Assert.Equal(total, counts.Ratings);
        Assert.Equal(total, counts.Good + counts.Okay + counts.Bad);
        Assert.Equal(20, counts.Replies);
    }

    [Fact]
    public async Task Every_operation_fails_fast_with_StoreUnavailable_while_redis_is_down_and_recovers_by_itself()
    {
        await using var server = await RedisServerFixture.StartNewAsync();
        await using var redis = await server.ConnectAsync();
        var store = new RedisStudyStore(redis, new RedisKeys("down"));
        await store.UpsertPromptsAsync([new StudyPrompt("p1", "sad", "s", "u", "s1")]);
        await store.RecordConsentAsync("alice", DateTimeOffset.UtcNow);

        await server.StopAsync();
        await WaitForAsync(() => Task.FromResult(!redis.IsConnected));

        var watch = Stopwatch.StartNew();
        await Assert.ThrowsAsync<StoreUnavailableException>(() => store.GetConsentAsync("alice"));
        await Assert.ThrowsAsync<StoreUnavailableException>(() => store.AddRatingAsync(new Rating("m1", "bob", RatingValue.Good, DateTimeOffset.UtcNow)));
        await Assert.ThrowsAsync<StoreUnavailableException>(() => store.TryClaimAsync("evt", TimeSpan.FromMinutes(1)));
        await Assert.ThrowsAsync<StoreUnavailableException>(() => store.NextPromptToAnswerAsync("s1", "alice"));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"failing took {watch.Elapsed}; users should hear 'try again' at once");
        Assert.False(await store.PingAsync());

        await server.StartAsync();
        Assert.True(await WaitForAsync(() => store.PingAsync()), "the multiplexer did not reconnect by itself");
        Assert.NotNull(await store.GetConsentAsync("alice")); // the AOF kept it
    }

    private static async Task<bool> WaitForAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if (await condition()) return true;
            }
            catch (StoreUnavailableException)
            {
            }

            await Task.Delay(100);
        }

        return false;
    }
}
