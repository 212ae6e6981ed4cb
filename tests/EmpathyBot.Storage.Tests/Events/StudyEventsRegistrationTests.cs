using EmpathyBot.Core.Study;
using EmpathyBot.Storage.Abstractions;
using EmpathyBot.Storage.Events;
using EmpathyBot.Storage.Tests.Redis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EmpathyBot.Storage.Tests.Events;

public sealed class StudyEventsRegistrationTests
{
    internal static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddEmpathyBotStorage(configuration).AddEmpathyBotStudyEvents().BuildServiceProvider();
    }

    [Fact]
    public async Task Sqlite_provider_gets_in_process_events_announced_by_a_publishing_store()
    {
        var dir = Path.Combine(Path.GetTempPath(), "empathybot-events-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using (var services = Build(new() { ["Storage:Provider"] = "Sqlite", ["Storage:DataDirectory"] = dir }))
            {
                var store = services.GetRequiredService<IStudyStore>();
                Assert.IsType<PublishingStudyStore>(store);
                var events = services.GetRequiredService<IStudyEvents>();
                Assert.IsType<InProcessStudyEvents>(events);
                await using var subscription = await events.SubscribeAsync();

                await store.UpsertPromptsAsync([new StudyPrompt("p1", "sad", "s", "u", "s1")]);
                await store.AddReplyAsync(new Reply("m1", "p1", "gpt", "text", null, DateTimeOffset.UtcNow));
                await store.AddRatingAsync(new Rating("m1", "bob", RatingValue.Bad, DateTimeOffset.UtcNow));
                await store.AddRatingAsync(new Rating("m1", "bob", RatingValue.Bad, DateTimeOffset.UtcNow)); // duplicate: no event
                var marker = new StudyEvent(StudyEventKind.CountersChanged, "marker", null, null, null, DateTimeOffset.UnixEpoch);
                await events.PublishAsync(marker);

                var received = await RedisStudyEventsTests.ReadAsync(subscription, 3);
                Assert.Equal([StudyEventKind.ReplyAdded, StudyEventKind.RatingRecorded], received.Take(2).Select(e => e.Kind));
                Assert.Equal(("m1", "sad", "gpt", "bad"), (received[1].ReplyId, received[1].Emotion, received[1].Source, received[1].Rating));
                // The duplicate rating announced nothing: the next event in order is the marker published after it.
                Assert.Equal(marker, received[2]);
            }
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }
}
