using System.Globalization;
using System.Net;
using System.Text;
using EmpathyBot.Core.Study;

namespace EmpathyBot.Core.Summary;

/// <summary>The dashboard's appraisal table: per source, PA and NA change (evoked minus default) per emotion and overall.</summary>
public static class AppraisalReport
{
    public static string Section(AppraisalSummary? summary)
    {
        if (summary is null || summary.Sources.Count == 0) return "";
        var html = new StringBuilder("<h2>Emotion appraisal (PANAS)</h2><p class=\"note\">Change of positive (PA) and negative (NA) affect " +
            "after imagining a situation, evoked minus default, as EmotionBench reports it. ▲/▼: significant at alpha ")
            .Append(summary.Alpha.ToString("0.###", CultureInfo.InvariantCulture))
            .Append(" (F test on the variances chooses Student or Welch t).")
            .Append(summary.MinGroupSize > 1 ? $" People's groups of fewer than {summary.MinGroupSize} people are withheld and left out of every figure." : "")
            .Append("</p>");
        html.Append("<table id=\"appraisal\"><thead><tr><th>Source</th><th>Emotion</th><th>n</th><th>PA change</th><th>p</th>" +
            "<th>NA change</th><th>p</th></tr></thead><tbody>");
        foreach (var (source, s) in summary.Sources)
        {
            var who = Sources.DisplayName(source);
            var defaults = s.Default.Withheld ? $"default: fewer than {summary.MinGroupSize} people" : $"default n {s.Default.N}";
            html.Append("<tr data-source=\"").Append(E(source)).Append("\" data-emotion=\"Overall\"><td>").Append(E(who))
                .Append("<br><small>").Append(E(defaults)).Append("</small></td>");
            Row(html, "Overall", s.Overall, summary.MinGroupSize);
            foreach (var (emotion, e) in s.Emotions)
            {
                html.Append("<tr data-source=\"").Append(E(source)).Append("\" data-emotion=\"").Append(E(emotion)).Append("\"><td></td>");
                Row(html, emotion, e.Change, summary.MinGroupSize);
            }
        }

        return html.Append("</tbody></table>").ToString();
    }

    private static void Row(StringBuilder html, string label, AppraisalChange c, int minGroupSize) =>
        html.Append("<td>").Append(E(label)).Append("</td><td>")
            .Append(c.Withheld && c.PaChange is null ? $"withheld (fewer than {minGroupSize} people)" : c.N.ToString(CultureInfo.InvariantCulture)).Append("</td><td>")
            .Append(Change(c.PaChange, c.PaMark)).Append("</td><td>").Append(P(c.PaP)).Append("</td><td>")
            .Append(Change(c.NaChange, c.NaMark)).Append("</td><td>").Append(P(c.NaP)).Append("</td></tr>");

    private static string Change(double? value, string mark) => value is not { } v
        ? "–"
        : v.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture) + mark switch { "up" => " ▲", "down" => " ▼", _ => "" };

    private static string P(double? p) => p is { } v ? (v < 0.001 ? "&lt;0.001" : v.ToString("0.000", CultureInfo.InvariantCulture)) : "–";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
