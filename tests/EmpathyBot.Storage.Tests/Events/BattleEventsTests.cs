using EmpathyBot.Core.Ports;
using EmpathyBot.Core.Study;
using EmpathyBot.Storage.Events;
using EmpathyBot.Storage.Tests.Redis;
using Microsoft.Extensions.DependencyInjection;

namespace EmpathyBot.Storage.Tests.Events;

/// <summary>A recorded verdict on a pair card is announced, so open dashboards redraw the pairwise section; a repeat or a gold card is not.</summary>
public sealed class BattleEventsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly StudyEvent Marker = new(StudyEventKind.CountersChanged, "marker", null, null, null, DateTimeOffset.UnixEpoch);

    /// <summary>Two replies, a verdict, the same verdict again, a gold card answered, then the marker: the events in order.</summary>
    private static async Task<List<StudyEvent>> PlayAsync(IPromptStore prompts, IReplyStore replies, IBattleStore battles, IStudyEvents events)
    {
        await using var subscription = await events.SubscribeAsync();
        await prompts.UpsertPromptsAsync([new StudyPrompt("p1", "sad", "s", "u", "s1")]);
        await replies.AddReplyAsync(new Reply("h1", "p1", Sources.Human, "a person's reply", "alice", T0));
        await replies.AddReplyAsync(new Reply("m1", "p1", "gpt", "a model's reply", null, T0));
        var card = await battles.NextPairAsync("bob");
        Assert.Equal(PairAnswerOutcome.Recorded, (await battles.AnswerPairAsync("bob", card!.Id, PairChoice.Left, T0)).Outcome);
        Assert.Equal(PairAnswerOutcome.AlreadyAnswered, (await battles.AnswerPairAsync("bob", card.Id, PairChoice.Left, T0)).Outcome);
        var gold = await battles.NextPairAsync("carol", "h-00112233aabbccdd");
        Assert.Equal(PairAnswerOutcome.Recorded, (await battles.AnswerPairAsync("carol", gold!.Id, PairChoice.Tie, T0)).Outcome);
        await events.PublishAsync(Marker);
        return await RedisStudyEventsTests.ReadAsync(subscription, 4);
    }

    [Fact]
    public async Task Sqlite_announces_a_recorded_verdict_through_the_publishing_store()
    {
        var dir = Path.Combine(Path.GetTempPath(), "empathybot-battle-events-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using var services = StudyEventsRegistrationTests.Build(new() { ["Storage:Provider"] = "Sqlite", ["Storage:DataDirectory"] = dir });
            Assert.IsType<PublishingStudyStore>(services.GetRequiredService<IBattleStore>());

            var received = await PlayAsync(services.GetRequiredService<IPromptStore>(), services.GetRequiredService<IReplyStore>(),
                services.GetRequiredService<IBattleStore>(), services.GetRequiredService<IStudyEvents>());

            Assert.Equal([StudyEventKind.ReplyAdded, StudyEventKind.ReplyAdded, StudyEventKind.CountersChanged], received.Take(3).Select(e => e.Kind));
            Assert.Equal(Marker, received[3]);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }
}
