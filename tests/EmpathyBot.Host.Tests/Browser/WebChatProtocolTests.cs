using EmpathyBot.Host.Tests.Infrastructure;
using EmpathyBot.Host.Tests.Protocol;
using Microsoft.Playwright;

namespace EmpathyBot.Host.Tests.Browser;

/// <summary>
/// A Prolific participant in a real browser, through the official Web Chat: the study link's ids reach the study,
/// the protocol leads step by step, and the completion button appears at the end.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class WebChatProtocolTests(ChromiumFixture chromium) : IAsyncLifetime
{
    private BotHost host = null!;

    public async Task InitializeAsync()
    {
        host = await BotHost.StartAsync(ProtocolStudySettings.TwoSteps());
        await ProtocolStudySettings.SeedRepliesAsync(host);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task The_protocol_runs_in_web_chat_from_the_study_link_to_the_completion_button()
    {
        var page = await chromium.NewPageAsync();
        await page.GotoAsync($"{host.BaseAddress}?PROLIFIC_PID={ProtocolStudySettings.ProlificPid}&STUDY_ID=study-42&SESSION_ID=session-7");

        await Expect(page.GetByText("Welcome to EmpathyBot").First);
        await page.GetByRole(AriaRole.Button, new() { Name = "I am 18 or older and agree" }).Last.ClickAsync();
        await Expect(page.GetByText("Step 1 of 2 · reply").First);
        await Expect(page.GetByText("Your turn to respond").First);
        // While the protocol runs, the free menu is not offered.
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Rate replies" }).CountAsync());

        var sendBox = page.Locator("[data-id='webchat-sendbox-input']");
        await sendBox.FillAsync("I'm really sorry you're going through this. How are you holding up?");
        await sendBox.PressAsync("Enter");
        await Expect(page.GetByText("Step 2 of 2 · rating").First);
        await page.GetByRole(AriaRole.Button, new() { Name = "Good" }).Last.ClickAsync();

        await Expect(page.GetByText("Your completion code: " + ProtocolStudySettings.Code).First);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Finish and return" }).Last);
        await page.Locator(".ac-adaptiveCard").Last.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "empathybot-webchat-protocol-completion.png") });

        var row = (await ProtocolStudySettings.ExportParticipantsAsync(host)).Skip(1).Single().Split(',');
        Assert.Equal([ProtocolStudySettings.ProlificPid, "study-42", "session-7"], row[2..5]);
        Assert.NotEqual("", row[6]);
    }

    private static Task Expect(ILocator locator) =>
        locator.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible, Timeout = 15_000 });
}
