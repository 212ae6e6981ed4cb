using EmpathyBot.Core.Integrity;
using EmpathyBot.Core.Study;
using EmpathyBot.Core.Ports;
using EmpathyBot.Storage;
using EmpathyBot.Storage.Events;
using EmpathyBot.Storage.Sqlite;
using EmpathyBot.Storage.Tests.Redis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EmpathyBot.Storage.Tests.Events;

public sealed class StudyEventsRegistrationTests
{
    internal static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddEmpathyBotStorage(configuration).BuildServiceProvider();
    }

    [Fact]
    public async Task Sqlite_provider_gets_in_process_events_announced_by_a_publishing_store()
    {
        var dir = Path.Combine(Path.GetTempPath(), "empathybot-events-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using (var services = Build(new() { ["Storage:Provider"] = "Sqlite", ["Storage:DataDirectory"] = dir }))
            {
                Assert.IsType<PublishingStudyStore>(services.GetRequiredService<IRatingStore>());
                Assert.IsType<PublishingStudyStore>(services.GetRequiredService<IReplyStore>());
                Assert.IsType<SqliteStudyStore>(services.GetRequiredService<IPromptStore>());
                var prompts = services.GetRequiredService<IPromptStore>();
                var replies = services.GetRequiredService<IReplyStore>();
                var ratings = services.GetRequiredService<IRatingStore>();
                var events = services.GetRequiredService<IStudyEvents>();
                Assert.IsType<InProcessStudyEvents>(events);
                await using var subscription = await events.SubscribeAsync();

                await prompts.UpsertPromptsAsync([new StudyPrompt("p1", "sad", "s", "u", "s1")]);
                await replies.AddReplyAsync(new Reply("m1", "p1", "gpt", "text", null, DateTimeOffset.UtcNow));
                await ratings.AddRatingAsync(new Rating("m1", "bob", RatingValue.Bad, DateTimeOffset.UtcNow));
                await ratings.AddRatingAsync(new Rating("m1", "bob", RatingValue.Bad, DateTimeOffset.UtcNow)); // duplicate: no event
                // A checked rating (the chat's path) is announced from what its write returned.
                var integrity = services.GetRequiredService<IIntegrityStore>();
                Assert.IsType<PublishingStudyStore>(integrity);
                Assert.Equal("m1", (await ratings.NextReplyToRateAsync("carl", 3))?.Id);
                await integrity.AddCheckedRatingAsync(new Rating("m1", "carl", RatingValue.Good, DateTimeOffset.UtcNow), new RatingRules(0, 0));
                // So is a checked reply (a person's own): its write names the prompt's emotion.
                var at = DateTimeOffset.UtcNow;
                await integrity.AddCheckedReplyAsync(new Reply("h1", "p1", Sources.Human, "my own words", "ann", at),
                    new ReplyCheck("h1", "ann", "p1", null, at, null, null, false, 0, null, []));
                var marker = new StudyEvent(StudyEventKind.CountersChanged, "marker", null, null, null, DateTimeOffset.UnixEpoch);
                await events.PublishAsync(marker);

                var received = await RedisStudyEventsTests.ReadAsync(subscription, 5);
                Assert.Equal([StudyEventKind.ReplyAdded, StudyEventKind.RatingRecorded, StudyEventKind.RatingRecorded], received.Take(3).Select(e => e.Kind));
                Assert.Equal(("m1", "sad", "gpt", "bad"), (received[1].ReplyId, received[1].Emotion, received[1].Source, received[1].Rating));
                Assert.Equal(("m1", "sad", "gpt", "good"), (received[2].ReplyId, received[2].Emotion, received[2].Source, received[2].Rating));
                Assert.Equal((StudyEventKind.ReplyAdded, "h1", "sad", Sources.Human), (received[3].Kind, received[3].ReplyId, received[3].Emotion, received[3].Source));
                // The duplicate rating announced nothing: the next events in order are the checked rating's, the checked reply's and the marker.
                Assert.Equal(marker, received[4]);
            }
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }
}
