using System.Text.Json;
using EmpathyBot.Host.Tests.Infrastructure;
using Microsoft.Playwright;

namespace EmpathyBot.Host.Tests.Browser;

/// <summary>
/// The cards a participant meets, in the official Web Chat on a phone-sized (360 px) and a desktop (1280 px) window:
/// no heading, fact title or question label is broken inside a word. Screenshots of every card are kept under the
/// test output folder (artifacts/cards) for a person to look at.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class WebChatCardLayoutTests(ChromiumFixture chromium) : IAsyncLifetime
{
    /// <summary>
    /// Every word of the card's bold text blocks (headings, fact titles) and input labels, as a Range: a word whose
    /// line boxes sit on more than one line was broken inside. Returns how many texts were checked and the broken words.
    /// </summary>
    private const string BrokenWords = """
        card => {
          const texts = [...card.querySelectorAll('.ac-textBlock, label')]
            .filter(e => e.getClientRects().length > 0)
            .filter(e => e.tagName === 'LABEL' || parseInt(getComputedStyle(e).fontWeight, 10) >= 600);
          const broken = [];
          for (const el of texts) {
            const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              for (const m of node.textContent.matchAll(/\S+/g)) {
                const range = document.createRange();
                range.setStart(node, m.index);
                range.setEnd(node, m.index + m[0].length);
                const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
                if (lines.size > 1) broken.push(m[0] + ' in "' + el.textContent.trim() + '"');
              }
            }
          }
          return { checked: texts.length, broken };
        }
        """;

    private BotHost host = null!;

    public async Task InitializeAsync() => host = await BotHost.StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Theory]
    [InlineData(360, 740)]
    [InlineData(1280, 900)]
    public async Task Consent_rating_feelings_check_and_summary_cards_break_no_word(int width, int height)
    {
        await SomeoneRepliesAsync();
        var page = await chromium.NewPageAsync(width, height);
        await page.GotoAsync(host.BaseAddress.ToString());

        await AssertReadsWellAsync(page, "Welcome to EmpathyBot", "consent", width);
        await page.GetByRole(AriaRole.Button, new() { Name = "I am 18 or older and agree" }).Last.ClickAsync();
        await Visible(page.GetByText("Thank you for taking part").First);

        await page.GetByRole(AriaRole.Button, new() { Name = "Rate replies" }).Last.ClickAsync();
        var rating = await AssertReadsWellAsync(page, "Rate a reply", "rating", width);
        await rating.GetByRole(AriaRole.Button, new() { Name = "Good" }).ClickAsync();
        await Visible(page.GetByText("you rated this reply Good").First);

        await page.GetByRole(AriaRole.Button, new() { Name = "Feelings check" }).Last.ClickAsync();
        var feelings = await AssertReadsWellAsync(page, "Feelings check, part 1 of 2 (card 1 of 4)", "feelings-check", width);
        // One tap per feeling: the labelled choices are radio buttons.
        var threes = feelings.GetByRole(AriaRole.Radio, new() { Name = "3 moderately" });
        Assert.Equal(5, await threes.CountAsync());
        for (var i = 0; i < 5; i++) await threes.Nth(i).CheckAsync();
        await feelings.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        await AssertReadsWellAsync(page, "(card 2 of 4)", "feelings-check-2", width);

        var sendBox = page.Locator("[data-id='webchat-sendbox-input']");
        await sendBox.FillAsync("summary");
        await sendBox.PressAsync("Enter");
        var summary = await AssertReadsWellAsync(page, "How people", "summary", width);
        var text = await summary.InnerTextAsync();
        Assert.Contains("too early to say", text);
        Assert.DoesNotContain("Krippendorff", text);
        Assert.DoesNotContain("p<", text);
    }

    [Fact]
    public async Task The_send_box_takes_several_lines_and_counts_characters_against_the_limit()
    {
        var notFound = new List<string>();
        var page = await chromium.NewPageAsync(360, 740);
        page.Response += (_, response) =>
        {
            if (response.Status == 404) lock (notFound) notFound.Add(response.Url);
        };
        await page.GotoAsync(host.BaseAddress.ToString());
        await Visible(page.GetByText("Welcome to EmpathyBot").First);
        await page.GetByRole(AriaRole.Button, new() { Name = "I am 18 or older and agree" }).Last.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Respond to a prompt" }).Last.ClickAsync();
        await Visible(page.GetByText("Your turn to respond").First);
        var count = page.Locator("#count");
        Assert.Equal("0 / 600 characters", await count.InnerTextAsync());

        var sendBox = page.Locator("[data-id='webchat-sendbox-input']");
        Assert.Equal("TEXTAREA", await sendBox.EvaluateAsync<string>("e => e.tagName"));
        await sendBox.PressSequentiallyAsync("I'm so sorry.");
        await sendBox.PressAsync("Shift+Enter");
        await sendBox.PressSequentiallyAsync("How are you?");
        Assert.Equal("I'm so sorry.\nHow are you?", await sendBox.InputValueAsync());
        await WaitForTextAsync(count, "26 / 600 characters");

        await sendBox.FillAsync(new string('a', 605));
        await WaitForTextAsync(count, "605 / 600 characters (5 too many)");
        Assert.Equal("true", await count.GetAttributeAsync("data-over"));

        await sendBox.FillAsync("I'm so sorry.\nHow are you?");
        await sendBox.PressAsync("Enter");
        await Visible(page.GetByText("Your reply is saved").First);
        await WaitForTextAsync(count, "0 / 600 characters");
        lock (notFound) Assert.Empty(notFound);
        Assert.Equal("image/x-icon", (await host.Client.GetAsync("favicon.ico")).Content.Headers.ContentType?.MediaType);
        Assert.Equal("image/svg+xml", (await host.Client.GetAsync("favicon.svg")).Content.Headers.ContentType?.MediaType);
    }

    /// <summary>Waits for the newest card showing <paramref name="heading"/>, keeps its screenshot and checks it breaks no word.</summary>
    private static async Task<ILocator> AssertReadsWellAsync(IPage page, string heading, string name, int width)
    {
        var card = page.Locator(".webchat__basic-transcript__activity").Filter(new() { HasText = heading }).Last.Locator(".ac-adaptiveCard").First;
        await Visible(card);
        await KeepScreenshotAsync(page, card, $"{name}-{width}.png");

        var check = await card.EvaluateAsync<JsonElement>(BrokenWords);
        Assert.True(check.GetProperty("checked").GetInt32() > 0, $"no heading was found on the {name} card");
        var broken = check.GetProperty("broken").EnumerateArray().Select(b => b.GetString()).ToArray();
        Assert.True(broken.Length == 0, $"At {width} px the {name} card breaks words: {string.Join("; ", broken)}");
        return card;
    }

    /// <summary>
    /// A card taller than the window is pictured whole: the window grows to fit it for the picture (same width, so the
    /// same layout) and is put back after.
    /// </summary>
    private static async Task KeepScreenshotAsync(IPage page, ILocator card, string file)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "artifacts", "cards");
        Directory.CreateDirectory(folder);
        var window = page.ViewportSize!;
        var box = await card.BoundingBoxAsync() ?? throw new Xunit.Sdk.XunitException($"{file}: the card has no size");
        if (box.Height + 200 > window.Height)
            await page.SetViewportSizeAsync(window.Width, (int)box.Height + 200);
        await card.ScrollIntoViewIfNeededAsync();
        await card.ScreenshotAsync(new() { Path = Path.Combine(folder, file) });
        await page.SetViewportSizeAsync(window.Width, window.Height);
    }

    private async Task SomeoneRepliesAsync()
    {
        var other = new DirectLineClient(host.Client, "other-participant");
        await other.StartAsync();
        await other.SubmitAsync(BotActivity.Button(await other.JoinAsync(), "I am 18 or older and agree"));
        await other.SayAsync("respond");
        await other.SayAsync("Oh no, that sounds so hard. I'm here for you if you want to talk it through.");
    }

    private static async Task WaitForTextAsync(ILocator locator, string expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        var actual = await locator.InnerTextAsync();
        while (actual != expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
            actual = await locator.InnerTextAsync();
        }

        Assert.Equal(expected, actual);
    }

    private static Task Visible(ILocator locator) =>
        locator.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible, Timeout = 15_000 });
}
