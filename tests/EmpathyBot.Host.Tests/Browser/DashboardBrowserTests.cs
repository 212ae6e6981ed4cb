using EmpathyBot.Core.Study;
using EmpathyBot.Host.Tests.Infrastructure;
using EmpathyBot.Core.Ports;
using EmpathyBot.Storage;
using Microsoft.Playwright;

namespace EmpathyBot.Host.Tests.Browser;

/// <summary>The live dashboard in Chromium: a rating taken through the bot's API appears without a reload.</summary>
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
        await Assertions.Expect(page.Locator("#chart rect[data-emotion='joyful']")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("#overall tr[data-source='gpt']")).ToContainTextAsync("100.0%");

        // A participant rates through the Direct Line API; the open page updates by itself.
        var rater = new DirectLineClient(host.Client, "browser-rater");
        await rater.StartAsync();
        await rater.SubmitAsync(BotActivity.Button(await rater.JoinAsync(), "I agree"));
        var card = await rater.SayAsync("rate");
        await rater.SubmitAsync(BotActivity.Button(card, "Bad"));

        await Assertions.Expect(ratings).ToHaveTextAsync("3", new() { Timeout = 10_000 });
        // The page counts pushed updates since it loaded; a reload would start again at 1.
        Assert.True(await page.EvaluateAsync<int>("() => Number(document.body.getAttribute('data-updates'))") >= 2);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "empathybot-dashboard.png"), FullPage = true });
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
}
