using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EmpathyBot.Conversation.Flows;
using EmpathyBot.Core.Study;
using EmpathyBot.Host.Tests.Infrastructure;
using EmpathyBot.Core.Ports;
using EmpathyBot.Storage;

namespace EmpathyBot.Host.Tests.Summary;

/// <summary>The statistics, the live stream and the attention checks through the real host.</summary>
public sealed class SummaryApiTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private BotHost host = null!;

    public async Task InitializeAsync() => host = await BotHost.StartAsync(new Dictionary<string, string?>
    {
        ["Rating:GoldRate"] = "1",
        ["Rating:GoldFailuresToExclude"] = "2",
        ["Rating:TargetPerReply"] = "5",
    });

    public async Task DisposeAsync() => await host.DisposeAsync();

    /// <summary>Human and gpt replies to two prompts, rated by <paramref name="raters"/> raters.</summary>
    private async Task SeedAsync(IStudyStore store, int raters)
    {
        await store.UpsertPromptsAsync([new StudyPrompt("t-sad", "sad", "My cat died.", "I miss her.", "test"),
            new StudyPrompt("t-proud", "proud", "I ran a marathon.", "I finished!", "test")]);
        foreach (var (id, prompt, source, text) in new[]
        {
            ("hs", "t-sad", "human", "So sorry, that hurts."), ("gs", "t-sad", "gpt", "I am truly sorry for your loss, she was family."),
            ("hp", "t-proud", "human", "Well done!"), ("gp", "t-proud", "gpt", "That is a huge achievement, congratulations!"),
        })
        {
            await store.AddReplyAsync(new Reply(id, prompt, source, text, null, T0));
        }

        for (var r = 0; r < raters; r++)
        {
            await store.AddRatingAsync(new Rating("hs", $"seed{r}", r % 3 == 0 ? RatingValue.Good : RatingValue.Okay, T0));
            await store.AddRatingAsync(new Rating("gs", $"seed{r}", r % 4 == 0 ? RatingValue.Okay : RatingValue.Good, T0));
            await store.AddRatingAsync(new Rating("hp", $"seed{r}", RatingValue.Good, T0));
            await store.AddRatingAsync(new Rating("gp", $"seed{r}", r % 2 == 0 ? RatingValue.Good : RatingValue.Bad, T0));
        }
    }

    [Fact]
    public async Task Summary_has_intervals_tests_agreement_lengths_and_the_correction()
    {
        await SeedAsync(host.Get<IStudyStore>(), raters: 4);

        var summary = (await host.Client.GetFromJsonAsync<JsonObject>("api/summary"))!;
        Assert.Equal("holm", (string?)summary["correction"]);
        Assert.NotNull(summary["raterAgreement"]);
        Assert.Equal(4, (int)summary["agreementUnits"]!);
        Assert.Equal(0, (int)summary["excludedRaters"]!);

        var gpt = summary["overall"]!["sources"]!["gpt"]!;
        Assert.Equal(2, gpt["goodRateCi"]!.AsArray().Count);
        Assert.NotNull(gpt["chiSquare"]);
        Assert.Equal((double)gpt["p"]!, (double)gpt["pAdjusted"]!);
        Assert.NotNull(gpt["mannWhitneyP"]);
        Assert.NotNull(gpt["superiority"]);
        Assert.Equal(8.0, (double)gpt["meanWords"]!);
        var human = summary["overall"]!["sources"]!["human"]!;
        Assert.Null(human["chiSquare"]);
        Assert.Equal(3.0, (double)human["meanWords"]!);
        Assert.Equal(["human", "gpt"], summary["overall"]!["sources"]!.AsObject().Select(p => p.Key));

        var sadGpt = summary["emotions"]!["sad"]!["sources"]!["gpt"]!;
        Assert.True((double)sadGpt["pAdjusted"]! >= (double)sadGpt["p"]!);

        // Length held constant (Core.Tests Golden/length_model.py "host_seed_4", statsmodels): people's 4- and
        // 2-word replies against gpt's 10- and 6-word ones, over the 16 ratings.
        var model = summary["lengthModel"]!;
        Assert.Equal(16, (int)model["n"]!);
        Assert.Equal("fitted", (string?)model["status"]);
        Assert.Equal(0.4044748266218431, (double)model["wordsOddsRatio"]!, 1e-9);
        var adjusted = gpt["lengthAdjusted"]!;
        Assert.Equal(2.372004019956624, (double)adjusted["oddsRatio"]!, 1e-9);
        Assert.Equal(0.03798239148141023, (double)adjusted["ci"]![0]!, 1e-9);
        Assert.Equal(148.1318803594588, (double)adjusted["ci"]![1]!, 1e-7);
        Assert.Equal(0.6821965068556259, (double)adjusted["p"]!, 1e-9);
        Assert.Null(human["lengthAdjusted"]);
        Assert.Null(sadGpt["lengthAdjusted"]);
    }

    [Fact]
    public async Task The_stream_pushes_the_summary_at_once_and_again_after_a_rating()
    {
        var store = host.Get<IStudyStore>();
        await SeedAsync(store, raters: 1);

        using var request = new HttpRequestMessage(HttpMethod.Get, "api/summary/stream");
        using var response = await host.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        var first = await SummaryStream.NextAsync(reader, timeout.Token);
        Assert.Equal(1, (int)first["summary"]!["overall"]!["sources"]!["gpt"]!["ratings"]! / 2);
        // The body carries the chart containers and their Vega-Lite specs; the page's script draws them.
        Assert.Contains("data-chart=\"forest-", (string)first["html"]!);
        Assert.Contains("id=\"chart-specs\"", (string)first["html"]!);

        // Through the rating port, as the chat writes: that is what announces the change on SQLite.
        await host.Get<IRatingStore>().AddRatingAsync(new Rating("gs", "late-rater", RatingValue.Bad, T0));
        var second = await SummaryStream.NextAsync(reader, timeout.Token);
        Assert.Equal(3, (int)second["summary"]!["overall"]!["sources"]!["gpt"]!["ratings"]!);
    }

    [Fact]
    public async Task A_rater_failing_two_gold_items_is_excluded_and_the_summary_says_so()
    {
        await SeedAsync(host.Get<IStudyStore>(), raters: 0);
        var rater = new DirectLineClient(host.Client, "careless");
        await rater.StartAsync();
        await rater.SubmitAsync(BotActivity.Button(await rater.JoinAsync(), "I am 18 or older and agree"));

        // BotHost keeps Rating:FirstCardGoldRate at 0, so the first card is a real reply; with Rating:GoldRate = 1 every later one is a gold item.
        var first = await rater.SayAsync("rate");
        Assert.Contains("you rated this reply Good.", BotActivity.Text(await rater.SubmitAsync(BotActivity.Button(first, "Good"))));

        var gold1 = await rater.SayAsync("rate");
        Assert.Contains("Rate a reply", BotActivity.Text(gold1));
        var goldText = BotActivity.Text(gold1);
        Assert.Contains(File.ReadLines(Path.Combine(AppContext.BaseDirectory, "data", "quality", "gold.jsonl")),
            line => goldText.Contains(JsonNode.Parse(line)!["text"]!.GetValue<string>()));
        // Blind: the check answers like any card; the store still records it as a failed check.
        var answered = BotActivity.Text(await rater.SubmitAsync(BotActivity.Button(gold1, "Good")));
        Assert.Contains("you rated this reply Good.", answered);
        Assert.DoesNotContain("attention check", answered);
        // Re-submitting the same gold item counts once.
        Assert.Contains("already rated", BotActivity.Text(await rater.SubmitAsync(BotActivity.Button(gold1, "Good"))));

        var before = (await host.Client.GetFromJsonAsync<JsonObject>("api/summary"))!;
        Assert.Equal(0, (int)before["excludedRaters"]!);
        Assert.Equal(1, before["overall"]!["sources"]!.AsObject().Sum(s => (int)s.Value!["ratings"]!));

        var gold2 = await rater.SayAsync("rate");
        await rater.SubmitAsync(BotActivity.Button(gold2, "Okay"));

        var after = (await host.Client.GetFromJsonAsync<JsonObject>("api/summary"))!;
        Assert.Equal(1, (int)after["excludedRaters"]!);
        Assert.Equal(0, after["overall"]!["sources"]!.AsObject().Sum(s => (int)s.Value!["ratings"]!));
        Assert.Equal(1, after["overall"]!["sources"]!.AsObject().Sum(s => (int)s.Value!["excludedRatings"]!));
        Assert.Contains("nothing left for you to rate", BotActivity.Text(await rater.SayAsync("rate")));

        // Another participant cannot submit someone else's gold item.
        var other = new DirectLineClient(host.Client, "other");
        await other.StartAsync();
        await other.SubmitAsync(BotActivity.Button(await other.JoinAsync(), "I am 18 or older and agree"));
        Assert.Contains("not given to you to rate", BotActivity.Text(await other.SubmitAsync(BotActivity.Button(gold2, "Bad"))));
    }

    [Fact]
    public async Task Chat_summary_shows_the_largest_gaps_and_a_per_emotion_view()
    {
        await SeedAsync(host.Get<IStudyStore>(), raters: SummaryFlow.MinRatings);
        var viewer = new DirectLineClient(host.Client, "viewer");
        await viewer.StartAsync();
        await viewer.SubmitAsync(BotActivity.Button(await viewer.JoinAsync(), "I am 18 or older and agree"));

        var overall = await viewer.SayAsync("summary");
        var text = BotActivity.Text(overall);
        Assert.Contains("How people and AI compare", text);
        Assert.Contains("Largest differences", text);
        Assert.Contains("rated Good", text);
        Assert.Contains("likely between", text);
        // Next to the raw comparison, gpt at equal length (Golden/length_model.py "host_seed_10": 4.52 [0.35, 58.71]).
        Assert.Contains("Replies of equal length: 4.52 times the odds of a Good rating that people's replies get (likely 0.35 to 58.71).", text);
        // The researcher's terms stay on the dashboard.
        foreach (var jargon in new[] { "Krippendorff", "Wilson", "Holm", "p<", "interval" }) Assert.DoesNotContain(jargon, text);

        var proud = await viewer.SubmitAsync(BotActivity.Button(overall, "See proud"));
        var proudText = BotActivity.Text(proud);
        Assert.Contains("proud (positive)", proudText);
        Assert.DoesNotContain("Holm", proudText);
        Assert.DoesNotContain("sad (negative)", proudText);
    }

    [Fact]
    public async Task Dashboard_page_and_script_are_served()
    {
        var page = await host.Client.GetStringAsync("dashboard");
        Assert.Contains("/dashboard.js", page);
        Assert.Contains("EventSource", await host.Client.GetStringAsync("dashboard.js"));
        Assert.Contains("font-family", await host.Client.GetStringAsync("dashboard.css"));
        Assert.Contains("vegaEmbed", await host.Client.GetStringAsync("charts.js"));
        Assert.Contains("/lib/vega-embed.min.js", page);
    }
}
