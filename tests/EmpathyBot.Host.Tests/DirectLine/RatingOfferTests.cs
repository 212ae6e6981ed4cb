using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EmpathyBot.Host.Tests.Infrastructure;

namespace EmpathyBot.Host.Tests.DirectLine;

/// <summary>
/// Ratings count only for cards the bot gave that rater, tried as an attacker would: fresh web chat identities
/// posting rate actions for a reply they learnt elsewhere, through the real host over Direct Line.
/// </summary>
public sealed class RatingOfferTests : IAsyncLifetime
{
    private const string ReplyText = "That sounds so hard. I'm here if you want to talk about it.";
    private BotHost host = null!;

    // People only (no baseline contender) and, from BotHost, no attention checks: the one reply is every card.
    public async Task InitializeAsync() => host = await BotHost.StartAsync(new Dictionary<string, string?>
    {
        ["Contenders:0:Enabled"] = "false",
        ["Rating:TargetPerReply"] = "3",
    });

    public async Task DisposeAsync() => await host.DisposeAsync();

    private static async Task<DirectLineClient> ParticipantAsync(BotHost on, string user)
    {
        var client = new DirectLineClient(on.Client, user);
        await client.StartAsync();
        await client.SubmitAsync(BotActivity.Button(await client.JoinAsync(), "I am 18 or older and agree"));
        return client;
    }

    private static async Task WriteReplyAsync(BotHost on)
    {
        var writer = await ParticipantAsync(on, "writer");
        await writer.SayAsync("respond");
        Assert.Contains("Your reply is saved", BotActivity.Text(await writer.SayAsync(ReplyText)));
    }

    private static JsonObject RateAction(string replyId, string rating) =>
        new() { ["action"] = "rate", ["reply"] = replyId, ["rating"] = rating };

    private static string ReplyIdOf(IReadOnlyList<JsonObject> card) => (string)BotActivity.Button(card, "Good")["reply"]!;

    private static async Task<int> PeopleRatingsAsync(BotHost on)
    {
        var summary = await on.Client.GetFromJsonAsync<JsonObject>("api/summary");
        return summary!["overall"]!["sources"]!["human"] is { } human ? (int)human["ratings"]! : 0;
    }

    [Fact]
    public async Task Ten_fresh_identities_rating_a_reply_never_shown_to_them_store_nothing()
    {
        await WriteReplyAsync(host);
        // One identity is shown the card, so the attacker knows the reply id.
        var scout = await ParticipantAsync(host, "scout");
        var replyId = ReplyIdOf(await scout.SayAsync("rate"));

        for (var i = 0; i < 10; i++)
        {
            var stuffer = await ParticipantAsync(host, $"stuffer-{i}");
            var answer = await stuffer.SubmitAsync(RateAction(replyId, "good"));
            Assert.Contains("not given to you to rate", BotActivity.Text(answer));
        }

        Assert.Equal(0, await PeopleRatingsAsync(host));
    }

    [Fact]
    public async Task A_reply_at_its_target_gets_no_rating_from_a_new_rater_but_one_from_a_rater_offered_it_before()
    {
        await WriteReplyAsync(host);
        var early = await ParticipantAsync(host, "early");
        var earlyCard = await early.SayAsync("rate");
        Assert.Contains(ReplyText, BotActivity.Text(earlyCard));

        for (var i = 0; i < 3; i++)
        {
            var rater = await ParticipantAsync(host, $"rater-{i}");
            var thanks = await rater.SubmitAsync(BotActivity.Button(await rater.SayAsync("rate"), "Okay"));
            Assert.Contains("you rated this reply Okay", BotActivity.Text(thanks));
        }

        Assert.Equal(3, await PeopleRatingsAsync(host));

        var fourth = await ParticipantAsync(host, "fourth");
        Assert.Contains("nothing left for you to rate", BotActivity.Text(await fourth.SayAsync("rate")));
        Assert.Contains("not given to you to rate", BotActivity.Text(await fourth.SubmitAsync(RateAction(ReplyIdOf(earlyCard), "good"))));
        Assert.Equal(3, await PeopleRatingsAsync(host));

        // The early rater was given the card before the target was reached: their rating counts.
        Assert.Contains("you rated this reply Good", BotActivity.Text(await early.SubmitAsync(BotActivity.Button(earlyCard, "Good"))));
        Assert.Equal(4, await PeopleRatingsAsync(host));
    }

    [Fact]
    public async Task A_first_card_can_be_an_attention_check()
    {
        await using var checking = await BotHost.StartAsync(new Dictionary<string, string?>
        {
            ["Contenders:0:Enabled"] = "false",
            ["Rating:FirstCardGoldRate"] = "1",
        });
        await WriteReplyAsync(checking);
        var driveBy = await ParticipantAsync(checking, "drive-by");

        var first = await driveBy.SayAsync("rate");
        var shown = BotActivity.Text(first);
        Assert.DoesNotContain(ReplyText, shown);
        Assert.Contains(File.ReadLines(Path.Combine(AppContext.BaseDirectory, "data", "quality", "gold.jsonl")),
            line => shown.Contains(JsonNode.Parse(line)!["text"]!.GetValue<string>(), StringComparison.Ordinal));
        var answered = BotActivity.Text(await driveBy.SubmitAsync(BotActivity.Button(first, "Good")));
        Assert.Contains("you rated this reply Good.", answered);
        Assert.DoesNotContain("attention check", answered);
        Assert.Equal(0, await PeopleRatingsAsync(checking));

        // Later cards follow Rating:GoldRate (0 here): the real reply.
        Assert.Contains(ReplyText, BotActivity.Text(await driveBy.SayAsync("rate")));
    }
}
