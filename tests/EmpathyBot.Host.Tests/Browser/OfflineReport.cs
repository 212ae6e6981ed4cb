using EmpathyBot.Core.Summary;
using Microsoft.Playwright;

namespace EmpathyBot.Host.Tests.Browser;

/// <summary>
/// The standalone report (what <c>empathybot report</c> writes) of a summary, written to a temporary file and opened from
/// disk in Chromium with the network cut, so its charts can only draw from the inlined libraries and data. The file goes
/// once the page has loaded it: everything the report needs is inside it.
/// </summary>
public static class OfflineReport
{
    public static async Task<IPage> OpenAsync(ChromiumFixture chromium, SummaryDocument summary, DateTimeOffset generated)
    {
        var libraries = ChartLibraries.Load(Path.Combine(AppContext.BaseDirectory, "wwwroot", "lib"));
        Assert.True(libraries is not null, "The charting libraries were not fetched at build time (is npm on PATH?).");
        var directory = Directory.CreateTempSubdirectory("empathybot-report-");
        try
        {
            var file = Path.Combine(directory.FullName, "report.html");
            await File.WriteAllTextAsync(file, SummaryReport.Page(summary, generated, libraries));

            var page = await chromium.NewPageAsync(width: 1280);
            await page.Context.SetOfflineAsync(true);
            await page.Context.RouteAsync("**/*", route => route.Request.Url.StartsWith("file:", StringComparison.Ordinal) ? route.ContinueAsync() : route.AbortAsync());
            await page.GotoAsync(new Uri(file).AbsoluteUri);
            return page;
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
