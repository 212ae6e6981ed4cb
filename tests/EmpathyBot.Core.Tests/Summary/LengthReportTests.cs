using EmpathyBot.Core.Summary;
using EmpathyBot.Core.Tests.Statistics;

namespace EmpathyBot.Core.Tests.Summary;

public sealed class LengthReportTests
{
    private static SummaryDocument Study((string Source, long Words, long Good, long Other)[] data)
    {
        var cells = LengthModelData.Cells(data);
        var rows = cells.GroupBy(c => (c.Emotion, c.Source)).Select(g =>
        {
            long good = g.Sum(c => c.Good), other = g.Sum(c => c.Other);
            return new CounterRow(g.Key.Emotion, g.Key.Source, new SourceCounts(g.Count(), good + other, good, other, 0));
        });
        return SummaryBuilder.Build(rows, QualitySnapshot.Empty with { Lengths = cells });
    }

    [Fact]
    public void The_overall_table_shows_each_models_same_length_odds_ratio_next_to_the_raw_change()
    {
        // Golden/length_model.py "ties_small": model 0.5786 [0.0625, 5.354], words 1.752 [0.557, 5.515] over 18 ratings.
        var html = SummaryReport.Body(Study(LengthModelData.TiesSmall), DateTimeOffset.UnixEpoch);

        var row = html[html.IndexOf("<tr data-source=\"model\">", StringComparison.Ordinal)..];
        row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
        Assert.Contains("</td><td class=\"length-adjusted\">0.58 [0.06, 5.35]</td>", row);
        Assert.Contains("<td class=\"length-adjusted\">–</td>", html[html.IndexOf("<tr data-source=\"human\">", StringComparison.Ordinal)..]);
        Assert.True(html.IndexOf("vs people", StringComparison.Ordinal) < html.IndexOf("Same length: odds ratio", StringComparison.Ordinal));
        Assert.Contains("id=\"length-model\" data-status=\"fitted\"", html);
        Assert.Contains("over 18 ratings", html);
        Assert.Contains("<b data-fact=\"words-odds-ratio\">1.75</b> [0.56, 5.52]", html);
    }

    [Fact]
    public void Without_an_estimate_the_report_says_why_instead_of_a_number()
    {
        var data = LengthModelData.TiesSmall.Append(("copycat", 30L, 3L, 0L)).ToArray();

        var html = SummaryReport.Body(Study(data), DateTimeOffset.UnixEpoch);

        Assert.Contains("id=\"length-model\" data-status=\"separation\">No length-adjusted comparison: Of the 3 counted ratings of &#39;copycat&#39;, every one is Good", html);
        Assert.DoesNotContain("words-odds-ratio", html);
        Assert.DoesNotContain("<td class=\"length-adjusted\">0", html);
    }
}
