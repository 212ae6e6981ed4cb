using EmpathyBot.Core.Ports;
using EmpathyBot.Storage;
using EmpathyBot.Core.Study;
using EmpathyBot.Core.Summary;
using EmpathyBot.Host.Tests.Infrastructure;
using EmpathyBot.Services.Summary;
using Microsoft.Playwright;

namespace EmpathyBot.Host.Tests.Browser;

/// <summary>
/// The standalone report (what <c>empathybot report</c> writes) opened from disk in Chromium with the network cut:
/// the inlined Vega libraries draw its charts from the study's data.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class ReportBrowserTests(ChromiumFixture chromium) : IAsyncLifetime
{
    private BotHost host = null!;

    public async Task InitializeAsync() => host = await BotHost.StartAsync();

    public Task DisposeAsync() => host.DisposeAsync().AsTask();

    [Fact]
    public async Task The_report_draws_its_forest_plots_and_feelings_check_charts_offline_from_the_studys_data()
    {
        var store = host.Get<IStudyStore>();
        var t0 = DateTimeOffset.UtcNow;
        await store.UpsertPromptsAsync(
        [
            new StudyPrompt("r-joy", "joyful", "I got a puppy.", "He is so tiny!", "report"),
            new StudyPrompt("r-sad", "sad", "My dog died.", "I miss him.", "report"),
        ]);
        foreach (var (id, prompt, source, values) in new[]
        {
            ("r-jh", "r-joy", Sources.Human, new[] { RatingValue.Good, RatingValue.Bad }),
            ("r-jg", "r-joy", "gpt", [RatingValue.Good, RatingValue.Good]),
            ("r-sh", "r-sad", Sources.Human, [RatingValue.Okay, RatingValue.Good]),
            ("r-sg", "r-sad", "gpt", [RatingValue.Bad, RatingValue.Bad]),
            ("r-sb", "r-sad", "baseline", [RatingValue.Good, RatingValue.Okay]),
        })
        {
            await store.AddReplyAsync(new Reply(id, prompt, source, "A reply.", null, t0));
            for (var i = 0; i < values.Length; i++) await store.AddRatingAsync(new Rating(id, $"rater-{i}", values[i], t0));
        }

        // A model's feelings check: two default and two evoked answers, so PA and NA change overall and on Anger.
        foreach (var (id, condition, emotion, pa, na) in new[] { ("a-d1", "default", "", 30, 12), ("a-d2", "default", "", 32, 14), ("a-e1", "evoked", "Anger", 20, 25), ("a-e2", "evoked", "Anger", 22, 27) })
        {
            await store.AddAppraisalAnswerAsync(new AppraisalAnswer(id, "gpt", null, condition, emotion, emotion.Length > 0 ? "Unfair" : "", null, null,
                new EmpathyBot.Core.Appraisal.PanasScore(pa, na), Enumerable.Repeat(3, 20).ToArray(), t0));
        }

        var summary = await host.Get<SummaryQuery>().BuildAsync(CancellationToken.None);
        var page = await OfflineReport.OpenAsync(chromium, summary, t0);

        var positive = page.Locator("[data-chart='forest-positive']");
        var negative = page.Locator("[data-chart='forest-negative']");
        await Assertions.Expect(positive).ToHaveAttributeAsync("data-rendered", "true");
        await Assertions.Expect(negative).ToHaveAttributeAsync("data-rendered", "true");
        await Assertions.Expect(positive.Locator("svg g.mark-symbol.role-mark path")).ToHaveCountAsync(1);
        await Assertions.Expect(negative.Locator("svg g.mark-symbol.role-mark path")).ToHaveCountAsync(2);
        var sad = await page.EvaluateAsync<string[]>(
            "() => window.EmpathyBotCharts.views['forest-negative'].data('points').map(p => p.model + ': ' + p.model_good + ' vs ' + p.people_good + ', ' + p.difference)");
        Assert.Equal(["baseline (non-AI): 1/2 vs 1/2, 0", "gpt: 0/2 vs 1/2, -0.5"], sad.Order(StringComparer.Ordinal));
        var appraisal = page.Locator("[data-chart='appraisal-pa']");
        await Assertions.Expect(appraisal).ToHaveAttributeAsync("data-rendered", "true");
        await Assertions.Expect(appraisal.Locator("svg g.mark-symbol.role-mark path")).ToHaveCountAsync(2);
        var change = await page.EvaluateAsync<string[]>("() => window.EmpathyBotCharts.views['appraisal-na'].data('points').map(p => p.emotion + ' ' + p.change)");
        Assert.Equal(["Anger 13", "Overall 13"], change.Order(StringComparer.Ordinal));
        await Assertions.Expect(page.Locator("#overall")).ToContainTextAsync("vs people");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "empathybot-report.png"), FullPage = true });
    }
}
