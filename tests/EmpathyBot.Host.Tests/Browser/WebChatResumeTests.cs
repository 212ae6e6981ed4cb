using System.Text.Json.Nodes;
using EmpathyBot.Host.Tests.Infrastructure;
using Microsoft.Playwright;

namespace EmpathyBot.Host.Tests.Browser;

/// <summary>
/// The built-in page keeps only the server's resume credential: a reload continues as the same participant, and a
/// credential the server refuses makes the page start afresh as somebody new instead of failing.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class WebChatResumeTests(ChromiumFixture chromium) : IAsyncLifetime
{
    private BotHost host = null!;

    public async Task InitializeAsync() => host = await BotHost.StartAsync(new Dictionary<string, string?> { ["Contenders:0:Enabled"] = "false" });

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task A_reload_continues_as_the_same_participant_and_a_refused_credential_starts_afresh()
    {
        var page = await chromium.NewPageAsync();
        var first = await LoadAsync(page, () => page.GotoAsync(host.BaseAddress.ToString()));
        await Expect(page.GetByText("Welcome to EmpathyBot").First);
        await page.GetByRole(AriaRole.Button, new() { Name = "I am 18 or older and agree" }).Last.ClickAsync();
        await Expect(page.GetByText("Thank you for taking part").First);
        Assert.Equal((string?)first["resume"], await page.EvaluateAsync<string>("localStorage.getItem('empathybot.resume')"));

        var reloaded = await LoadAsync(page, () => page.ReloadAsync());
        Assert.Equal((string?)first["userId"], (string?)reloaded["userId"]);
        await SayAsync(page, "respond");
        await Expect(page.GetByText("Your turn to respond").First);

        await page.EvaluateAsync("localStorage.setItem('empathybot.resume', 'forged.credential')");
        var afresh = await LoadAsync(page, () => page.ReloadAsync());
        Assert.NotEqual((string?)first["userId"], (string?)afresh["userId"]);
        await Expect(page.GetByText("Welcome to EmpathyBot").First);
        Assert.False(await page.Locator("#error").IsVisibleAsync());
        Assert.Equal((string?)afresh["resume"], await page.EvaluateAsync<string>("localStorage.getItem('empathybot.resume')"));
    }

    /// <summary>Runs a navigation and returns the token the page was granted (the last successful <c>webchat/token</c> answer).</summary>
    private static async Task<JsonObject> LoadAsync(IPage page, Func<Task> navigate)
    {
        var granted = await page.RunAndWaitForResponseAsync(navigate, r => r.Url.Contains("webchat/token") && r.Status == 200);
        return JsonNode.Parse(await granted.TextAsync())!.AsObject();
    }

    private static async Task SayAsync(IPage page, string text)
    {
        var sendBox = page.Locator("[data-id='webchat-sendbox-input']");
        await sendBox.FillAsync(text);
        await sendBox.PressAsync("Enter");
    }

    private static Task Expect(ILocator locator) =>
        locator.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible, Timeout = 15_000 });
}
