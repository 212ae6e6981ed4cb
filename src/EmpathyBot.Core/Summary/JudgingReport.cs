using System.Globalization;
using System.Net;
using System.Text;
using EmpathyBot.Core.Study;

namespace EmpathyBot.Core.Summary;

/// <summary>
/// The judge section of the dashboard and the report: each LLM judge's kappa with its interval against the
/// people-vs-people ceiling, per emotion, and Good rates by source as people and as each judge see them.
/// </summary>
public static class JudgingReport
{
    public static string Section(SummaryDocument summary)
    {
        if (summary.Judging is not { } judging) return "";
        var html = new StringBuilder("<h2>LLM judges against people</h2><p class=\"note\">Each judge rates the replies people rate, from what ")
            .Append("a rating card shows and never the source. κ is quadratic-weighted Cohen's kappa between each counted human rating and the judge's ")
            .Append("verdict on the same reply, with a 95% bootstrap interval over replies; the people-vs-people κ is the ceiling: ")
            .Append(Kappa(judging.HumanHumanKappa)).Append(" over ").Append(judging.HumanPairs.ToString("N0", CultureInfo.InvariantCulture))
            .Append(" pairs of two people's ratings of one reply. Judge verdicts never count as human ratings.</p>");
        if (judging.Judges.Count == 0) return html.Append("<p class=\"note\" id=\"judging-empty\">No judge verdicts yet.</p>").ToString();
        html.Append("<div class=\"scroll\">").Append(JudgeTable(judging)).Append("</div>")
            .Append("<p class=\"note\">On pairs people compared, each asked in both orders: position bias is the share of the judge's decisive ")
            .Append("choices that went to the reply shown first (50% is none), order consistency the share of pairs judged alike both ways, ")
            .Append("pairwise agreement the share of people's choices the judge matched.</p>");
        html.Append("<div class=\"scroll\">").Append(EmotionTable(judging)).Append("</div>");
        html.Append("<div class=\"scroll\">").Append(GoodRateTable(summary, judging)).Append("</div>");
        return html.ToString();
    }

    private static string JudgeTable(JudgingSummary judging)
    {
        var html = new StringBuilder("<table id=\"judges\"><thead><tr><th>Judge</th><th>Verdicts</th><th>Unparseable</th><th>Pairs</th>" +
            "<th>κ [95% CI]</th><th>People vs people κ</th><th>Exact agreement</th><th>Rank correlation (ρ)</th><th>Self-preference</th>" +
            "<th>Test-retest κ</th><th>Position bias</th><th>Order consistency</th><th>Pairwise agreement</th></tr></thead><tbody>");
        foreach (var (id, j) in judging.Judges)
        {
            html.Append("<tr data-judge=\"").Append(E(id)).Append("\"><td>").Append(E(id)).Append("</td>")
                .Append(Td(j.Ratings)).Append(Td(j.Unparseable)).Append(Td(j.Pairs))
                .Append("<td>").Append(Kappa(j.Kappa)).Append(j.KappaCi is [var lo, var hi] ? $" [{Kappa(lo)}, {Kappa(hi)}]" : "").Append("</td>")
                .Append("<td>").Append(Kappa(judging.HumanHumanKappa)).Append("</td>")
                .Append("<td>").Append(Percent(j.ExactAgreement)).Append("</td>")
                .Append("<td>").Append(Kappa(j.RankCorrelation)).Append("</td>")
                .Append("<td>").Append(j.SelfPreference is { } sp ? sp.ToString("+0.0%;-0.0%;0.0%", CultureInfo.InvariantCulture) : "–").Append("</td>")
                .Append("<td>").Append(Kappa(j.TestRetestKappa)).Append("</td>")
                .Append("<td class=\"position-bias\">").Append(Percent(j.PositionBias)).Append("</td>")
                .Append("<td class=\"order-consistency\">").Append(Percent(j.OrderConsistency)).Append("</td>")
                .Append("<td class=\"pairwise-agreement\">").Append(Percent(j.PairwiseAgreement)).Append("</td></tr>");
        }

        return html.Append("</tbody></table>").ToString();
    }

    private static string EmotionTable(JudgingSummary judging)
    {
        if (judging.Emotions.Count == 0) return "";
        var judges = judging.Judges.Keys.ToList();
        var html = new StringBuilder("<table id=\"judging-emotions\"><thead><tr><th>Emotion</th>");
        foreach (var j in judges) html.Append("<th>").Append(E(j)).Append(": κ (pairs)</th>");
        html.Append("</tr></thead><tbody>");
        foreach (var (label, e) in judging.Emotions)
        {
            html.Append("<tr data-emotion=\"").Append(E(label)).Append("\"><td>").Append(E(label)).Append("</td>");
            foreach (var j in judges)
            {
                html.Append("<td>").Append(e.Judges.TryGetValue(j, out var x)
                    ? $"{Kappa(x.Kappa)} ({x.Pairs.ToString(CultureInfo.InvariantCulture)})" : "–").Append("</td>");
            }

            html.Append("</tr>");
        }

        return html.Append("</tbody></table><p class=\"note\">Per-emotion κ is shown from 10 pairs up.</p>").ToString();
    }

    private static string GoodRateTable(SummaryDocument summary, JudgingSummary judging)
    {
        var sources = summary.Overall.Sources.Keys.Concat(judging.Judges.Values.SelectMany(j => j.GoodRates.Keys)).Distinct().ToList();
        var html = new StringBuilder("<table id=\"judging-good-rates\"><thead><tr><th>Source</th><th>People: Good rate</th>");
        foreach (var j in judging.Judges.Keys) html.Append("<th>").Append(E(j)).Append(": Good rate</th>");
        html.Append("</tr></thead><tbody>");
        foreach (var source in sources)
        {
            html.Append("<tr data-source=\"").Append(E(source)).Append("\"><td>").Append(E(Sources.DisplayName(source))).Append("</td><td>")
                .Append(Percent(summary.Overall.Sources.TryGetValue(source, out var s) ? s.GoodRate : null)).Append("</td>");
            foreach (var j in judging.Judges.Values) html.Append("<td>").Append(Percent(j.GoodRates.TryGetValue(source, out var r) ? r : null)).Append("</td>");
            html.Append("</tr>");
        }

        return html.Append("</tbody></table>").ToString();
    }

    private static string Kappa(double? value) => value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "–";

    private static string Percent(double? rate) => rate is { } r ? r.ToString("0.0%", CultureInfo.InvariantCulture) : "–";

    private static string Td(long value) => "<td>" + value.ToString(CultureInfo.InvariantCulture) + "</td>";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
