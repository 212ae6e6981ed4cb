using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EmpathyBot.Channels.DirectLine;
using EmpathyBot.Conversation.Engine;
using EmpathyBot.Core.Ports;
using EmpathyBot.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EmpathyBot.Host.Tests.Summary;

/// <summary>
/// Study:ShowResults through the real host: what the web chat page is told about its links to the dashboard, and
/// what a participant gets for "summary" over Direct Line. The researcher's dashboard stays behind its access key.
/// </summary>
public sealed class ShowResultsTests
{
    private const string Key = "researcher-key";

    private static Task<BotHost> StartAsync(string? showResults)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Contenders:0:Enabled"] = "false",
            ["Study:ParticipantSecret"] = "results-secret",
            ["Dashboard:AccessKey"] = Key,
        };
        if (showResults is not null) settings["Study:ShowResults"] = showResults;
        return BotHost.StartAsync(settings);
    }

    private static async Task<JsonObject> TokenAsync(BotHost host, string? resume = null)
    {
        var response = await host.Client.PostAsync("webchat/token" + (resume is null ? "" : "?resume=" + Uri.EscapeDataString(resume)), null);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static async Task<string> SummaryAnswerAsync(BotHost host)
    {
        var client = new DirectLineClient(host.Client, "asker");
        await client.StartAsync();
        await client.SubmitAsync(BotActivity.Button(await client.JoinAsync(), "I am 18 or older and agree"));
        return BotActivity.Text(await client.SayAsync("summary"));
    }

    [Fact]
    public async Task Always_is_the_default_the_page_shows_its_links_and_chat_answers_summary()
    {
        await using var host = await StartAsync(showResults: null);

        Assert.True((bool)(await TokenAsync(host))["showResults"]!);
        Assert.Contains("No ratings yet", await SummaryAnswerAsync(host));
    }

    [Fact]
    public async Task Never_hides_the_links_refuses_the_summary_and_keeps_the_dashboard_for_the_key_holder()
    {
        await using var host = await StartAsync("never");

        Assert.False((bool)(await TokenAsync(host))["showResults"]!);
        var answer = await SummaryAnswerAsync(host);
        Assert.Contains("Results are not shown during this study.", answer);
        Assert.DoesNotContain("No ratings yet", answer);

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await host.Client.GetAsync("api/summary")).StatusCode);
        Assert.True((await host.Client.GetAsync($"api/summary?key={Key}")).IsSuccessStatusCode);
    }

    [Fact]
    public async Task After_completion_shows_the_links_only_to_a_participant_who_completed()
    {
        await using var host = await StartAsync("afterCompletion");

        var first = await TokenAsync(host);
        Assert.False((bool)first["showResults"]!);
        Assert.Contains("Results are shown once you have completed the study.", await SummaryAnswerAsync(host));

        // The same participant comes back (resume) after completing the study, as the protocol records it.
        var participant = host.Get<Participants>().KeyOf(DirectLineBot.Channel, (string)first["userId"]!);
        await host.Get<IParticipantStore>().RecordConsentAsync(participant, DateTimeOffset.UtcNow);
        await host.Get<IParticipantRecordStore>().RecordCompletionAsync(participant, DateTimeOffset.UtcNow, "DONE");
        var back = await TokenAsync(host, (string)first["resume"]!);
        Assert.Equal((string)first["userId"]!, (string)back["userId"]!);
        Assert.True((bool)back["showResults"]!);
        Assert.False((bool)(await TokenAsync(host))["showResults"]!);
    }

    [Theory]
    [InlineData("never")]
    [InlineData("afterCompletion")]
    public async Task Withholding_results_while_the_dashboard_is_public_stops_the_host_naming_both_settings(string showResults)
    {
        var directory = Directory.CreateTempSubdirectory("empathybot-results-").FullName;
        try
        {
            var error = await Assert.ThrowsAsync<OptionsValidationException>(async () =>
            {
                await using var host = await BotHost.StartAsync(new Dictionary<string, string?> { ["Study:ShowResults"] = showResults }, dataDirectory: directory);
            });
            Assert.Contains("Study:ShowResults", error.Message);
            Assert.Contains("Dashboard:AccessKey", error.Message);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }
}
