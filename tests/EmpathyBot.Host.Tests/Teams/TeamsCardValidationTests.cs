using System.Text.Json.Nodes;
using EmpathyBot.Host.Tests.Infrastructure;

namespace EmpathyBot.Host.Tests.Teams;

/// <summary>
/// Every card the bot sends in Teams, collected by driving every flow, must parse and validate in the official
/// Adaptive Cards renderer (npm adaptivecards 3.0.6) at version 1.5.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class TeamsCardValidationTests
{
    [Fact]
    public async Task Every_card_the_bot_sends_passes_the_official_renderer_at_1_5()
    {
        RepoPaths.RequireNodeModules("adaptivecards");
        await using var connector = await FakeConnector.StartAsync();
        await using var host = await BotHost.StartAsync(TeamsChat.DevelopmentMode());
        var alex = new TeamsChat(host.Client, connector, "29:alex", "a:alex");
        var megan = new TeamsChat(host.Client, connector, "29:megan", "a:megan");
        var sam = new TeamsChat(host.Client, connector, "29:sam", "a:sam");

        var consent = await alex.InstallAsync();
        await alex.SayAsync("help");
        await alex.SubmitAsync(new JsonObject { ["action"] = "consent" }, consent.Id);
        await alex.SayAsync("help");
        await alex.SayAsync("menu");
        await alex.SayAsync("what is this?");
        await alex.SubmitAsync(new JsonObject { ["action"] = "no-such-button" }, consent.Id);
        await alex.SayAsync("respond");
        await alex.SayAsync(new string('x', 2001));
        await alex.SayAsync("That must have been so hard; I'm here if you want to talk.");
        await alex.SayAsync("summary");
        await alex.SayAsync("appraisal");
        await alex.SayAsync("I feel fine thanks");
        await alex.SayAsync("3 3 3 3 3");

        var welcome = await megan.InstallAsync();
        await megan.SubmitAsync(new JsonObject { ["action"] = "consent" }, welcome.Id);
        var rating = await megan.SayAsync("rate");
        var good = TeamsChat.Action(rating.Card!, "Good");
        await megan.ExecuteAsync(good, rating.Id);
        await megan.SubmitAsync(good["fallback"]!["data"]!.AsObject(), rating.Id);
        await megan.SayAsync("rate");
        await megan.SayAsync("summary");
        await megan.SayAsync("forget me");

        var declined = await sam.InstallAsync();
        await sam.SubmitAsync(new JsonObject { ["action"] = "decline" }, declined.Id);
        await sam.SayAsync("forget me");

        var cards = new JsonArray();
        foreach (var call in connector.Calls.Where(c => c.Card is not null))
            cards.Add(new JsonObject { ["name"] = $"{call.Id} {call.Method} {call.Path}", ["card"] = call.Card!.DeepClone() });
        foreach (var response in megan.InvokeResponses)
            cards.Add(new JsonObject { ["name"] = "invoke response", ["card"] = response["value"]!.DeepClone() });
        Assert.True(cards.Count >= 15, $"only {cards.Count} cards were sent");
        var kinds = string.Join("\n", cards.Select(c => TeamsChat.AllText(c!["card"])));
        foreach (var expected in new[] { "Welcome to EmpathyBot", "Your turn to respond", "Rate a reply", "Thanks, you rated this reply", "Feelings check", "Delete everything about you?" })
            Assert.Contains(expected, kinds);

        var file = Path.Combine(host.DataDirectory, "teams-cards.json");
        await File.WriteAllTextAsync(file, cards.ToJsonString());
        var result = await NodeRunner.RunAsync("validate-cards.mjs", file);

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.Contains($"cards: {cards.Count} passed, 0 failed", result.Output);
    }

    [Fact]
    public async Task The_renderer_check_catches_a_broken_card()
    {
        RepoPaths.RequireNodeModules("adaptivecards");
        var file = Path.Combine(Directory.CreateTempSubdirectory("cards-").FullName, "broken.json");
        await File.WriteAllTextAsync(file, """
            [{"name":"broken","card":{"type":"AdaptiveCard","version":"1.5","body":[{"type":"Input.Number","id":"x","isRequired":true}],"actions":[{"type":"Action.Nope"}]}}]
            """);

        var result = await NodeRunner.RunAsync("validate-cards.mjs", file);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("RequiredInputsShouldHaveLabel", result.Output);
        Assert.Contains("UnknownActionType", result.Output);
        Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
    }
}
