using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EmpathyBot.Core.Appraisal;
using EmpathyBot.Core.Study;
using EmpathyBot.Host.Tests.Infrastructure;
using EmpathyBot.Core.Ports;
using EmpathyBot.Storage;

namespace EmpathyBot.Host.Tests.Summary;

/// <summary>
/// Privacy:MinGroupSize over real HTTP: people's appraisal and quiz figures stay withheld in /api/summary and in every
/// live snapshot until that many distinct people answered, and then appear only as aggregates.
/// </summary>
public sealed class PrivacyThresholdTests : IAsyncLifetime
{
    private const int MinGroupSize = 3;
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private BotHost host = null!;
    private IStudyStore store = null!;
    private int ratings;

    public async Task InitializeAsync()
    {
        host = await BotHost.StartAsync(new Dictionary<string, string?> { ["Privacy:MinGroupSize"] = MinGroupSize.ToString() });
        store = host.Get<IStudyStore>();
        await store.UpsertPromptsAsync([new StudyPrompt("pv", "sad", "My cat died.", "I miss her.", "test")]);
        await store.AddReplyAsync(new Reply("pv-g", "pv", "gpt", "I am so sorry.", null, T0));
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    /// <summary>A person's feelings check: default PA/NA, then evoked PA/NA in one situation group.</summary>
    private async Task FeelingsCheckAsync(string participant, int pa, int na, int evokedPa, int evokedNa)
    {
        var id = Guid.NewGuid().ToString("N");
        await store.AddAppraisalAnswerAsync(Answer("d" + id, participant, AppraisalConditions.Default, "", "", pa, na));
        await store.AddAppraisalAnswerAsync(Answer("e" + id, participant, AppraisalConditions.Evoked, "Anger", "Unfair", evokedPa, evokedNa));
    }

    private static AppraisalAnswer Answer(string id, string participant, string condition, string emotion, string factor, int pa, int na) =>
        new(id, Sources.Human, participant, condition, emotion, factor, emotion.Length > 0 ? "core" : null, emotion.Length > 0 ? "s1" : null,
            new PanasScore(pa, na), Enumerable.Repeat(3, 20).ToArray(), T0);

    /// <summary>A rating makes the stream push a fresh snapshot; returns the one that counts it.</summary>
    private async Task<JsonObject> NextSnapshotAsync(StreamReader reader, CancellationToken ct)
    {
        ratings++;
        await host.Get<IRatingStore>().AddRatingAsync(new Rating("pv-g", $"rater{ratings}", RatingValue.Good, T0));
        while (true)
        {
            var snapshot = await SummaryStream.NextAsync(reader, ct);
            if ((int?)snapshot["summary"]!["overall"]!["sources"]!["gpt"]?["ratings"] == ratings) return snapshot;
        }
    }

    private static JsonNode People(JsonObject summary) => summary["appraisal"]!["sources"]!["human"]!;

    [Fact]
    public async Task Peoples_appraisal_is_withheld_in_the_api_and_every_snapshot_until_enough_people_then_shown_as_aggregates()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var response = await host.Client.GetAsync("api/summary/stream", HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        await SummaryStream.NextAsync(reader, timeout.Token);

        // Two people, one of them twice: three answers, but fewer than three people.
        await FeelingsCheckAsync("p1", pa: 41, na: 11, evokedPa: 17, evokedNa: 37);
        var first = await NextSnapshotAsync(reader, timeout.Token);
        await FeelingsCheckAsync("p2", pa: 23, na: 19, evokedPa: 29, evokedNa: 13);
        await FeelingsCheckAsync("p1", pa: 43, na: 12, evokedPa: 18, evokedNa: 38);
        var second = await NextSnapshotAsync(reader, timeout.Token);
        var api = (await host.Client.GetFromJsonAsync<JsonObject>("api/summary", timeout.Token))!;

        foreach (var summary in new[] { first["summary"]!.AsObject(), second["summary"]!.AsObject(), api })
        {
            var people = People(summary);
            Assert.Equal(MinGroupSize, (int)summary["appraisal"]!["minGroupSize"]!);
            Assert.True((bool)people["default"]!["withheld"]!);
            Assert.Null(people["default"]!["paMean"]);
            Assert.Null(people["default"]!["naSd"]);
            foreach (var change in new[] { people["overall"]!, people["emotions"]!["Anger"]!["change"]!, people["emotions"]!["Anger"]!["factors"]!["Unfair"]! })
            {
                Assert.True((bool)change["withheld"]!);
                Assert.Null(change["paChange"]);
                Assert.Null(change["naChange"]);
            }
        }

        // The pushed page says so and shows none of the two people's numbers.
        var html = (string)second["html"]!;
        Assert.Contains("withheld (fewer than 3 people)", html);
        Assert.DoesNotContain("-24.00", html);

        // The third person completes the group: from now on people's figures are aggregates of everyone.
        await FeelingsCheckAsync("p3", pa: 30, na: 15, evokedPa: 24, evokedNa: 30);
        var third = await NextSnapshotAsync(reader, timeout.Token);
        var shown = People(third["summary"]!.AsObject());
        Assert.False((bool)shown["default"]!["withheld"]!);
        Assert.Equal(4, (int)shown["default"]!["n"]!);
        Assert.Equal((41 + 23 + 43 + 30) / 4.0, (double)shown["default"]!["paMean"]!, 9);
        Assert.Equal((17 + 29 + 18 + 24) / 4.0 - (41 + 23 + 43 + 30) / 4.0, (double)shown["overall"]!["paChange"]!, 9);
        Assert.False((bool)shown["overall"]!["withheld"]!);
        var apiAfter = People((await host.Client.GetFromJsonAsync<JsonObject>("api/summary", timeout.Token))!);
        Assert.Equal((double)shown["default"]!["paMean"]!, (double)apiAfter["default"]!["paMean"]!);

        // A fourth and fifth person change nothing that is shown, so no snapshot isolates them; the sixth completes
        // the next step of three, and the figures move to everyone's aggregate.
        await FeelingsCheckAsync("p4", pa: 11, na: 44, evokedPa: 49, evokedNa: 10);
        var fourth = People((await NextSnapshotAsync(reader, timeout.Token))["summary"]!.AsObject());
        await FeelingsCheckAsync("p5", pa: 12, na: 45, evokedPa: 48, evokedNa: 11);
        var fifth = People((await NextSnapshotAsync(reader, timeout.Token))["summary"]!.AsObject());
        foreach (var unchanged in new[] { fourth, fifth })
        {
            Assert.Equal(shown["default"]!.ToJsonString(), unchanged["default"]!.ToJsonString());
            Assert.Equal(shown["overall"]!.ToJsonString(), unchanged["overall"]!.ToJsonString());
        }

        await FeelingsCheckAsync("p6", pa: 13, na: 46, evokedPa: 47, evokedNa: 12);
        var sixth = People((await NextSnapshotAsync(reader, timeout.Token))["summary"]!.AsObject());
        Assert.Equal(7, (int)sixth["default"]!["n"]!);
        Assert.Equal((41 + 23 + 43 + 30 + 11 + 12 + 13) / 7.0, (double)sixth["default"]!["paMean"]!, 9);

        // A withdrawal hides people's figures (they may hold the withdrawn answers) until three more people answered.
        await host.Get<IParticipantStore>().ForgetAsync("p6");
        var afterWithdrawal = People((await NextSnapshotAsync(reader, timeout.Token))["summary"]!.AsObject());
        Assert.True((bool)afterWithdrawal["default"]!["withheld"]!);
        Assert.Null(afterWithdrawal["default"]!["paMean"]);
        Assert.True((bool)afterWithdrawal["emotions"]!["Anger"]!["factors"]!["Unfair"]!["withheld"]!);
        Assert.Null(afterWithdrawal["emotions"]!["Anger"]!["change"]!["paChange"]);
    }

    [Fact]
    public async Task Peoples_quiz_figures_are_withheld_until_enough_people_took_the_set()
    {
        async Task QuizAsync(string participant, double score) =>
            await store.AddUnderstandingTestAsync(new UnderstandingTest(Guid.NewGuid().ToString("N"), Sources.Human, participant, "allocation", 3, score, T0));

        await QuizAsync("q1", 1.0);
        await QuizAsync("q2", 2.0);
        await QuizAsync("q2", 2.5);
        var before = (await host.Client.GetFromJsonAsync<JsonObject>("api/summary"))!["understanding"]!;
        Assert.Equal(MinGroupSize, (int)before["minGroupSize"]!);
        var withheld = before["sets"]!["allocation"]!["humans"]!;
        Assert.Equal((3, 2, true), ((int)withheld["n"]!, (int)withheld["people"]!, (bool)withheld["withheld"]!));
        Assert.Null(withheld["mean"]);
        Assert.Null(withheld["sd"]);

        await QuizAsync("q3", 3.0);
        var shown = (await host.Client.GetFromJsonAsync<JsonObject>("api/summary"))!["understanding"]!["sets"]!["allocation"]!["humans"]!;
        Assert.False((bool)shown["withheld"]!);
        Assert.Equal((1.0 + 2.0 + 2.5 + 3.0) / 4, (double)shown["mean"]!, 9);
    }
}
