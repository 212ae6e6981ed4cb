using EmpathyBot.Core.Ports;
using EmpathyBot.Host.Tests.Infrastructure;
using EmpathyBot.Storage.Tests.Redis;

namespace EmpathyBot.Host.Tests.Protocol;

/// <summary>Two real hosts sharing one redis-server: a participant starts the protocol on one and finishes it on the other.</summary>
[Trait("Category", "EndToEnd")]
public sealed class RedisProtocolTests : IAsyncLifetime
{
    private readonly RedisServerFixture redis = new();
    private BotHost a = null!;
    private BotHost b = null!;

    public async Task InitializeAsync()
    {
        await redis.InitializeAsync();
        var shared = BotHost.SharedRedisSettings(redis.Configuration, "protocol-");
        foreach (var (key, value) in ProtocolStudySettings.TwoSteps()) shared[key] = value;
        a = await BotHost.StartAsync(shared);
        b = await BotHost.StartAsync(shared);
        await ProtocolStudySettings.SeedRepliesAsync(a);
    }

    public async Task DisposeAsync()
    {
        await a.DisposeAsync();
        await b.DisposeAsync();
        await redis.DisposeAsync();
    }

    [Fact]
    public async Task Progress_started_on_one_instance_is_picked_up_on_the_other_and_completion_is_stored_once()
    {
        var onA = new DirectLineClient(a.Client, "ann");
        await onA.StartAsync(query: $"PROLIFIC_PID={ProtocolStudySettings.ProlificPid}");
        await onA.SubmitAsync(BotActivity.Button(await onA.JoinAsync(), "I am 18 or older and agree"));
        await onA.SayAsync("I'm so sorry; that sounds frightening. I'm glad you told me.");

        var onB = onA.On(b.Client);
        var back = await onB.JoinAsync();
        Assert.Contains("Welcome back", BotActivity.Text(back));
        Assert.Contains("Step 2 of 2 · rating", BotActivity.Text(back));

        var done = await onB.SubmitAsync(BotActivity.Button(back, "Good"));
        Assert.Contains("Your completion code: " + ProtocolStudySettings.Code, BotActivity.Text(done));

        var records = new List<ParticipantRecord>();
        await foreach (var r in b.Get<IParticipantRecordStore>().ExportParticipantRecordsAsync()) records.Add(r);
        var record = Assert.Single(records);
        Assert.Equal(ProtocolStudySettings.ProlificPid, record.Ids.ParticipantId);
        Assert.Equal(ProtocolStudySettings.Code, record.CompletionCode);
        Assert.NotNull(record.CompletedAt);
    }
}
