using EmpathyBot.Core.Judging;
using EmpathyBot.Core.Study;
using EmpathyBot.Core.Summary;
using EmpathyBot.Host.Tests.Infrastructure;
using EmpathyBot.Services.Summary;
using EmpathyBot.Storage;
using Microsoft.Playwright;

namespace EmpathyBot.Host.Tests.Browser;

/// <summary>The report's judge section opened offline in Chromium: the kappa chart draws from the study's verdicts.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class JudgingReportBrowserTests(ChromiumFixture chromium) : IAsyncLifetime
{
    private BotHost host = null!;

    public async Task InitializeAsync() => host = await BotHost.StartAsync();

    public Task DisposeAsync() => host.DisposeAsync().AsTask();

    [Fact]
    public async Task The_report_shows_each_judges_kappa_against_the_people_ceiling_and_good_rates_by_source()
    {
        var store = host.Get<IStudyStore>();
        var t0 = DateTimeOffset.UtcNow;
        await store.UpsertPromptsAsync([new StudyPrompt("j-sad", "sad", "My dog died.", "I miss him.", "report")]);
        foreach (var (id, source, people, verdict) in new[]
        {
            ("j1", Sources.Human, new[] { RatingValue.Good, RatingValue.Good }, RatingValue.Good),
            ("j2", "gpt", [RatingValue.Bad, RatingValue.Okay], RatingValue.Bad),
            ("j3", "gpt", [RatingValue.Okay, RatingValue.Okay], RatingValue.Good),
            ("j4", "baseline", [RatingValue.Bad, RatingValue.Bad], RatingValue.Okay),
        })
        {
            await store.AddReplyAsync(new Reply(id, "j-sad", source, "A reply.", null, t0));
            for (var i = 0; i < people.Length; i++) await store.AddRatingAsync(new Rating(id, $"rater-{i}", people[i], t0));
            await store.AddVerdictAsync(new JudgeVerdict(id, "judge-a", 0, verdict, verdict.ToWire(), new string('a', 64), t0));
        }

        var summary = await host.Get<SummaryQuery>().BuildAsync(CancellationToken.None);
        var page = await OfflineReport.OpenAsync(chromium, summary, t0);

        var chart = page.Locator("[data-chart='judging-kappa']");
        await Assertions.Expect(chart).ToHaveAttributeAsync("data-rendered", "true");
        await Assertions.Expect(chart.Locator("svg g.mark-symbol.role-mark path")).ToHaveCountAsync(1);
        var kappa = summary.Judging!.Judges["judge-a"].Kappa!.Value;
        var drawn = await page.EvaluateAsync<double>("() => window.EmpathyBotCharts.views['judging-kappa'].data('judges')[0].kappa");
        Assert.Equal(kappa, drawn, 12);
        await Assertions.Expect(page.Locator("#judges tr[data-judge='judge-a']")).ToContainTextAsync("judge-a");
        await Assertions.Expect(page.Locator("#judging-good-rates tr[data-source='gpt']")).ToContainTextAsync("50.0%");
    }
}
