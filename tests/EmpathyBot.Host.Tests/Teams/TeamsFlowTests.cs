using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EmpathyBot.Host.Tests.Infrastructure;

namespace EmpathyBot.Host.Tests.Teams;

/// <summary>The study loop through <c>POST /api/messages</c> as Teams drives it, against the real host and SQLite.</summary>
public sealed class TeamsFlowTests
{
    [Fact]
    public async Task Install_consent_respond_rate_and_summary_work_end_to_end()
    {
        await using var connector = await FakeConnector.StartAsync();
        await using var host = await BotHost.StartAsync(TeamsChat.DevelopmentMode());
        var alex = new TeamsChat(host.Client, connector, "29:alex", "a:alex-personal");
        var megan = new TeamsChat(host.Client, connector, "29:megan", "a:megan-personal");

        var consent = await alex.InstallAsync();
        Assert.Equal("/v3/conversations/a%3Aalex-personal/activities", consent.Path[..consent.Path.LastIndexOf('/')]);
        Assert.Contains("Welcome to EmpathyBot", TeamsChat.AllText(consent.Card));
        var agree = TeamsChat.Action(consent.Card!, "I am 18 or older and agree");
        Assert.Equal("Action.Submit", agree["type"]!.GetValue<string>());

        var menu = await alex.SubmitAsync(agree["data"]!.AsObject(), consent.Id);
        Assert.Contains("Thank you for taking part", TeamsChat.AllText(menu.Card));

        var prompt = await alex.SayAsync("respond");
        Assert.Contains("Your turn to respond", TeamsChat.AllText(prompt.Card));

        // Teams re-delivers when the ack is slow: the same activity id must record one reply.
        var reply = alex.Activity("message", "That sounds really frightening; I'm glad you are safe now.", id: "reply-once");
        var saved = await alex.SendAsync(reply);
        await alex.PostAsync(reply);
        Assert.Contains("Your reply is saved", TeamsChat.AllText(saved.Single().Card));

        await megan.InstallAsync();
        await megan.SubmitAsync(new JsonObject { ["action"] = "consent" }, "msg-x");
        var rating = await megan.SayAsync("rate");
        Assert.Contains("Rate a reply", TeamsChat.AllText(rating.Card));
        var good = TeamsChat.Action(rating.Card!, "Good");
        Assert.Equal("Action.Execute", good["type"]!.GetValue<string>());
        Assert.Equal("rate", good["verb"]!.GetValue<string>());
        Assert.Equal("Action.Submit", good["fallback"]!["type"]!.GetValue<string>());
        // Neutral buttons in Teams too: no positive (Good) or destructive (Bad) style, on the action or its fallback.
        Assert.All(new[] { "Good", "Okay", "Bad" }.Select(t => TeamsChat.Action(rating.Card!, t)), a =>
        {
            Assert.Null(a["style"]);
            Assert.Null(a["fallback"]!["style"]);
        });

        var thanks = await megan.ExecuteAsync(good, rating.Id);
        Assert.Equal(200, thanks["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.card.adaptive", thanks["type"]!.GetValue<string>());
        Assert.Contains("Thanks, you rated this reply Good", TeamsChat.AllText(thanks["value"]));

        // The Submit fallback of the same (already replaced) card cannot count twice.
        var again = await megan.SubmitAsync(good["fallback"]!["data"]!.AsObject(), rating.Id);
        Assert.Contains("already rated", TeamsChat.AllText(again.Card));

        var summary = await host.Client.GetFromJsonAsync<JsonObject>("api/summary");
        var sources = summary!["overall"]!["sources"]!.AsObject();
        Assert.Equal(1, sources["human"]!["replies"]!.GetValue<long>());
        Assert.Equal(1, sources.Sum(s => s.Value!["ratings"]!.GetValue<long>()));
        Assert.Equal(1, sources.Sum(s => s.Value!["good"]!.GetValue<long>()));

        var summaryCard = await alex.SayAsync("summary");
        Assert.NotNull(summaryCard.Card);
    }

    [Fact]
    public async Task Group_chats_answer_only_mentions()
    {
        await using var connector = await FakeConnector.StartAsync();
        await using var host = await BotHost.StartAsync(TeamsChat.DevelopmentMode());
        var group = new TeamsChat(host.Client, connector, "29:alex", "19:group@thread.v2", "groupChat");
        await group.InstallAsync();

        await group.PostAsync(group.Activity("message", "help"));
        var mention = group.Activity("message", "<at>EmpathyBot</at> help");
        mention["entities"] = new JsonArray(new JsonObject
        {
            ["type"] = "mention",
            ["text"] = "<at>EmpathyBot</at>",
            ["mentioned"] = new JsonObject { ["id"] = TeamsChat.BotId, ["name"] = "EmpathyBot" },
        });
        var answer = (await group.SendAsync(mention)).Single();

        Assert.Equal(2, connector.Calls.Count);
        Assert.EndsWith("/activities/" + mention["id"], answer.Path);
    }
}
