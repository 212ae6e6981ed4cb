using EmpathyBot.Host.Tests.Infrastructure;
using Microsoft.Playwright;

namespace EmpathyBot.Host.Tests.Browser;

/// <summary>
/// The built-in page's header is seen by participants: its links to the dashboard and the summary appear only when
/// Study:ShowResults lets this participant see results.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class WebChatResultsLinksTests(ChromiumFixture chromium)
{
    [Theory]
    [InlineData(null, true)]
    [InlineData("always", true)]
    [InlineData("never", false)]
    [InlineData("afterCompletion", false)]
    public async Task The_header_links_to_results_only_when_the_participant_may_see_them(string? showResults, bool shown)
    {
        var settings = new Dictionary<string, string?> { ["Contenders:0:Enabled"] = "false", ["Dashboard:AccessKey"] = "researcher-key" };
        if (showResults is not null) settings["Study:ShowResults"] = showResults;
        await using var host = await BotHost.StartAsync(settings);

        var page = await chromium.NewPageAsync();
        await page.GotoAsync(host.BaseAddress.ToString());
        // The chat is up once the welcome arrives: the token answer, which decides the links, came before it.
        await page.GetByText("Welcome to EmpathyBot").First.WaitForAsync();

        var dashboard = page.Locator("header a[href='dashboard']");
        var summary = page.Locator("header a[href='api/summary']");
        Assert.Equal(shown, await dashboard.IsVisibleAsync());
        Assert.Equal(shown, await summary.IsVisibleAsync());
    }
}
