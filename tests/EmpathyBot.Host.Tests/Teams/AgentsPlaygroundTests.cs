using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EmpathyBot.Core.Study;
using EmpathyBot.Host.Tests.Infrastructure;
using EmpathyBot.Core.Ports;
using EmpathyBot.Storage;
using Xunit.Abstractions;

namespace EmpathyBot.Host.Tests.Teams;

/// <summary>The bot in a real Teams-like client: the Microsoft 365 Agents Playground, headless, on random local ports.</summary>
[Trait("Category", "EndToEnd")]
public sealed class AgentsPlaygroundTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Install_consent_respond_rate_and_summary_in_the_agents_playground()
    {
        await using var host = await BotHost.StartAsync(TeamsChat.DevelopmentMode());
        await using var playground = await AgentsPlayground.StartAsync(new Uri(host.BaseAddress, "api/messages"));
        try
        {
            await RunStudyLoopAsync(host, playground);
        }
        finally
        {
            foreach (var e in playground.Events) output.WriteLine(e.ToJsonString());
        }
    }

    private static async Task RunStudyLoopAsync(BotHost host, AgentsPlayground playground)
    {
        await playground.InstallAsync();
        var consent = await playground.NextBotMessageAsync(0);
        var consentCard = Card(consent);
        Assert.Contains("Welcome to EmpathyBot", TeamsChat.AllText(consentCard));

        await playground.SubmitAsync(Id(consent), TeamsChat.Action(consentCard, "I am 18 or older and agree")["data"]!.AsObject());
        var menu = await playground.NextBotMessageAsync(1);
        Assert.Contains("Thank you for taking part", TeamsChat.AllText(Card(menu)));

        await playground.SayAsync("respond");
        var prompt = await playground.NextBotMessageAsync(2);
        Assert.Contains("Your turn to respond", TeamsChat.AllText(Card(prompt)));

        await playground.SayAsync("I'm so sorry, that sounds frightening. I'm glad you told me.");
        var saved = await playground.NextBotMessageAsync(3);
        Assert.Contains("Your reply is saved", TeamsChat.AllText(Card(saved)));

        // Another participant's reply to rate (people never rate their own).
        var store = host.Get<IStudyStore>();
        var promptId = (await store.GetPromptsAsync("core"))[0].Id;
        await store.AddReplyAsync(new Reply("h-playground-other", promptId, Sources.Human, "That must have been scary; are you okay now?", "p_someone_else", DateTimeOffset.UtcNow));

        await playground.SayAsync("rate");
        var rating = await playground.NextBotMessageAsync(4);
        var ratingCard = Card(rating);
        Assert.Contains("Rate a reply", TeamsChat.AllText(ratingCard));

        var good = TeamsChat.Action(ratingCard, "Good");
        Assert.Equal("Action.Execute", good["type"]!.GetValue<string>());
        var answer = await playground.ExecuteAsync(Id(rating), good);
        Assert.Contains("Thanks, you rated this reply Good", TeamsChat.AllText(answer));

        // Clients without Action.Execute click the Submit fallback: the bot then replaces the card through the connector.
        await store.AddReplyAsync(new Reply("h-playground-second", promptId, Sources.Human, "Oh no, I would have been shaking too.", "p_someone_else", DateTimeOffset.UtcNow));
        await playground.SayAsync("rate");
        var second = await playground.NextBotMessageAsync(5);
        var okay = TeamsChat.Action(Card(second), "Okay");
        await playground.SubmitAsync(Id(second), okay["fallback"]!["data"]!.AsObject());
        var update = await playground.WaitForEventAsync(e => e["action"]?.GetValue<string>() == "updateMessage");
        Assert.Contains("Thanks, you rated this reply Okay", TeamsChat.AllText(update));

        await playground.SayAsync("summary");
        var summary = await playground.NextBotMessageAsync(6);
        Assert.NotNull(Card(summary));

        var document = await host.Client.GetFromJsonAsync<JsonObject>("api/summary");
        var sources = document!["overall"]!["sources"]!.AsObject();
        Assert.Equal(2, sources.Sum(s => s.Value!["ratings"]!.GetValue<long>()));
        Assert.Equal(1, sources.Sum(s => s.Value!["good"]!.GetValue<long>()));
        Assert.Equal(1, sources.Sum(s => s.Value!["okay"]!.GetValue<long>()));
        Assert.True(sources["human"]!["replies"]!.GetValue<long>() >= 3);
        Assert.Equal(7, playground.BotMessages().Count);
    }

    /// <summary>The Playground's own id of a message (what its submit and invoke take as replyToId).</summary>
    private static string Id(JsonObject message) => message["messageId"]!.GetValue<string>();

    private static JsonObject Card(JsonObject message) =>
        message["attachments"]?[0]?["content"]?.AsObject() ?? throw new Xunit.Sdk.XunitException("No card in " + message.ToJsonString());
}
