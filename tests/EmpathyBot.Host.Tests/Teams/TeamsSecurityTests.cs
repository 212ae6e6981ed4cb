using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Text;
using EmpathyBot.Channels.Tests.Slack;
using EmpathyBot.Channels.Tests.Teams;
using EmpathyBot.Channels.Work;
using EmpathyBot.Conversation;
using EmpathyBot.Conversation.Engine;
using EmpathyBot.Host.Tests.Infrastructure;
using EmpathyBot.Host.Tests.Slack;
using EmpathyBot.Core.Ports;

namespace EmpathyBot.Host.Tests.Teams;

/// <summary>What an anonymous caller of <c>POST /api/messages</c> can no longer do, tried against the real host over HTTP.</summary>
public sealed class TeamsSecurityTests
{
    [Fact]
    public async Task Without_a_Teams_configuration_the_endpoint_answers_503_and_runs_nothing()
    {
        await using var connector = await FakeConnector.StartAsync();
        await using var host = await BotHost.StartAsync();
        var chat = new TeamsChat(host.Client, connector, "29:alex", "a:alex");

        var response = await host.Client.PostAsJsonAsync("api/messages", chat.Activity("message", "forget me"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("Teams is not configured", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, host.Get<ConversationWorkQueue>().Pending);
        Assert.Empty(connector.Calls);
    }

    [Fact]
    public async Task A_forged_slack_channelId_cannot_reach_a_slack_participant()
    {
        const string secret = "e2e-signing-secret";
        await using var slack = await FakeSlackApi.StartAsync();
        await using var connector = await FakeConnector.StartAsync();
        var settings = TeamsChat.DevelopmentMode();
        settings["Slack:SigningSecret"] = secret;
        settings["Slack:BotToken"] = "xoxb-e2e";
        settings["Slack:ApiBaseUrl"] = slack.ApiBaseUrl;
        await using var host = await BotHost.StartAsync(settings);
        var slackUser = new SlackUser(host.Client, slack, secret, "UVICTIM", "DVICTIM");
        var consent = (await slackUser.SayAsync("hi", "Nothing is stored until you agree"))!;
        await slackUser.PressAsync(consent, "I am 18 or older and agree", "Thank you for taking part");
        var slackKey = host.Get<Participants>().KeyOf(new Turn("slack", "UVICTIM", "DVICTIM", TurnKind.Message, null));
        Assert.NotNull(await host.Get<IParticipantStore>().GetConsentAsync(slackKey));

        var attacker = new TeamsChat(host.Client, connector, "UVICTIM", "DVICTIM");
        var forged = attacker.Activity("message", "forget me");
        forged["channelId"] = "slack";
        var answer = (await attacker.SendAsync(forged)).Single();

        Assert.Contains("Nothing is stored about you", answer.Body["text"]!.GetValue<string>());
        Assert.NotNull(await host.Get<IParticipantStore>().GetConsentAsync(slackKey));
    }

    [Fact]
    public async Task In_the_development_mode_a_service_url_off_this_machine_or_not_http_is_refused_and_never_called()
    {
        var address = NonLoopbackAddress();
        await using var outside = await FakeConnector.StartAsync(address);
        await using var connector = await FakeConnector.StartAsync();
        await using var host = await BotHost.StartAsync(TeamsChat.DevelopmentMode());
        var chat = new TeamsChat(host.Client, connector, "29:alex", "a:alex");

        foreach (var serviceUrl in new[] { outside.ServiceUrl, "ftp://127.0.0.1/", "file:///etc/passwd" })
        {
            var activity = chat.Activity("message", "help");
            activity["serviceUrl"] = serviceUrl;
            var response = await host.Client.PostAsJsonAsync("api/messages", activity);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("serviceUrl", await response.Content.ReadAsStringAsync());
        }

        // Work of one conversation runs in order: once this answer is out, nothing before it is still pending.
        await chat.SayAsync("help");
        Assert.Empty(outside.Calls);
        Assert.Single(connector.Calls);
    }

    [Fact]
    public async Task A_300_KB_activity_gets_413_before_any_token_is_checked()
    {
        await using var keys = await SigningKeyServer.StartAsync();
        keys.AddChannelKey("k1", "msteams");
        await using var connector = await FakeConnector.StartAsync();
        await using var host = await BotHost.StartAsync(new Dictionary<string, string?>
        {
            ["Bot:MicrosoftAppId"] = "11111111-2222-3333-4444-555555555555",
            ["Bot:MicrosoftAppPassword"] = "secret",
            ["Bot:OpenIdMetadataUrl"] = keys.ChannelMetadataUrl,
            ["Bot:EmulatorOpenIdMetadataUrl"] = keys.EmulatorMetadataUrl,
        });
        var activity = new TeamsChat(host.Client, connector, "29:alex", "a:alex").Activity("message", new string('x', 300 * 1024));
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(activity.ToJsonString()));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        var response = await host.Client.PostAsync("api/messages", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, keys.JwksRequests);
        Assert.Equal(0, host.Get<ConversationWorkQueue>().Pending);
        Assert.Empty(connector.Calls);
    }

    /// <summary>An IPv4 address of this machine that is not loopback, so a real server can listen where the bot must not call.</summary>
    private static string NonLoopbackAddress()
    {
        var address = NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a));
        Assert.True(address is not null, "this test needs a network interface with a non-loopback IPv4 address");
        return address.ToString();
    }
}
