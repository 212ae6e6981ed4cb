using EmpathyBot.Core.Ports;
using EmpathyBot.Core.Study;
using EmpathyBot.Host.Tests.Infrastructure;
using EmpathyBot.Storage;
using EmpathyBot.Storage.Tests.Redis;

namespace EmpathyBot.Host.Tests.Redis;

/// <summary>
/// Rating:Design = betweenSubjects on two real hosts sharing one real redis-server: raters arriving at either host are
/// balanced across the sources, and each is offered only their own source's replies.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class BetweenSubjectsHostsTests : IAsyncLifetime
{
    private static readonly string[] SourceNames = [Sources.Human, "gpt", "baseline"];
    private readonly RedisServerFixture redis = new();
    private BotHost a = null!;
    private BotHost b = null!;

    public async Task InitializeAsync()
    {
        await redis.InitializeAsync();
        var shared = BotHost.SharedRedisSettings(redis.Configuration, "bs-");
        shared["Rating:Design"] = "betweenSubjects";
        shared["Rating:TargetPerReply"] = "10";
        a = await BotHost.StartAsync(shared);
        b = await BotHost.StartAsync(shared);
    }

    public async Task DisposeAsync()
    {
        await a.DisposeAsync();
        await b.DisposeAsync();
        await redis.DisposeAsync();
    }

    [Fact]
    public async Task Raters_at_either_host_are_balanced_and_rate_only_their_source()
    {
        var store = a.Get<IStudyStore>();
        var prompts = (await store.GetPromptsAsync("core")).Take(2).ToArray();
        foreach (var prompt in prompts)
        {
            foreach (var source in SourceNames)
            {
                await store.AddReplyAsync(new Reply($"{source}-{prompt.Id}", prompt.Id, source, $"A reply to {prompt.Id} by {source}.",
                    Sources.IsHuman(source) ? "p_writer" : null, DateTimeOffset.UtcNow));
            }
        }

        var assigned = new List<string>();
        for (var r = 0; r < 6; r++)
        {
            var rater = new DirectLineClient((r % 2 == 0 ? a : b).Client, $"rater{r}");
            await rater.StartAsync();
            await rater.SubmitAsync(BotActivity.Button(await rater.JoinAsync(), "I am 18 or older and agree"));
            // Two cards (the source's two replies), both of the source assigned with the first, then nothing left.
            var first = await rater.SayAsync("rate");
            await rater.SubmitAsync(BotActivity.Button(first, "Good"));
            var second = await rater.SayAsync("rate");
            await rater.SubmitAsync(BotActivity.Button(second, "Good"));
            Assert.Equal(SourceOf(BotActivity.Text(first)), SourceOf(BotActivity.Text(second)));
            Assert.Contains("nothing left for you to rate", BotActivity.Text(await rater.SayAsync("rate")));
            assigned.Add(SourceOf(BotActivity.Text(first)));
        }

        Assert.All(SourceNames, s => Assert.Equal(2, assigned.Count(x => x == s)));
        var counts = await b.Get<ISourceAssignmentStore>().GetAssignmentCountsAsync();
        Assert.All(SourceNames, s => Assert.Equal(2, counts[s]));
    }

    private static string SourceOf(string card) => SourceNames.Single(s => card.Contains($" by {s}.", StringComparison.Ordinal));
}
