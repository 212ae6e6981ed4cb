using System.Globalization;
using System.Net;
using System.Text;
using EmpathyBot.Core.Study;

namespace EmpathyBot.Core.Summary;

/// <summary>The dashboard's emotion-understanding table: per set, people's mean and SD, then each contender.</summary>
public static class UnderstandingReport
{
    public static string Section(UnderstandingSummary? summary)
    {
        if (summary is null || summary.Sets.Count == 0) return "";
        var html = new StringBuilder("<h2>Emotion understanding</h2><p class=\"note\">SECEU sets: mean distance from the standard answer " +
            "(lower is better); EQ-Bench sets: v2 fullscale score 0-100 (higher is better). EQ = 15 × standardised score + 100 against the norm; " +
            "percentile = share of people's tests that scored worse; pattern r = correlation of item scores with people's mean item scores. Norms and " +
            "our own items' standards come from people once ").Append(summary.MinNorm.ToString(CultureInfo.InvariantCulture)).Append(" have answered.")
            .Append(summary.MinGroupSize > 1 ? $" People's figures, and percentiles and pattern r against people, appear once {summary.MinGroupSize} people have taken a set." : "")
            .Append("</p>");
        html.Append("<table id=\"understanding\"><thead><tr><th>Set</th><th>Who</th><th>n / items</th><th>Score</th><th>SD</th><th>EQ</th>" +
            "<th>Percentile</th><th>Pattern r</th></tr></thead><tbody>");
        foreach (var (name, set) in summary.Sets)
        {
            var label = $"{name} ({(set.Measure == "seceu" ? "SECEU" : "EQ-Bench")}{(set.Provisional ? ", provisional" : "")})";
            var norm = set.Norm is { } n ? $"norm: {n.Source}, M {F(n.Mean)}, SD {F(n.Sd)}" : "no norm yet";
            html.Append("<tr data-set=\"").Append(E(name)).Append("\" data-source=\"human\"><td>").Append(E(label)).Append("<br><small>").Append(E(norm))
                .Append("</small></td><td>People</td><td>")
                .Append(set.Humans.Withheld ? $"withheld (fewer than {summary.MinGroupSize} people)" : set.Humans.N.ToString(CultureInfo.InvariantCulture)).Append("</td><td>")
                .Append(Opt(set.Humans.Mean)).Append("</td><td>").Append(Opt(set.Humans.Sd)).Append("</td><td>–</td><td>–</td><td>–</td></tr>");
            foreach (var (source, c) in set.Contenders)
            {
                html.Append("<tr data-set=\"").Append(E(name)).Append("\" data-source=\"").Append(E(source)).Append("\"><td></td><td>").Append(E(Sources.DisplayName(source)))
                    .Append("</td><td>").Append(c.Items.ToString(CultureInfo.InvariantCulture)).Append("</td><td>").Append(Opt(c.Score))
                    .Append("</td><td>–</td><td>").Append(c.Eq is { } eq ? eq.ToString("0", CultureInfo.InvariantCulture) : "–")
                    .Append("</td><td>").Append(c.Percentile is { } p ? p.ToString("0", CultureInfo.InvariantCulture) + "%" : "–")
                    .Append("</td><td>").Append(Opt(c.PatternR)).Append("</td></tr>");
            }
        }

        return html.Append("</tbody></table>").ToString();
    }

    private static string Opt(double? value) => value is { } v ? F(v) : "–";

    private static string F(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
