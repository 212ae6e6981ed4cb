using EmpathyBot.Core.Study;
using EmpathyBot.Host.Tests.Infrastructure;
using EmpathyBot.Core.Ports;
using EmpathyBot.Storage;
using Microsoft.Playwright;

namespace EmpathyBot.Host.Tests.Browser;

/// <summary>The live dashboard in Chromium: its Vega-Lite charts are drawn, and a rating taken through the bot's API appears without a reload.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class DashboardBrowserTests(ChromiumFixture chromium) : IAsyncLifetime
{
    private BotHost host = null!;

    public async Task InitializeAsync() => host = await BotHost.StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task A_rating_posted_through_the_api_shows_up_on_the_open_dashboard()
    {
        var store = host.Get<IStudyStore>();
        var t0 = DateTimeOffset.UtcNow;
        await store.UpsertPromptsAsync([new StudyPrompt("d-1", "joyful", "I got a puppy.", "He is so tiny!", "dash")]);
        await store.AddReplyAsync(new Reply("d-h", "d-1", Sources.Human, "How lovely, enjoy him!", null, t0));
        await store.AddReplyAsync(new Reply("d-g", "d-1", "gpt", "Congratulations on your new puppy!", null, t0));
        await store.AddRatingAsync(new Rating("d-h", "seed", RatingValue.Okay, t0));
        await store.AddRatingAsync(new Rating("d-g", "seed", RatingValue.Good, t0));

        var page = await chromium.NewPageAsync();
        await page.GotoAsync(new Uri(host.BaseAddress, "dashboard").ToString());
        var ratings = page.Locator("[data-fact='ratings']");
        await Assertions.Expect(ratings).ToHaveTextAsync("2", new() { Timeout = 10_000 });
        await Assertions.Expect(page.Locator("#overall tr[data-source='gpt']")).ToContainTextAsync("100.0%");
        // Two ratings cannot hold length constant: the page says so instead of showing an odds ratio.
        await Assertions.Expect(page.Locator("#overall tr[data-source='gpt'] .length-adjusted")).ToHaveTextAsync("–");
        await Assertions.Expect(page.Locator("#length-model")).ToHaveAttributeAsync("data-status", "tooFewRatings");
        // Vega drew the forest plot as SVG: one point for gpt against people on joyful, from the study's counts.
        var chart = page.Locator("[data-chart='forest-positive']");
        await Assertions.Expect(chart).ToHaveAttributeAsync("data-rendered", "true");
        await Assertions.Expect(chart.Locator("svg g.mark-symbol.role-mark path")).ToHaveCountAsync(1);
        Assert.Equal(["1/1 vs 0/1"], await ChartCountsAsync(page));
        await Assertions.Expect(page.Locator("[data-chart='forest-negative']")).ToHaveCountAsync(0);

        // A participant rates through the Direct Line API; the open page updates by itself.
        var rater = new DirectLineClient(host.Client, "browser-rater");
        await rater.StartAsync();
        await rater.SubmitAsync(BotActivity.Button(await rater.JoinAsync(), "I am 18 or older and agree"));
        var card = await rater.SayAsync("rate");
        await rater.SubmitAsync(BotActivity.Button(card, "Bad"));

        await Assertions.Expect(ratings).ToHaveTextAsync("3", new() { Timeout = 10_000 });
        // The chart was drawn again from the new counts: the rated reply (people's or gpt's) now has two ratings.
        await Assertions.Expect(chart).ToHaveAttributeAsync("data-rendered", "true");
        var counts = Assert.Single(await ChartCountsAsync(page));
        Assert.Contains(counts, new[] { "1/2 vs 0/1", "1/1 vs 0/2" });
        await Assertions.Expect(chart.Locator("svg g.mark-symbol.role-mark path")).ToHaveCountAsync(1);
        // The page counts pushed updates since it loaded; a reload would start again at 1.
        Assert.True(await page.EvaluateAsync<int>("() => Number(document.body.getAttribute('data-updates'))") >= 2);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "empathybot-dashboard.png"), FullPage = true });
    }

    [Fact]
    public async Task On_a_phone_the_forest_plot_fits_the_screen_and_each_chart_can_be_saved_as_svg_or_png()
    {
        var store = host.Get<IStudyStore>();
        var t0 = DateTimeOffset.UtcNow;
        await store.UpsertPromptsAsync([new StudyPrompt("p-1", "sad", "My dog died.", "I miss him.", "dash")]);
        foreach (var (id, source, value) in new[] { ("p-h", Sources.Human, RatingValue.Good), ("p-g", "gpt", RatingValue.Okay), ("p-b", "baseline", RatingValue.Bad) })
        {
            await store.AddReplyAsync(new Reply(id, "p-1", source, "I am so sorry.", null, t0));
            await store.AddRatingAsync(new Rating(id, "seed", value, t0));
        }

        var page = await chromium.NewPageAsync(width: 360);
        await page.GotoAsync(new Uri(host.BaseAddress, "dashboard").ToString());
        var chart = page.Locator("[data-chart='forest-negative']");
        await Assertions.Expect(chart).ToHaveAttributeAsync("data-rendered", "true", new() { Timeout = 10_000 });

        // Two models, each with its own shape as well as its own colour.
        var marks = chart.Locator("svg g.mark-symbol.role-mark path");
        await Assertions.Expect(marks).ToHaveCountAsync(2);
        var shapes = await marks.EvaluateAllAsync<string[]>("ps => ps.map(p => p.getAttribute('d'))");
        Assert.NotEqual(shapes[0], shapes[1]);
        var width = await chart.Locator("svg").First.EvaluateAsync<double>("svg => svg.getBoundingClientRect().right");
        Assert.True(width <= 360, $"The chart ends at {width} px on a 360 px screen.");

        await chart.Locator("details summary").ClickAsync();
        await Assertions.Expect(chart.Locator(".vega-actions a")).ToHaveTextAsync(["Save as SVG", "Save as PNG"]);
    }

    [Fact]
    public async Task Without_the_charting_libraries_the_dashboard_says_so_and_keeps_its_tables()
    {
        var store = host.Get<IStudyStore>();
        var t0 = DateTimeOffset.UtcNow;
        await store.UpsertPromptsAsync([new StudyPrompt("m-1", "joyful", "I got a puppy.", "He is so tiny!", "dash")]);
        await store.AddReplyAsync(new Reply("m-h", "m-1", Sources.Human, "How lovely!", null, t0));
        await store.AddReplyAsync(new Reply("m-g", "m-1", "gpt", "Congratulations!", null, t0));
        await store.AddRatingAsync(new Rating("m-h", "seed", RatingValue.Good, t0));
        await store.AddRatingAsync(new Rating("m-g", "seed", RatingValue.Good, t0));

        // As on a host built without npm: the bundles are not there.
        var page = await chromium.NewPageAsync();
        await page.RouteAsync("**/lib/vega*.js", route => route.FulfillAsync(new() { Status = 404 }));
        await page.GotoAsync(new Uri(host.BaseAddress, "dashboard").ToString());

        var chart = page.Locator("[data-chart='forest-positive']");
        await Assertions.Expect(chart).ToHaveAttributeAsync("data-rendered", "missing", new() { Timeout = 10_000 });
        await Assertions.Expect(chart).ToContainTextAsync("built without Node.js/npm");
        await Assertions.Expect(page.Locator("#overall tr[data-source='gpt']")).ToContainTextAsync("100.0%");
    }

    [Fact]
    [Trait("Category", "EndToEnd")]
    public async Task A_dashboard_behind_an_access_key_opened_with_the_key_goes_live()
    {
        await using var keyed = await BotHost.StartAsync(new Dictionary<string, string?> { ["Dashboard:AccessKey"] = "k3y/with+signs" });
        var store = keyed.Get<IStudyStore>();
        var t0 = DateTimeOffset.UtcNow;
        await store.UpsertPromptsAsync([new StudyPrompt("k-1", "joyful", "I got a puppy.", "He is so tiny!", "dash")]);
        await store.AddReplyAsync(new Reply("k-g", "k-1", "gpt", "Congratulations on your new puppy!", null, t0));
        await store.AddRatingAsync(new Rating("k-g", "seed", RatingValue.Good, t0));

        var page = await chromium.NewPageAsync();
        var refused = await page.GotoAsync(new Uri(keyed.BaseAddress, "dashboard").ToString());
        Assert.Equal(401, refused!.Status);

        // The page hands its ?key= on to the event stream (EventSource sends no headers).
        await page.GotoAsync(new Uri(keyed.BaseAddress, "dashboard?key=" + Uri.EscapeDataString("k3y/with+signs")).ToString());
        await Assertions.Expect(page.Locator("#status")).ToHaveAttributeAsync("data-state", "live", new() { Timeout = 10_000 });
        await Assertions.Expect(page.Locator("[data-fact='ratings']")).ToHaveTextAsync("1", new() { Timeout = 10_000 });
    }

    /// <summary>"model Good/ratings vs people Good/ratings" of every point in the drawn positive forest plot (Vega's own data).</summary>
    private static async Task<string[]> ChartCountsAsync(IPage page) => await page.EvaluateAsync<string[]>(
        "() => window.EmpathyBotCharts.views['forest-positive'].data('points').map(p => p.model_good + ' vs ' + p.people_good)");
}
