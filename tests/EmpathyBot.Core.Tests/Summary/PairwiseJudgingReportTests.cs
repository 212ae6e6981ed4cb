using EmpathyBot.Core.Summary;

namespace EmpathyBot.Core.Tests.Summary;

public class PairwiseJudgingReportTests
{
    [Fact]
    public void The_judge_table_shows_position_bias_order_consistency_and_pairwise_agreement()
    {
        var judges = new Dictionary<string, JudgeSummary>
        {
            ["judge-a"] = new(0, 0, 0, null, null, null, new Dictionary<string, double>(), null, null, null)
            {
                PositionBias = 0.75, OrderConsistency = 2.0 / 3, PairwiseAgreement = 0.5,
            },
            ["judge-b"] = new(3, 0, 3, 0.4, null, 0.5, new Dictionary<string, double>(), null, null, null),
        };
        var summary = SummaryBuilder.Build([], QualitySnapshot.Empty) with
        {
            Judging = new JudgingSummary(null, 0, judges, new Dictionary<string, JudgingEmotion>()),
        };

        var html = JudgingReport.Section(summary);

        Assert.Contains("<th>Position bias</th><th>Order consistency</th><th>Pairwise agreement</th>", html);
        Assert.Contains("<td class=\"position-bias\">75.0%</td><td class=\"order-consistency\">66.7%</td><td class=\"pairwise-agreement\">50.0%</td></tr>", html);
        // A judge never asked about pairs shows dashes, not zeros.
        Assert.Contains("<td class=\"position-bias\">–</td><td class=\"order-consistency\">–</td><td class=\"pairwise-agreement\">–</td></tr>", html);
    }
}
