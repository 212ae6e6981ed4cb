using System.Text.Json.Nodes;
using EmpathyBot.Host.Tests.Infrastructure;
using EmpathyBot.Host.Tests.Teams;
using Xunit.Abstractions;

namespace EmpathyBot.Host.Tests.Protocol;

/// <summary>The same two-step protocol in a real Teams-like client, the Microsoft 365 Agents Playground.</summary>
[Trait("Category", "EndToEnd")]
public sealed class AgentsPlaygroundProtocolTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_teams_participant_is_led_through_two_steps_to_the_completion_code_and_the_export_row()
    {
        var settings = ProtocolStudySettings.TwoSteps();
        foreach (var (key, value) in TeamsChat.DevelopmentMode()) settings[key] = value;
        await using var host = await BotHost.StartAsync(settings);
        await ProtocolStudySettings.SeedRepliesAsync(host);
        await using var playground = await AgentsPlayground.StartAsync(new Uri(host.BaseAddress, "api/messages"));
        try
        {
            await playground.InstallAsync();
            var consent = await playground.NextBotMessageAsync(0);
            Assert.Contains("18 or older", TeamsChat.AllText(Card(consent)));
            await playground.SubmitAsync(Id(consent), TeamsChat.Action(Card(consent), "I am 18 or older and agree")["data"]!.AsObject());

            Assert.Contains("The study has 2 steps", TeamsChat.AllText(Card(await playground.NextBotMessageAsync(1))));
            var prompt = Card(await playground.NextBotMessageAsync(2));
            Assert.Contains("Step 1 of 2 · reply", TeamsChat.AllText(prompt));
            // The free menu's buttons are not offered while the protocol runs.
            Assert.DoesNotContain("Summary", TeamsChat.AllText(prompt["actions"]));

            await playground.SayAsync("I'm so sorry, that sounds frightening. I'm glad you told me.");
            Assert.Contains("Your reply is saved", TeamsChat.AllText(Card(await playground.NextBotMessageAsync(3))));
            var rating = await playground.NextBotMessageAsync(4);
            Assert.Contains("Step 2 of 2 · rating", TeamsChat.AllText(Card(rating)));

            var answer = await playground.ExecuteAsync(Id(rating), TeamsChat.Action(Card(rating), "Good"));
            Assert.Contains("Thanks, you rated this reply Good", TeamsChat.AllText(answer));
            var done = Card(await playground.NextBotMessageAsync(5));
            Assert.Contains("Your completion code: " + ProtocolStudySettings.Code, TeamsChat.AllText(done));
            var link = done["actions"]!.AsArray().OfType<JsonObject>().Single(a => (string?)a["type"] == "Action.OpenUrl");
            Assert.Equal(ProtocolStudySettings.CompletionLink, (string?)link["url"]);

            var lines = await ProtocolStudySettings.ExportParticipantsAsync(host);
            var row = Assert.Single(lines.Skip(1)).Split(',');
            Assert.Equal("msteams", row[1]);
            Assert.Equal("", row[2]);
            Assert.True(DateTimeOffset.TryParse(row[5], out var consented));
            Assert.True(DateTimeOffset.TryParse(row[6], out var completed));
            Assert.True(completed >= consented);
            Assert.Equal(ProtocolStudySettings.Code, row[7]);
        }
        finally
        {
            foreach (var e in playground.Events) output.WriteLine(e.ToJsonString());
        }
    }

    private static string Id(JsonObject message) => message["messageId"]!.GetValue<string>();

    private static JsonObject Card(JsonObject message) =>
        message["attachments"]?[0]?["content"]?.AsObject() ?? throw new Xunit.Sdk.XunitException("No card in " + message.ToJsonString());
}
