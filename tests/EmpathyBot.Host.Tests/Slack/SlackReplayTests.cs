using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using EmpathyBot.Channels.Slack;
using EmpathyBot.Channels.Work;
using EmpathyBot.Channels.Tests.Slack;
using EmpathyBot.Host.Tests.Infrastructure;

namespace EmpathyBot.Host.Tests.Slack;

/// <summary>A captured, correctly signed Slack request sent again within the signature's 5 minutes runs once, on the real host.</summary>
public sealed class SlackReplayTests : IAsyncLifetime
{
    private const string Secret = "e2e-signing-secret";
    private const string Dm = "DREPLAY";

    private FakeSlackApi slack = null!;
    private BotHost host = null!;

    public async Task InitializeAsync()
    {
        slack = await FakeSlackApi.StartAsync();
        host = await BotHost.StartAsync(new Dictionary<string, string?>
        {
            ["Slack:SigningSecret"] = Secret,
            ["Slack:BotToken"] = "xoxb-e2e",
            ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl,
        });
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await slack.DisposeAsync();
    }

    [Fact]
    public async Task A_replayed_slash_command_runs_once()
    {
        var user = new SlackUser(host.Client, slack, Secret, "UREPLAY", Dm);
        var consent = (await user.SayAsync("hi", "Nothing is stored until you agree"))!;
        await user.PressAsync(consent, "I agree", "Thank you for taking part");
        var command = await new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["command"] = "/empathy", ["text"] = "respond", ["user_id"] = "UREPLAY", ["channel_id"] = Dm, ["trigger_id"] = "t-replay",
        }).ReadAsStringAsync();
        var mark = slack.Calls.Count;

        var first = await SendSignedAsync(SlackEndpoints.CommandsPath, command, "1");
        var replay = await SendSignedAsync(SlackEndpoints.CommandsPath, command, "1");
        await IdleAsync();

        Assert.Equal(HttpStatusCode.OK, first);
        Assert.Equal(HttpStatusCode.OK, replay);
        Assert.Single(slack.Calls.Skip(mark), c => SlackUser.Text(c).Contains("They say", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_replayed_button_press_runs_once()
    {
        var user = new SlackUser(host.Client, slack, Secret, "UPRESS", "DPRESS");
        var consent = (await user.SayAsync("hi", "Nothing is stored until you agree"))!;
        var menu = await user.PressAsync(consent, "I agree", "Thank you for taking part");
        var respond = menu.SelectMany(SlackUser.Buttons).First(b => b["text"]!["text"]!.GetValue<string>() == "Respond to a prompt");
        var payload = new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = new JsonObject { ["id"] = "UPRESS" },
            ["channel"] = new JsonObject { ["id"] = "DPRESS" },
            ["actions"] = new JsonArray(new JsonObject { ["action_id"] = respond["action_id"]!.GetValue<string>(), ["value"] = respond["value"]!.GetValue<string>() }),
        };
        var press = await new FormUrlEncodedContent(new Dictionary<string, string> { ["payload"] = payload.ToJsonString() }).ReadAsStringAsync();
        var mark = slack.Calls.Count;

        Assert.Equal(HttpStatusCode.OK, await SendSignedAsync(SlackEndpoints.InteractionsPath, press, "1"));
        Assert.Equal(HttpStatusCode.OK, await SendSignedAsync(SlackEndpoints.InteractionsPath, press, "1"));
        await IdleAsync();

        Assert.Single(slack.Calls.Skip(mark), c => SlackUser.Text(c).Contains("They say", StringComparison.Ordinal));
    }

    /// <summary>Both requests were accepted before this is called, so idle means both were handled (run or dropped).</summary>
    private Task IdleAsync() => host.Get<ConversationWorkQueue>().WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(15));

    /// <summary>Sends <paramref name="body"/> signed with a timestamp fixed per <paramref name="capture"/>, so two calls send byte-identical requests.</summary>
    private async Task<HttpStatusCode> SendSignedAsync(string path, string body, string capture)
    {
        timestamps.TryAdd(capture, DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        var ts = timestamps[capture];
        var bytes = Encoding.UTF8.GetBytes(body);
        using var request = new HttpRequestMessage(HttpMethod.Post, path.TrimStart('/')) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        request.Headers.Add(SlackSignatureVerifier.TimestampHeader, ts);
        request.Headers.Add(SlackSignatureVerifier.SignatureHeader, SlackSignatureVerifier.Sign(Secret, ts, bytes));
        using var response = await host.Client.SendAsync(request);
        return response.StatusCode;
    }

    private readonly Dictionary<string, string> timestamps = [];
}
