using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EmpathyBot.Host.Tests.Infrastructure;
using EmpathyBot.Testing.FakeOpenAi;
using Microsoft.Playwright;

namespace EmpathyBot.Host.Tests.Browser;

/// <summary>
/// In a real browser: a person answers a prompt in Web Chat, the contenders (the baseline and an LLM on a
/// local OpenAI-compatible server) answer it in the background, and a moment later the person rates their replies.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class WebChatContenderRepliesTests(ChromiumFixture chromium)
{
    private const string LlmText = "That sounds like a lot to carry. I'm glad you told me, and I'm here to listen.";

    [Fact]
    public async Task A_person_answers_in_web_chat_then_rates_the_contenders_replies_to_that_prompt()
    {
        await using var llm = await FakeOpenAiServer.StartAsync();
        llm.Responder = _ => FakeResponse.Reply(LlmText, 150, 22) with { Delay = TimeSpan.FromMilliseconds(300) };
        // The researcher turned the reveal on (it is off by default, to keep later ratings blind).
        var settings = FakeContenders.BaselineAndFakeLlm(llm);
        settings["Rating:RevealSource"] = "true";
        await using var host = await BotHost.StartAsync(settings);

        var page = await chromium.NewPageAsync();
        await page.GotoAsync(host.BaseAddress.ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "I am 18 or older and agree" }).Last.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Respond to a prompt" }).Last.ClickAsync();
        var sendBox = page.Locator("[data-id='webchat-sendbox-input']");
        await sendBox.FillAsync("Oh no. That must have been so stressful; I'd have been shaken too.");
        await sendBox.PressAsync("Enter");
        await page.GetByText("Your reply is saved").First.WaitForAsync();

        // A moment later both contenders have answered the prompt this person saw (the chat never waited for them).
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!await BothAnsweredAsync(host) && DateTime.UtcNow < deadline) await Task.Delay(200);
        Assert.True(await BothAnsweredAsync(host), "the contenders did not answer in time");

        // Their replies are the only ones this person may rate (never their own): rate both, blind.
        await page.GetByRole(AriaRole.Button, new() { Name = "Rate replies" }).Last.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Good" }).Last.ClickAsync();
        await page.GetByText("you rated this reply Good").First.WaitForAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Rate another" }).Last.ClickAsync();
        await page.GetByText("Rate a reply").Nth(1).WaitForAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Good" }).Last.ClickAsync();
        await page.GetByText("you rated this reply Good").Nth(1).WaitForAsync();

        // The reveal comes only after each rating is stored (Web Chat may typeset the quotes).
        await page.GetByText(new Regex("written by the AI model .fake-llm.")).First.WaitForAsync();
        await page.GetByText(new Regex("written by the non-AI baseline responder .baseline.")).First.WaitForAsync();
        var summary = await host.Client.GetFromJsonAsync<JsonObject>("api/summary");
        Assert.Equal(1, (int)summary!["overall"]!["sources"]!["fake-llm"]!["good"]!);
        Assert.Equal(1, (int)summary["overall"]!["sources"]!["baseline"]!["good"]!);
    }

    private static async Task<bool> BothAnsweredAsync(BotHost host)
    {
        var sources = (await host.Client.GetFromJsonAsync<JsonObject>("api/summary"))!["overall"]!["sources"]!;
        return (long?)sources["baseline"]?["replies"] == 1 && (long?)sources["fake-llm"]?["replies"] == 1;
    }
}
