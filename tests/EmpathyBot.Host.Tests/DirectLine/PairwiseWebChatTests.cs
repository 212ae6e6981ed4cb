using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EmpathyBot.Host.Tests.Infrastructure;

namespace EmpathyBot.Host.Tests.DirectLine;

/// <summary>
/// Pairwise mode end to end through the real host over Direct Line (what the web chat speaks): a person writes a reply,
/// the baseline contender answers the same prompt, two other people compare the two replies, and the battles appear in
/// the summary's pairwise section.
/// </summary>
public sealed class PairwiseWebChatTests : IAsyncLifetime
{
    private const string ReplyText = "That sounds so hard. I'm here if you want to talk about it.";
    private BotHost host = null!;

    public async Task InitializeAsync() => host = await BotHost.StartAsync(new Dictionary<string, string?> { ["Rating:Mode"] = "pairwise" });

    public async Task DisposeAsync() => await host.DisposeAsync();

    private async Task<DirectLineClient> ParticipantAsync(string user)
    {
        var client = new DirectLineClient(host.Client, user);
        await client.StartAsync();
        await client.SubmitAsync(BotActivity.Button(await client.JoinAsync(), "I am 18 or older and agree"));
        return client;
    }

    private Task<JsonObject?> SummaryAsync() => host.Client.GetFromJsonAsync<JsonObject>("api/summary");

    private async Task WaitForAsync(Func<JsonObject, bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (!condition((await SummaryAsync())!))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("Timed out waiting until " + what);
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task Two_people_compare_a_persons_reply_with_the_baselines_and_the_battles_reach_the_summary()
    {
        var writer = await ParticipantAsync("writer");
        await writer.SayAsync("respond");
        Assert.Contains("Your reply is saved", BotActivity.Text(await writer.SayAsync(ReplyText)));
        await WaitForAsync(s => s["overall"]?["sources"]?["baseline"]?["replies"]?.GetValue<long>() >= 1, "the baseline answered the prompt");

        Assert.Contains("nothing left", BotActivity.Text(await writer.SayAsync("rate")));

        var choices = new[] { ("ann", "A"), ("ben", "Both bad") };
        foreach (var (user, choice) in choices)
        {
            var rater = await ParticipantAsync(user);
            var card = await rater.SayAsync("rate");
            var shown = BotActivity.Text(card);
            Assert.Contains("Which reply is more empathetic?", shown);
            Assert.Contains(ReplyText, shown);
            Assert.Contains("Reply A", shown);
            Assert.Contains("Reply B", shown);

            var stranger = await ParticipantAsync(user + "-stranger");
            Assert.Contains("not given to you", BotActivity.Text(await stranger.SubmitAsync(BotActivity.Button(card, choice))));

            Assert.Contains("Thanks, you said", BotActivity.Text(await rater.SubmitAsync(BotActivity.Button(card, choice))));
            Assert.Contains("already compared", BotActivity.Text(await rater.SubmitAsync(BotActivity.Button(card, "B"))));
        }

        var pairwise = (await SummaryAsync())!["pairwise"]!;
        Assert.Equal(2, pairwise["battles"]!.GetValue<long>());
        Assert.Equal("human", pairwise["anchor"]!.GetValue<string>());
        var human = pairwise["sources"]!["human"]!;
        var baseline = pairwise["sources"]!["baseline"]!;
        Assert.Equal(2, human["battles"]!.GetValue<long>());
        Assert.Equal(2, baseline["battles"]!.GetValue<long>());
        Assert.Equal(1, human["ties"]!.GetValue<long>());
        Assert.Equal(1, human["bothBad"]!.GetValue<long>());
        Assert.Equal(1, human["wins"]!.GetValue<long>() + baseline["wins"]!.GetValue<long>());
        // One win and one both-bad (half a win each side): 1.5 to 0.5, so the two sit 400 log10(3) apart, people at 1000.
        Assert.Equal(1000, human["rating"]!.GetValue<double>());
        Assert.Equal(400 * Math.Log10(3), Math.Abs(baseline["rating"]!.GetValue<double>() - 1000), 6);
        Assert.Null(pairwise["reason"]);
        Assert.Equal(1.5 / 2, Math.Max(pairwise["winRates"]!["human"]!["baseline"]!.GetValue<double>(), pairwise["winRates"]!["baseline"]!["human"]!.GetValue<double>()));
    }
}
