using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EmpathyBot.Host.Tests.Infrastructure;

namespace EmpathyBot.Host.Tests.DirectLine;

/// <summary>
/// Rating stays blind through the real host: no author is named after a rating, an attention check answers
/// exactly like any card, and Good, Okay and Bad look alike on the Adaptive Card (Web Chat and Teams).
/// </summary>
public sealed class BlindRatingTests
{
    // Two replies: a gold card borrows the prompt of a reply the rater could still rate.
    private static readonly string[] ReplyTexts =
        ["That sounds so hard. I'm here if you want to talk about it.", "Oh no, I'm sorry. That must have hurt a lot."];

    // People only; the first card is the person's reply (FirstCardGoldRate 0), every later one an attention check.
    private static Dictionary<string, string?> Settings(string? revealSource) => new()
    {
        ["Contenders:0:Enabled"] = "false",
        ["Rating:GoldRate"] = "1",
        ["Rating:RevealSource"] = revealSource,
    };

    private static async Task<DirectLineClient> ParticipantAsync(BotHost on, string user)
    {
        var client = new DirectLineClient(on.Client, user);
        await client.StartAsync();
        await client.SubmitAsync(BotActivity.Button(await client.JoinAsync(), "I am 18 or older and agree"));
        return client;
    }

    /// <summary>A person's two replies, and the card that offers one of them to another participant.</summary>
    private static async Task<(IReadOnlyList<JsonObject> Real, DirectLineClient Rater)> FirstCardAsync(BotHost host)
    {
        var writer = await ParticipantAsync(host, "writer");
        foreach (var text in ReplyTexts)
        {
            await writer.SayAsync("respond");
            Assert.Contains("Your reply is saved", BotActivity.Text(await writer.SayAsync(text)));
        }

        var rater = await ParticipantAsync(host, "rater");
        var real = await rater.SayAsync("rate");
        Assert.Contains(ReplyTexts, t => BotActivity.Text(real).Contains(t, StringComparison.Ordinal));
        return (real, rater);
    }

    [Fact]
    public async Task By_default_no_author_is_named_and_an_attention_check_answers_like_any_card()
    {
        await using var host = await BotHost.StartAsync(Settings(revealSource: null));
        var (real, rater) = await FirstCardAsync(host);
        var afterReal = await rater.SubmitAsync(BotActivity.Button(real, "Good"));

        var check = await rater.SayAsync("rate");
        Assert.DoesNotContain(ReplyTexts, t => BotActivity.Text(check).Contains(t, StringComparison.Ordinal));
        Assert.Equal(Skeleton(real), Skeleton(check));
        var afterCheck = await rater.SubmitAsync(BotActivity.Button(check, "Good"));

        Assert.Equal("Thanks, you rated this reply Good.", BotActivity.Text(Assert.Single(afterReal)).Split('\n')[0]);
        Assert.Equal(afterReal.Select(Shape), afterCheck.Select(Shape));
        Assert.DoesNotContain("written by", BotActivity.Text(afterReal));
        Assert.DoesNotContain("attention check", BotActivity.Text(afterCheck));

        // Still recorded as a failed check, and not as a rating.
        var summary = (await host.Client.GetFromJsonAsync<JsonObject>("api/summary"))!;
        Assert.Equal(1, (int)summary["overall"]!["sources"]!["human"]!["ratings"]!);
    }

    [Fact]
    public async Task A_researcher_who_turns_the_reveal_on_gets_the_old_reveal()
    {
        await using var host = await BotHost.StartAsync(Settings(revealSource: "true"));
        var (real, rater) = await FirstCardAsync(host);

        Assert.Contains("It was written by a person", BotActivity.Text(await rater.SubmitAsync(BotActivity.Button(real, "Good"))));
        var check = await rater.SayAsync("rate");
        Assert.Contains("That one was an attention check", BotActivity.Text(await rater.SubmitAsync(BotActivity.Button(check, "Bad"))));
    }

    [Fact]
    public async Task Good_okay_and_bad_have_the_same_style_on_the_adaptive_card()
    {
        await using var host = await BotHost.StartAsync(Settings(revealSource: null));
        var (real, _) = await FirstCardAsync(host);

        var actions = real.Select(BotActivity.Card).OfType<JsonObject>().SelectMany(c => c["actions"]!.AsArray()).Select(a => a!.AsObject())
            .Where(a => (string?)a["title"] is "Good" or "Okay" or "Bad").ToArray();
        Assert.Equal(["Good", "Okay", "Bad"], actions.Select(a => (string?)a["title"]));
        Assert.Single(actions.Select(a => a["style"]?.ToJsonString() ?? "none").Distinct());
        Assert.All(actions, a => Assert.Null(a["style"]));
    }

    /// <summary>A card's structure and labels without the texts it quotes: what would tell a check from a real reply.</summary>
    private static string Skeleton(IReadOnlyList<JsonObject> activities)
    {
        var card = Assert.Single(activities.Select(BotActivity.Card).OfType<JsonObject>()).DeepClone();
        Strip(card);
        return card.ToJsonString();

        static void Strip(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject o:
                    if ((string?)o["type"] == "TextRun") o["text"] = "";
                    if (o.ContainsKey("fallbackText")) o["fallbackText"] = "";
                    if (o["data"] is JsonObject data) data.Remove("reply");
                    foreach (var (_, child) in o.ToArray()) Strip(child);
                    break;
                case JsonArray a:
                    foreach (var child in a) Strip(child);
                    break;
            }
        }
    }

    /// <summary>What a reply shows, with the rating word and ids set aside.</summary>
    private static string Shape(JsonObject activity) =>
        new JsonObject { ["text"] = (string?)activity["text"], ["card"] = BotActivity.Card(activity)?.DeepClone() }.ToJsonString();
}
