using System.Diagnostics;
using EmpathyBot.Host.Tests.Infrastructure;
using Microsoft.Playwright;

namespace EmpathyBot.Host.Tests.Browser;

/// <summary>
/// A participant's reply reaches a rater in the official Web Chat as plain text: markup in it is shown, never
/// run, so it can neither track raters with images nor plant links or scripts in their cards.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class WebChatLiteralReplyTests(ChromiumFixture chromium) : IAsyncLifetime
{
    private const string Marker = "Hostile reply:";

    private static readonly TimeSpan Watch = TimeSpan.FromSeconds(3);

    private RequestRecorder tracker = null!;
    private BotHost host = null!;

    public async Task InitializeAsync()
    {
        tracker = await RequestRecorder.StartAsync();
        host = await BotHost.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await tracker.DisposeAsync();
    }

    [Fact]
    public async Task Markup_in_a_reply_is_shown_literally_to_a_rater_and_fetches_nothing()
    {
        string[] pieces =
        [
            $"<img src=\"{tracker.Url("img")}\">",
            $"![tracker]({tracker.Url("markdown-image")})",
            $"[a markdown link]({tracker.Url("markdown-link")})",
            $"<a href=\"{tracker.Url("html-link")}\">an HTML link</a>",
            $"<script>new Image().src='{tracker.Url("script")}'</script> text",
            "**not bold** _not italic_ {{DATE(2017-02-14T06:08:39Z, SHORT)}}",
        ];
        var reply = Marker + " " + string.Join(" ", pieces);
        await WriteReplyAsync(reply);

        var page = await chromium.NewPageAsync();
        await page.GotoAsync(host.BaseAddress.ToString());
        await Visible(page.GetByText("Welcome to EmpathyBot").First);
        await page.GetByRole(AriaRole.Button, new() { Name = "I am 18 or older and agree" }).Last.ClickAsync();
        await Visible(page.GetByText("Thank you for taking part").First);
        await page.GetByRole(AriaRole.Button, new() { Name = "Rate replies" }).Last.ClickAsync();
        var card = await CardShowingTheReplyAsync(page);

        await card.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "empathybot-literal-reply.png") });

        // Nothing may reach the tracker while the card is on screen.
        var watching = Stopwatch.StartNew();
        while (watching.Elapsed < Watch)
        {
            Assert.True(await card.IsVisibleAsync(), "the rating card disappeared while it was being watched");
            Assert.Empty(tracker.Paths);
            await Task.Delay(100);
        }

        // Runs of white space read as one; the invisible word joiner that keeps "{{" from the card's date functions is dropped.
        var shown = string.Join(' ', (await card.InnerTextAsync()).Replace("\u2060", "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        foreach (var piece in pieces) Assert.True(shown.Contains(piece, StringComparison.Ordinal), $"The card does not show {piece} literally; it shows: {shown}");
        Assert.Equal(0, await card.Locator($"img[src^='{tracker.BaseAddress}'], a[href^='{tracker.BaseAddress}'], script").CountAsync());

        // The tracker was reachable from this page all along, so silence above means nothing was requested.
        await page.EvaluateAsync("url => fetch(url, { mode: 'no-cors' })", tracker.Url("control"));
        await WaitUntilAsync(() => tracker.Paths.Count > 0, TimeSpan.FromSeconds(10));
        Assert.Equal(["/control"], tracker.Paths);
    }

    private async Task WriteReplyAsync(string reply)
    {
        var author = new DirectLineClient(host.Client, "author");
        await author.StartAsync();
        var greeting = await author.JoinAsync();
        await author.SubmitAsync(BotActivity.Button(greeting, "I am 18 or older and agree"));
        await author.SayAsync("respond");
        var saved = await author.SayAsync(reply);
        Assert.Contains("Your reply is saved", BotActivity.Text(saved));
    }

    /// <summary>The baseline contender answers the same prompt, so its reply may come first: rate it Okay and ask for another.</summary>
    private static async Task<ILocator> CardShowingTheReplyAsync(IPage page)
    {
        var cards = page.Locator(".ac-adaptiveCard").Filter(new() { HasText = "Rate a reply" });
        for (var i = 0; i < 3; i++)
        {
            var card = cards.Nth(i);
            await Visible(card);
            if ((await card.InnerTextAsync()).Contains(Marker, StringComparison.Ordinal)) return card;
            await card.GetByRole(AriaRole.Button, new() { Name = "Okay" }).ClickAsync();
            var another = page.GetByRole(AriaRole.Button, new() { Name = "Rate another" }).Nth(i);
            await Visible(another);
            await another.ClickAsync();
        }

        throw new Xunit.Sdk.XunitException("The participant's reply was never offered to the rater.");
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        var waiting = Stopwatch.StartNew();
        while (!condition() && waiting.Elapsed < timeout) await Task.Delay(50);
    }

    private static Task Visible(ILocator locator) =>
        locator.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible, Timeout = 15_000 });
}
