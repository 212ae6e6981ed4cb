using System.Net;
using EmpathyBot.Host.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace EmpathyBot.Host.Tests.DirectLine;

/// <summary>The store keeps a bounded number of conversations; the bounds are checked when the host starts.</summary>
public sealed class ConversationBoundsTests
{
    [Fact]
    public async Task Beyond_MaxConversations_a_new_conversation_gets_503_and_the_open_ones_go_on()
    {
        await using var host = await BotHost.StartAsync(new Dictionary<string, string?>
        {
            ["DirectLine:MaxConversations"] = "2",
            ["Contenders:0:Enabled"] = "false",
        });
        var first = new DirectLineClient(host.Client, "first");
        await first.StartAsync();
        var second = new DirectLineClient(host.Client, "second");
        await second.StartAsync();

        var third = new DirectLineClient(host.Client, "third");
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => third.StartAsync());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Contains("Welcome to EmpathyBot", BotActivity.Text(await first.JoinAsync()));
    }

    [Fact]
    public async Task A_per_conversation_size_below_one_activity_stops_the_host_with_the_setting_named()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => BotHost.StartAsync(new Dictionary<string, string?>
        {
            ["DirectLine:MaxConversationBytes"] = "1000",
        }));

        Assert.Contains("DirectLine:MaxConversationBytes", error.Message);
    }
}
