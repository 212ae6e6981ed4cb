using EmpathyBot.Channels.Tests.Slack;
using EmpathyBot.Host.Tests.Infrastructure;
using EmpathyBot.Host.Tests.Slack;

namespace EmpathyBot.Host.Tests.Protocol;

/// <summary>The same two-step protocol through the real host's Slack endpoints, with a fake Slack Web API on loopback.</summary>
public sealed class SlackProtocolTests : IAsyncLifetime
{
    private const string Secret = "protocol-signing-secret";

    private FakeSlackApi slack = null!;
    private BotHost host = null!;

    public async Task InitializeAsync()
    {
        slack = await FakeSlackApi.StartAsync();
        var settings = ProtocolStudySettings.TwoSteps();
        settings["Slack:SigningSecret"] = Secret;
        settings["Slack:BotToken"] = "xoxb-protocol";
        settings["Slack:ApiBaseUrl"] = slack.ApiBaseUrl;
        host = await BotHost.StartAsync(settings);
        await ProtocolStudySettings.SeedRepliesAsync(host);
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await slack.DisposeAsync();
    }

    [Fact]
    public async Task A_slack_participant_is_led_through_the_steps_refused_out_of_order_and_given_the_completion_link()
    {
        var ann = new SlackUser(host.Client, slack, Secret, "UANN", "DANN");
        var consent = (await ann.SayAsync("hi", "18 or older"))!;
        await ann.PressAsync(consent, "I am 18 or older and agree", "Step 1 of 2 · reply");

        Assert.Contains("Please continue here", SlackUser.Text((await ann.SayAsync("summary", "not the next step"))!));
        var rating = (await ann.SayAsync("That sounds really frightening; I'm glad you're safe.", "Step 2 of 2 · rating"))!;
        Assert.DoesNotContain("Summary", SlackUser.Buttons(rating).Select(b => b["text"]!["text"]!.GetValue<string>()));

        var done = await ann.PressAsync(rating, "Good", "Your completion code: " + ProtocolStudySettings.Code);
        var link = done.SelectMany(SlackUser.Buttons).Single(b => b["url"] is not null);
        Assert.Equal(ProtocolStudySettings.CompletionLink, link["url"]!.GetValue<string>());

        var row = (await ProtocolStudySettings.ExportParticipantsAsync(host)).Skip(1).Single().Split(',');
        Assert.Equal("slack", row[1]);
        Assert.NotEqual("", row[6]);
    }
}
