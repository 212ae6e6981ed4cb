using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EmpathyBot.Host.Tests.Infrastructure;
using Microsoft.Playwright;

namespace EmpathyBot.Host.Tests.Browser;

/// <summary>A person in a real browser, through the official Web Chat: consent, respond, rate, summary.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class WebChatStudyLoopTests(ChromiumFixture chromium) : IAsyncLifetime
{
    private BotHost host = null!;

    public async Task InitializeAsync() => host = await BotHost.StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task A_participant_consents_responds_rates_and_reads_the_summary_in_web_chat()
    {
        // Somebody else has answered a prompt, so there is a human reply to rate.
        var other = new DirectLineClient(host.Client, "other-participant");
        await other.StartAsync();
        var greeting = await other.JoinAsync();
        await other.SubmitAsync(BotActivity.Button(greeting, "I am 18 or older and agree"));
        await other.SayAsync("respond");
        await other.SayAsync("Oh no, that sounds so hard. I'm here for you if you want to talk it through.");

        var page = await chromium.NewPageAsync();
        await page.GotoAsync(host.BaseAddress.ToString());

        await Expect(page.GetByText("Welcome to EmpathyBot").First);
        await page.GetByRole(AriaRole.Button, new() { Name = "I am 18 or older and agree" }).Last.ClickAsync();
        await Expect(page.GetByText("Thank you for taking part").First);

        await page.GetByRole(AriaRole.Button, new() { Name = "Respond to a prompt" }).Last.ClickAsync();
        await Expect(page.GetByText("Your turn to respond").First);

        var sendBox = page.Locator("[data-id='webchat-sendbox-input']");
        await sendBox.FillAsync("I'm really sorry you're going through this. That sounds exhausting. How are you holding up?");
        await sendBox.PressAsync("Enter");
        await Expect(page.GetByText("Your reply is saved").First);

        await page.GetByRole(AriaRole.Button, new() { Name = "Rate replies" }).Last.ClickAsync();
        await Expect(page.GetByText("Rate a reply").First);
        await page.GetByRole(AriaRole.Button, new() { Name = "Good" }).Last.ClickAsync();
        await Expect(page.GetByText("you rated this reply Good").First);

        await sendBox.FillAsync("summary");
        await sendBox.PressAsync("Enter");
        await Expect(page.GetByText("Rated Good, per emotion").First);

        var summary = await host.Client.GetFromJsonAsync<JsonObject>("api/summary");
        var ratings = summary!["overall"]!["sources"]!.AsObject().Sum(s => (long)s.Value!["ratings"]!);
        Assert.Equal(1, ratings);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "empathybot-webchat.png") });
    }

    private static Task Expect(ILocator locator) =>
        locator.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible, Timeout = 15_000 });
}
