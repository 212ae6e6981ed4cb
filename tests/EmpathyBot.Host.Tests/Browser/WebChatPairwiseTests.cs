using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EmpathyBot.Host.Tests.Infrastructure;
using Microsoft.Playwright;

namespace EmpathyBot.Host.Tests.Browser;

/// <summary>Two people in real browsers, through the official Web Chat, compare two replies side by side; the battles reach the summary.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class WebChatPairwiseTests(ChromiumFixture chromium) : IAsyncLifetime
{
    private const string Reply = "Oh no, that sounds so hard. I'm here for you if you want to talk it through.";
    private BotHost host = null!;

    public async Task InitializeAsync() => host = await BotHost.StartAsync(new Dictionary<string, string?> { ["Rating:Mode"] = "pairwise" });

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Two_people_compare_replies_in_web_chat_and_the_battles_reach_the_summary()
    {
        // Somebody has answered a prompt; the baseline contender answers it too, so there is a pair to compare.
        var other = new DirectLineClient(host.Client, "other-participant");
        await other.StartAsync();
        await other.SubmitAsync(BotActivity.Button(await other.JoinAsync(), "I am 18 or older and agree"));
        await other.SayAsync("respond");
        await other.SayAsync(Reply);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while ((await host.Client.GetFromJsonAsync<JsonObject>("api/summary"))!["overall"]!["sources"]!["baseline"]?["replies"]?.GetValue<long>() is not >= 1)
        {
            Assert.True(DateTime.UtcNow < deadline, "the baseline never answered the prompt");
            await Task.Delay(50);
        }

        foreach (var (person, choice, thanks) in new[] { ("first", "A", "reply A is more empathetic"), ("second", "Tie", "equally empathetic") })
        {
            var page = await chromium.NewPageAsync();
            await page.GotoAsync(host.BaseAddress.ToString());
            await Expect(page.GetByText("Welcome to EmpathyBot").First);
            await page.GetByRole(AriaRole.Button, new() { Name = "I am 18 or older and agree" }).Last.ClickAsync();
            await Expect(page.GetByText("Thank you for taking part").First);

            await page.GetByRole(AriaRole.Button, new() { Name = "Rate replies" }).Last.ClickAsync();
            await Expect(page.GetByText("Which reply is more empathetic?").First);
            await Expect(page.GetByText("Reply A", new() { Exact = true }).First);
            await Expect(page.GetByText("Reply B", new() { Exact = true }).First);
            await Expect(page.GetByText(Reply).First);
            await page.GetByRole(AriaRole.Button, new() { Name = choice, Exact = true }).Last.ClickAsync();
            await Expect(page.GetByText(thanks).First);
            await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), $"empathybot-webchat-pair-{person}.png") });
            await page.Context.CloseAsync();
        }

        var pairwise = (await host.Client.GetFromJsonAsync<JsonObject>("api/summary"))!["pairwise"]!;
        Assert.Equal(2, pairwise["battles"]!.GetValue<long>());
        Assert.Equal(2, pairwise["sources"]!["human"]!["battles"]!.GetValue<long>());
        Assert.Equal(2, pairwise["sources"]!["baseline"]!["battles"]!.GetValue<long>());
        Assert.Equal(1, pairwise["sources"]!["human"]!["ties"]!.GetValue<long>());
    }

    private static Task Expect(ILocator locator) =>
        locator.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible, Timeout = 15_000 });
}
