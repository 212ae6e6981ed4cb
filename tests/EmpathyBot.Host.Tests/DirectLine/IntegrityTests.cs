using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EmpathyBot.Host.Tests.Infrastructure;

namespace EmpathyBot.Host.Tests.DirectLine;

/// <summary>Reply and rater integrity through the real host over Direct Line: author guesses in the summary, the paste flag.</summary>
public sealed class IntegrityTests : IAsyncLifetime
{
    private BotHost host = null!;

    // People only (no baseline contender), attention checks off (BotHost) and raters asked who wrote each reply.
    public async Task InitializeAsync() => host = await BotHost.StartAsync(new Dictionary<string, string?>
    {
        ["Contenders:0:Enabled"] = "false",
        ["Rating:AskAuthorGuess"] = "true",
    });

    public async Task DisposeAsync() => await host.DisposeAsync();

    private async Task<DirectLineClient> ParticipantAsync(string user)
    {
        var client = new DirectLineClient(host.Client, user);
        await client.StartAsync();
        await client.SubmitAsync(BotActivity.Button(await client.JoinAsync(), "I am 18 or older and agree"));
        return client;
    }

    private async Task<JsonObject> HumanAsync()
    {
        var summary = await host.Client.GetFromJsonAsync<JsonObject>("api/summary");
        return summary!["overall"]!["sources"]!["human"]!.AsObject();
    }

    [Fact]
    public async Task A_raters_guesses_of_who_wrote_a_reply_appear_in_the_summary()
    {
        foreach (var writer in new[] { "writer1", "writer2" })
        {
            var w = await ParticipantAsync(writer);
            await w.SayAsync("respond");
            Assert.Contains("Your reply is saved", BotActivity.Text(await w.SayAsync($"So sorry to hear that, {writer}. I'm here for you.")));
        }

        var rater = await ParticipantAsync("rater");
        var guesses = new[] { "A person", "An AI" };
        foreach (var guess in guesses)
        {
            var card = await rater.SayAsync("rate");
            var thanks = await rater.SubmitAsync(BotActivity.Button(card, "Good"));
            Assert.Contains("Who do you think wrote this reply?", BotActivity.Text(thanks));
            Assert.Contains("Thanks for your answer", BotActivity.Text(await rater.SubmitAsync(BotActivity.Button(thanks, guess))));
            // A second answer to the same card changes nothing.
            Assert.Contains("first answer stands", BotActivity.Text(await rater.SubmitAsync(BotActivity.Button(thanks, "Not sure"))));
        }

        var guessed = (await HumanAsync())["authorGuess"]!;
        Assert.Equal(2, (long)guessed["guesses"]!);
        Assert.Equal(1, (long)guessed["correct"]!);
        Assert.Equal(0.5, (double)guessed["accuracy"]!);
        Assert.Equal(2, guessed["accuracyCi"]!.AsArray().Count);
        Assert.Equal(1.0, (double)guessed["goodRateWhenGuessedAi"]!);
        Assert.Equal(1.0, (double)guessed["goodRateWhenGuessedPerson"]!);
        var summary = await host.Client.GetFromJsonAsync<JsonObject>("api/summary");
        var perEmotion = summary!["emotions"]!.AsObject().Select(e => e.Value!["sources"]!["human"]?["authorGuess"]).OfType<JsonNode>().ToList();
        Assert.Equal(2, perEmotion.Sum(g => (long)g["guesses"]!));

        // The dashboard and the report render the same section.
        var html = Core.Summary.SummaryReport.Body(await host.Get<Services.Summary.SummaryQuery>().BuildAsync(default), DateTimeOffset.UnixEpoch);
        Assert.Contains("id=\"author-guess\"", html);
        Assert.Contains("<td>50.0% [", html);
    }

    [Fact]
    public async Task A_message_the_client_marks_as_pasted_is_kept_out_of_the_pool_and_counted_by_reason()
    {
        var writer = await ParticipantAsync("writer");
        await writer.SayAsync("respond");
        var pasted = await writer.SendAsync(new JsonObject
        {
            ["type"] = "message", ["text"] = "Sorry to hear that, it must be hard.",
            ["from"] = new JsonObject { ["id"] = writer.UserId, ["role"] = "user" },
            ["channelData"] = new JsonObject { ["pasted"] = true },
        });
        Assert.Contains("Your reply is saved", BotActivity.Text(pasted));

        var human = await HumanAsync();
        Assert.Equal(1, (long)human["excludedReplies"]!);
        Assert.Equal(1, (long)human["excludedRepliesByReason"]!["pasted"]!);
        Assert.Equal(0, (long)human["replies"]!);
        var rater = await ParticipantAsync("rater");
        Assert.Contains("nothing left for you to rate", BotActivity.Text(await rater.SayAsync("rate")));
    }
}
