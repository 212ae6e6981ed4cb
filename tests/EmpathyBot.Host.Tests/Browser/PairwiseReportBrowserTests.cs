using EmpathyBot.Core.Interchange;
using EmpathyBot.Core.Ports;
using EmpathyBot.Core.Study;
using EmpathyBot.Core.Summary;
using EmpathyBot.Host.Tests.Infrastructure;
using EmpathyBot.Services.Summary;
using Microsoft.Playwright;

namespace EmpathyBot.Host.Tests.Browser;

/// <summary>The standalone report, offline in Chromium, draws the pairwise ratings with their intervals, raw and style-controlled.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class PairwiseReportBrowserTests(ChromiumFixture chromium) : IAsyncLifetime
{
    private BotHost host = null!;

    public async Task InitializeAsync() => host = await BotHost.StartAsync();

    public Task DisposeAsync() => host.DisposeAsync().AsTask();

    private static string Words(int n) => string.Join(' ', Enumerable.Repeat("so", n));

    [Fact]
    public async Task The_report_draws_raw_and_style_controlled_ratings_with_intervals_and_the_win_rate_matrix()
    {
        var rows = new (string A, int WordsA, string B, int WordsB, BattleWinner Winner)[]
        {
            ("human", 5, "gpt", 9, BattleWinner.A), ("human", 9, "gpt", 5, BattleWinner.B), ("human", 5, "gpt", 5, BattleWinner.Tie),
            ("human", 5, "gpt", 6, BattleWinner.B), ("human", 8, "baseline", 4, BattleWinner.A), ("human", 4, "baseline", 6, BattleWinner.B),
            ("human", 5, "baseline", 5, BattleWinner.BothBad), ("gpt", 7, "baseline", 3, BattleWinner.A), ("gpt", 3, "baseline", 4, BattleWinner.B),
            ("gpt", 5, "baseline", 6, BattleWinner.Tie),
        }.Select((r, i) => new BattleRow($"q{i}", "sad", "", "I lost my job.", r.A, $"{r.A}-{i}", Words(r.WordsA), r.B, $"{r.B}-{i}", Words(r.WordsB), $"rater{i}", r.Winner)).ToList();
        await host.Get<IBattleStore>().ImportBattlesAsync(rows, "report");

        var summary = await host.Get<SummaryQuery>().BuildAsync(CancellationToken.None);
        Assert.Null(summary.Pairwise!.Reason);
        Assert.Null(summary.Pairwise.StyleControlledReason);
        var page = await OfflineReport.OpenAsync(chromium, summary, DateTimeOffset.UtcNow);

        var chart = page.Locator("[data-chart='pairwise-ratings']");
        await Assertions.Expect(chart).ToHaveAttributeAsync("data-rendered", "true");
        // Three sources, each with a raw and a style-controlled point and interval.
        await Assertions.Expect(chart.Locator("svg g.mark-symbol.role-mark path")).ToHaveCountAsync(6);
        await Assertions.Expect(chart.Locator("svg g.mark-rule.role-mark line")).ToHaveCountAsync(7);
        await Assertions.Expect(page.Locator("#pairwise tr[data-source='human']")).ToContainTextAsync("1000 [1000, 1000]");
        await Assertions.Expect(page.Locator("#win-rates tr[data-source='gpt']")).ToContainTextAsync("%");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "empathybot-pairwise-report.png"), FullPage = true });
    }
}
