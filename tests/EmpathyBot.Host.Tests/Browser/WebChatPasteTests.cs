using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EmpathyBot.Core.Integrity;
using EmpathyBot.Core.Ports;
using EmpathyBot.Host.Tests.Infrastructure;
using Microsoft.Playwright;

namespace EmpathyBot.Host.Tests.Browser;

/// <summary>
/// The built-in page in a real browser: text pasted into Web Chat's send box travels with the reply it ends up in, and
/// that reply is flagged and kept out of the blind pool; the next, typed reply is not.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class WebChatPasteTests(ChromiumFixture chromium) : IAsyncLifetime
{
    private const string PastedReply = "I'm so sorry you're going through this. It sounds incredibly painful, and your feelings are valid.";
    private const string TypedReply = "Oh no, that sounds awful. I'm here if you want to talk.";
    private BotHost host = null!;

    // People only: the pool holds nothing but what this participant writes.
    public async Task InitializeAsync() => host = await BotHost.StartAsync(new Dictionary<string, string?> { ["Contenders:0:Enabled"] = "false" });

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task A_reply_pasted_into_the_send_box_is_flagged_and_kept_out_of_the_pool()
    {
        var page = await chromium.NewPageAsync();
        await page.GotoAsync(host.BaseAddress.ToString());
        await Expect(page.GetByText("Welcome to EmpathyBot").First);
        await page.GetByRole(AriaRole.Button, new() { Name = "I am 18 or older and agree" }).Last.ClickAsync();
        await Expect(page.GetByText("Thank you for taking part").First);

        await page.GetByRole(AriaRole.Button, new() { Name = "Respond to a prompt" }).Last.ClickAsync();
        await Expect(page.GetByText("Your turn to respond").First);
        var sendBox = page.Locator("[data-id='webchat-sendbox-input']");
        // A paste as the browser delivers it: a clipboard event on the send box, then the text in it.
        await sendBox.EvaluateAsync("""
            (box, text) => {
              const data = new DataTransfer();
              data.setData('text/plain', text);
              box.focus();
              box.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
            }
            """, PastedReply);
        await sendBox.FillAsync(PastedReply);
        await sendBox.PressAsync("Enter");
        await Expect(page.GetByText("Your reply is saved").First);

        await page.GetByRole(AriaRole.Button, new() { Name = "Respond to a prompt" }).Last.ClickAsync();
        await Expect(page.GetByText("Your turn to respond").Nth(1));
        await sendBox.FillAsync(TypedReply);
        await sendBox.PressAsync("Enter");
        await Expect(page.GetByText("Your reply is saved").Nth(1));

        var replies = new List<Core.Study.Reply>();
        await foreach (var reply in host.Get<IReplyStore>().ExportRepliesAsync()) replies.Add(reply);
        Assert.Equal(ExclusionReasons.Pasted, replies.Single(r => r.Text == PastedReply).ExcludedReason);
        Assert.True(replies.Single(r => r.Text == TypedReply).InPool);
        var checks = new List<ReplyCheck>();
        await foreach (var check in host.Get<IIntegrityStore>().ExportReplyChecksAsync()) checks.Add(check);
        Assert.Equal([true, false], checks.OrderBy(c => c.ReceivedAt).Select(c => c.Pasted));

        var human = (await host.Client.GetFromJsonAsync<JsonObject>("api/summary"))!["overall"]!["sources"]!["human"]!;
        Assert.Equal(1, (long)human["replies"]!);
        Assert.Equal(1, (long)human["excludedRepliesByReason"]!["pasted"]!);

        // Only the typed reply reaches a rater.
        var rater = new DirectLineClient(host.Client, "rater");
        await rater.StartAsync();
        await rater.SubmitAsync(BotActivity.Button(await rater.JoinAsync(), "I am 18 or older and agree"));
        Assert.Contains(TypedReply, BotActivity.Text(await rater.SayAsync("rate")));
    }

    private static Task Expect(ILocator locator) =>
        locator.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible, Timeout = 15_000 });
}
