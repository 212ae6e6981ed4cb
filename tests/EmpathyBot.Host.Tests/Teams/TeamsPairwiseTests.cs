using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EmpathyBot.Host.Tests.Infrastructure;

namespace EmpathyBot.Host.Tests.Teams;

/// <summary>
/// The pair card in Teams: a person's reply and the baseline's side by side, answered with Action.Execute; the cards
/// pass the official Adaptive Cards renderer at 1.5 and the verdict reaches the summary.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class TeamsPairwiseTests
{
    [Fact]
    public async Task A_pair_card_is_answered_in_teams_and_every_card_passes_the_official_renderer()
    {
        RepoPaths.RequireNodeModules("adaptivecards");
        await using var connector = await FakeConnector.StartAsync();
        var settings = TeamsChat.DevelopmentMode();
        settings["Rating:Mode"] = "pairwise";
        await using var host = await BotHost.StartAsync(settings);
        var alex = new TeamsChat(host.Client, connector, "29:alex", "a:alex");
        var megan = new TeamsChat(host.Client, connector, "29:megan", "a:megan");

        var consent = await alex.InstallAsync();
        await alex.SubmitAsync(new JsonObject { ["action"] = "consent" }, consent.Id);
        await alex.SayAsync("respond");
        await alex.SayAsync("That must have been so hard; I'm here if you want to talk.");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while ((await host.Client.GetFromJsonAsync<JsonObject>("api/summary"))!["overall"]!["sources"]!["baseline"]?["replies"]?.GetValue<long>() is not >= 1)
        {
            Assert.True(DateTime.UtcNow < deadline, "the baseline never answered the prompt");
            await Task.Delay(50);
        }

        var welcome = await megan.InstallAsync();
        await megan.SubmitAsync(new JsonObject { ["action"] = "consent" }, welcome.Id);
        var pair = await megan.SayAsync("rate");
        var text = TeamsChat.AllText(pair.Card);
        Assert.Contains("Which reply is more empathetic?", text);
        Assert.Contains("That must have been so hard", text);
        var answer = await megan.ExecuteAsync(TeamsChat.Action(pair.Card!, "Both bad"), pair.Id);
        Assert.Contains("both replies are bad", TeamsChat.AllText(answer));

        var pairwise = (await host.Client.GetFromJsonAsync<JsonObject>("api/summary"))!["pairwise"]!;
        Assert.Equal(1, pairwise["battles"]!.GetValue<long>());
        Assert.Equal(1, pairwise["sources"]!["human"]!["bothBad"]!.GetValue<long>());

        var cards = new JsonArray();
        foreach (var call in connector.Calls.Where(c => c.Card is not null))
            cards.Add(new JsonObject { ["name"] = $"{call.Id} {call.Method} {call.Path}", ["card"] = call.Card!.DeepClone() });
        foreach (var response in megan.InvokeResponses)
            cards.Add(new JsonObject { ["name"] = "invoke response", ["card"] = response["value"]!.DeepClone() });
        var file = Path.Combine(host.DataDirectory, "teams-pair-cards.json");
        await File.WriteAllTextAsync(file, cards.ToJsonString());
        var result = await NodeRunner.RunAsync("validate-cards.mjs", file);
        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.Contains($"cards: {cards.Count} passed, 0 failed", result.Output);
    }
}
