using System.Net;
using System.Text.Json.Nodes;
using EmpathyBot.Channels.Work;
using Microsoft.Extensions.DependencyInjection;

namespace EmpathyBot.Channels.Tests.Teams;

/// <summary>Bot:MaxQueuedTurns over real HTTP: a full queue refuses with 503 + Retry-After and loses nothing it accepted.</summary>
public sealed class TeamsBackpressureTests
{
    private const int Bound = 3;

    private static Task<TeamsTestHost> StartAsync() => TeamsTestHost.StartAsync(new Dictionary<string, string?>
    {
        ["Bot:AllowUnauthenticated"] = "true",
        ["Bot:MaxQueuedTurns"] = Bound.ToString(),
    });

    private static JsonObject Message(ConnectorRecorder connector, int n)
    {
        var activity = TeamsTestHost.Activity(connector.ServiceUrl, text: $"turn {n}", id: $"activity-{n}", user: $"29:user-{n}");
        activity["conversation"]!["id"] = $"conversation-{n}";
        return activity;
    }

    [Fact]
    public async Task A_full_queue_answers_503_with_Retry_After_and_every_accepted_activity_is_answered_once_it_drains()
    {
        await using var connector = await ConnectorRecorder.StartAsync();
        await using var host = await StartAsync();
        var release = new TaskCompletionSource();
        host.Engine.Hold = release.Task;

        var statuses = new List<HttpStatusCode>();
        for (var n = 0; n < Bound + 2; n++)
        {
            using var response = await host.PostAsync(Message(connector, n));
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
                Assert.Equal(TimeSpan.FromSeconds(1), response.Headers.RetryAfter?.Delta);
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, Bound), HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable], statuses);
        Assert.Empty(connector.Calls);

        release.SetResult();
        var calls = await connector.WaitForAsync(Bound);
        Assert.Equal(
            Enumerable.Range(0, Bound).Select(n => $"/v3/conversations/conversation-{n}/activities/activity-{n}").Order(),
            calls.Select(c => c.Path).Order());

        // Teams sends a refused activity again (same id); now there is room and it is answered too.
        using var again = await host.PostAsync(Message(connector, Bound));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        calls = await connector.WaitForAsync(Bound + 1);
        Assert.Contains(calls, c => c.Path == $"/v3/conversations/conversation-{Bound}/activities/activity-{Bound}");
        await host.DrainAsync();
        Assert.Equal(Bound + 1, connector.Calls.Count);
    }

    [Fact]
    public async Task Turns_of_different_conversations_run_at_most_Bot_MaxParallelTurns_at_once_and_the_rest_wait_their_turn()
    {
        await using var connector = await ConnectorRecorder.StartAsync();
        await using var host = await TeamsTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Bot:AllowUnauthenticated"] = "true",
            ["Bot:MaxParallelTurns"] = "2",
        });
        var release = new TaskCompletionSource();
        host.Engine.Hold = release.Task;

        for (var n = 0; n < 5; n++)
        {
            using var response = await host.PostAsync(Message(connector, n));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        // Every one of the five is accounted for: two inside the engine, three held at the bound. Were the bound
        // broken, the three would reach the engine too and never be seen waiting, and this would time out.
        var queue = host.Services.GetRequiredService<ConversationWorkQueue>();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while ((host.Engine.Turns.Count, queue.WaitingForSlot) != (2, 3) && DateTime.UtcNow < deadline) await Task.Delay(10);
        Assert.Equal((2, 3), (host.Engine.Turns.Count, queue.WaitingForSlot));

        release.SetResult();
        Assert.Equal(5, (await connector.WaitForAsync(5)).Count);
        Assert.Equal(2, host.Engine.MaxRunning);
    }

    [Theory]
    [InlineData("Bot:MaxQueuedTurns")]
    [InlineData("Bot:MaxParallelTurns")]
    public async Task A_bound_below_one_stops_the_host_with_a_message_naming_the_setting(string setting)
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => TeamsTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Bot:AllowUnauthenticated"] = "true",
            [setting] = "0",
        }));

        Assert.Contains($"{setting} must be at least 1, got 0.", failure.Message);
    }
}
