using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EmpathyBot.Host.Tests.Infrastructure;

namespace EmpathyBot.Host.Tests.DirectLine;

/// <summary>A web chat conversation lives in the SQLite store, so a restarted host continues it.</summary>
public sealed class RestartTests : IAsyncLifetime
{
    private readonly string directory = Directory.CreateTempSubdirectory("empathybot-restart-").FullName;

    private Dictionary<string, string?> Settings => new()
    {
        ["Contenders:0:Enabled"] = "false",
        ["DirectLine:TokenSigningKey"] = "kept-across-restarts",
    };

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_restarted_host_continues_the_same_conversation()
    {
        DirectLineClient before;
        await using (var first = await BotHost.StartAsync(Settings, dataDirectory: directory))
        {
            before = new DirectLineClient(first.Client, "patient");
            await before.StartAsync();
            await before.SubmitAsync(BotActivity.Button(await before.JoinAsync(), "I am 18 or older and agree"));
            Assert.Contains("They say", BotActivity.Text(await before.SayAsync("respond")));
        }

        await using var second = await BotHost.StartAsync(Settings, dataDirectory: directory);
        var after = before.On(second.Client);

        var transcript = await after.TranscriptAsync();
        Assert.Contains("Welcome to EmpathyBot", BotActivity.Text(transcript));
        Assert.Empty(await after.PollAsync());
        Assert.Contains("Your reply is saved", BotActivity.Text(await after.SayAsync("That sounds so frightening; I'm glad you told me.")));

        // The participant comes back another day with their resume credential, on the restarted host.
        var returning = new DirectLineClient(second.Client, "patient");
        await returning.StartAsync(before.Resume);
        Assert.Equal(before.UserId, returning.UserId);
        var summary = await second.Client.GetFromJsonAsync<JsonObject>("api/summary");
        Assert.Equal(1, (int)summary!["overall"]!["sources"]!["human"]!["replies"]!);
    }
}
