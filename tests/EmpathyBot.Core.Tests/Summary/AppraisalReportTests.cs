using EmpathyBot.Core.Summary;

namespace EmpathyBot.Core.Tests.Summary;

public sealed class AppraisalReportTests
{
    private static AppraisalChange Change(double pa, double na, string paMark, string naMark, double? p = 0.004) =>
        new(12, pa, na, p, p, paMark, naMark);

    [Fact]
    public void The_table_shows_changes_with_marks_per_source_and_emotion()
    {
        var summary = new AppraisalSummary(0.01, new Dictionary<string, AppraisalSourceSummary>
        {
            ["human"] = new(new AppraisalGroup(20, 30, 5, 15, 4),
                Change(-5.13, 10.44, "down", "up"),
                new Dictionary<string, AppraisalEmotionSummary>
                {
                    ["Anger"] = new(Change(-4.83, 9.9, "down", "up", 0.0004), new Dictionary<string, AppraisalChange>()),
                }),
            ["gpt <4>"] = new(new AppraisalGroup(5, 31, 2, 12, 1), Change(-1, 2, "none", "none", null), new Dictionary<string, AppraisalEmotionSummary>()),
        });

        var html = AppraisalReport.Section(summary);

        Assert.Contains("<table id=\"appraisal\">", html);
        Assert.Contains("<td>Overall</td><td>12</td><td>-5.13 ▼</td><td>0.004</td><td>+10.44 ▲</td>", html);
        Assert.Contains("data-emotion=\"Anger\"", html);
        Assert.Contains("<td>-4.83 ▼</td><td>&lt;0.001</td>", html);
        Assert.Contains("gpt &lt;4&gt;", html);
        Assert.Contains("<td>-1.00</td><td>–</td>", html);
    }

    [Fact]
    public void No_appraisal_data_renders_nothing()
    {
        Assert.Equal("", AppraisalReport.Section(null));
        Assert.Equal("", AppraisalReport.Section(new AppraisalSummary(0.01, new Dictionary<string, AppraisalSourceSummary>())));
    }

    [Fact]
    public void Withheld_groups_say_so_instead_of_showing_figures()
    {
        var withheld = new AppraisalChange(0, null, null, null, null, "none", "none") { Withheld = true };
        var summary = new AppraisalSummary(0.01, new Dictionary<string, AppraisalSourceSummary>
        {
            ["human"] = new(new AppraisalGroup(0, null, null, null, null) { Withheld = true }, withheld,
                new Dictionary<string, AppraisalEmotionSummary> { ["Anger"] = new(withheld, new Dictionary<string, AppraisalChange>()) }),
        }) { MinGroupSize = 5 };

        var html = AppraisalReport.Section(summary);

        Assert.Contains("default: fewer than 5 people", html);
        Assert.Contains("<td>Overall</td><td>withheld (fewer than 5 people)</td><td>–</td>", html);
        Assert.Contains("groups of fewer than 5 people are withheld", html);
    }
}
