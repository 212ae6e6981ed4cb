using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net;
using System.Text.Json.Nodes;
using System.Text;
using EmpathyBot.Channels.Slack;
using EmpathyBot.Channels.Tests.Slack;
using EmpathyBot.Channels.Work;
using EmpathyBot.Host.Tests.Infrastructure;

namespace EmpathyBot.Host.Tests.Slack;

/// <summary>The study loop through the real host's Slack endpoints, with a fake Slack Web API on loopback.</summary>
public sealed class SlackFlowTests : IAsyncLifetime
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
    public async Task Consent_respond_reply_rate_good_summary_end_to_end()
    {
        var writer = new SlackUser(host.Client, slack, Secret, "UWRITER", "DWRITER");
        var watch = Stopwatch.StartNew();

        // A first direct message starts consent; nothing is stored before agreeing.
        var consent = (await writer.SayAsync("hi", "Nothing is stored until you agree"))!;
        var firstAnswer = watch.Elapsed;
        Assert.Equal("Bearer xoxb-e2e", consent.Authorization);
        var agreed = await writer.PressAsync(consent, "I am 18 or older and agree", "Thank you for taking part");
        Assert.All(agreed, c => Assert.DoesNotContain("I am 18 or older and agree", SlackUser.Buttons(c).Select(b => b["text"]!["text"]!.GetValue<string>())));

        await writer.CommandAsync("respond", "They say");
        const string reply = "That sounds really frightening. I'm glad you're safe & sound. Do you want to talk about it?";
        var saved = await writer.SayAsync(reply, "Your reply is saved", eventId: "EvReply");

        // Slack re-delivers the same event (as if our ack had been slow): it must not be handled twice. The
        // help that follows runs in order after it, so once help is answered the retry was dealt with.
        var mark = slack.Calls.Count;
        await writer.SayAsync(reply, expect: null, eventId: "EvReply", retry: 1);
        await writer.SayAsync("help", "Respond to a prompt");
        var afterRetry = slack.Calls.Skip(mark).Select(SlackUser.Text).ToList();
        Assert.DoesNotContain(afterRetry, t => t.Contains("Your reply is saved") || t.Contains("did not understand"));
        Assert.NotNull(saved);

        var rater = new SlackUser(host.Client, slack, Secret, "URATER", "DRATER");
        var raterConsent = (await rater.SayAsync("hello", "Nothing is stored until you agree"))!;
        await rater.PressAsync(raterConsent, "I am 18 or older and agree", "Thank you for taking part");
        // The pool also holds the baseline contender's replies (and, after a first rating, attention checks):
        // rate those Bad until the person's reply comes up.
        var card = await rater.CommandAsync("rate", "compared to how you would have responded");
        for (var other = 0; !SlackUser.Text(card).Contains(reply, StringComparison.Ordinal); other++)
        {
            Assert.True(other < 20, "the person's reply never came up for rating");
            await rater.PressAsync(card, "Bad", "you rated this reply Bad");
            card = await rater.CommandAsync("rate", "compared to how you would have responded");
        }

        Assert.Equal(["Good", "Okay", "Bad"], SlackUser.Buttons(card).Select(b => b["text"]!["text"]!.GetValue<string>()));
        // Neutral buttons: no primary (green) Good or danger (red) Bad in Block Kit.
        Assert.All(SlackUser.Buttons(card), b => Assert.Null(b["style"]));

        var rated = await rater.PressAsync(card, "Good", "you rated this reply Good");
        var replaced = Assert.Single(rated, c => c.Path.StartsWith("/respond/", StringComparison.Ordinal));
        Assert.True(replaced.Body["replace_original"]!.GetValue<bool>());
        Assert.DoesNotContain(SlackUser.Buttons(replaced), b => b["text"]!["text"]!.GetValue<string>() is "Good" or "Okay" or "Bad");

        // A stale copy of the card pressed again changes nothing.
        await rater.PressAsync(card, "Good", "already rated this reply");

        var summaryMessage = await rater.CommandAsync("summary", "People");
        Assert.Contains("100%", SlackUser.Text(summaryMessage));

        var summary = await host.Client.GetFromJsonAsync<JsonObject>("api/summary");
        var human = summary!["overall"]!["sources"]!["human"]!;
        Assert.Equal(1, (int)human["replies"]!);
        Assert.Equal(1, (int)human["ratings"]!);
        Assert.Equal(1, (int)human["good"]!);
        Assert.True(firstAnswer < TimeSpan.FromSeconds(3), $"first answer took {firstAnswer}");
        Assert.All(slack.Calls.Where(c => c.Path.StartsWith("/api/", StringComparison.Ordinal)), c => Assert.Equal("/api/chat.postMessage", c.Path));
    }

    [Fact]
    public async Task Unsigned_requests_are_refused_by_the_real_host()
    {
        var response = await host.Client.PostAsync("api/slack/events", JsonContent.Create(new { type = "url_verification", challenge = "c" }));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(slack.Calls);
    }

    // A captured, correctly signed request sent again within the signature's 5 minutes runs once.
    [Fact]
    public async Task A_replayed_slash_command_runs_once()
    {
        var user = new SlackUser(host.Client, slack, Secret, "UREPLAY", Dm);
        var consent = (await user.SayAsync("hi", "Nothing is stored until you agree"))!;
        await user.PressAsync(consent, "I am 18 or older and agree", "Thank you for taking part");
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
        var menu = await user.PressAsync(consent, "I am 18 or older and agree", "Thank you for taking part");
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
