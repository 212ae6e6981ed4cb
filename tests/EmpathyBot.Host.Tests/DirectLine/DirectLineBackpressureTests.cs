using System.Net;
using EmpathyBot.Channels.Work;
using EmpathyBot.Conversation.Engine;
using EmpathyBot.Conversation.Messages;
using EmpathyBot.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace EmpathyBot.Host.Tests.DirectLine;

/// <summary>Bot:MaxQueuedTurns on the real host: Direct Line answers 429 + Retry-After when full and loses nothing it accepted.</summary>
public sealed class DirectLineBackpressureTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_full_queue_answers_429_with_Retry_After_and_the_accepted_turns_are_answered_once_it_drains()
    {
        var engine = new HeldEngine();
        await using var host = await BotHost.StartAsync(
            new Dictionary<string, string?> { ["Bot:MaxQueuedTurns"] = "2" },
            builder => builder.Services.AddSingleton<IConversationEngine>(engine));
        var clients = new[] { "ada", "bo", "cy" }.Select(user => new DirectLineClient(host.Client, user)).ToArray();
        foreach (var client in clients) await client.StartAsync();

        var accepted = clients[..2].Select(c => c.SayAsync($"hello from {c.ConversationId}")).ToArray();
        await WaitUntilAsync(() => host.Get<ConversationWorkQueue>().Pending == 2);

        using (var refused = await clients[2].PostAsync("one too many"))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(1), refused.Headers.RetryAfter?.Delta);
        }

        Assert.All(accepted, turn => Assert.False(turn.IsCompleted));
        engine.Release.SetResult();
        for (var i = 0; i < accepted.Length; i++)
        {
            var replies = await accepted[i].WaitAsync(Patience);
            Assert.Contains(replies, r => (string?)r["text"] == $"answered: hello from {clients[i].ConversationId}");
        }

        // Web Chat sends the refused activity again after Retry-After; now it is taken and answered.
        var retried = await clients[2].SayAsync("one too many");
        Assert.Contains(retried, r => (string?)r["text"] == "answered: one too many");
        string[] expected = ["hello from " + clients[0].ConversationId, "hello from " + clients[1].ConversationId, "one too many"];
        Assert.Equal(expected.Order(), engine.Seen.Order());
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not hold in time");
            await Task.Delay(10);
        }
    }

    /// <summary>Holds every turn until released, then answers with the text it got.</summary>
    private sealed class HeldEngine : IConversationEngine
    {
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public List<string> Seen { get; } = [];

        public async Task<TurnResult> HandleAsync(Turn turn, CancellationToken ct = default)
        {
            await Release.Task.WaitAsync(ct);
            lock (Seen) Seen.Add(turn.Text ?? "");
            return TurnResult.Of(Message.Text($"answered: {turn.Text}"));
        }
    }
}
