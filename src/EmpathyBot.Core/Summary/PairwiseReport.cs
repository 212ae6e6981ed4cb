using System.Globalization;
using System.Net;
using System.Text;
using EmpathyBot.Core.Study;

namespace EmpathyBot.Core.Summary;

/// <summary>
/// The dashboard's and report's pairwise section: Bradley-Terry ratings with their intervals, raw and style-controlled,
/// the win-rate matrix and the per-emotion win rates against people.
/// </summary>
public static class PairwiseReport
{
    public static string Section(PairwiseSummary? summary)
    {
        if (summary is null || summary.Battles == 0) return "";
        var html = new StringBuilder("<h2>Side by side: which reply is more empathetic? (Bradley–Terry)</h2><p class=\"note\">")
            .Append(summary.Battles.ToString("N0", CultureInfo.InvariantCulture)).Append(" battles. Ratings on Chatbot Arena's scale ")
            .Append("(400 points = 10:1 odds of winning), ").Append(E(Sources.DisplayName(summary.Anchor))).Append(" at 1000 ")
            .Append("(the mean at 1000 when people have no battles); a tie or both bad is half a win each side; ")
            .Append("95% bootstrap intervals; rank = 1 + sources whose interval lies wholly above. Style-controlled: length held equal.</p>");
        if (summary.Reason is { } reason) html.Append("<p class=\"note\" data-reason=\"raw\">No ratings: ").Append(E(reason)).Append("</p>");
        if (summary.StyleControlledReason is { } style) html.Append("<p class=\"note\" data-reason=\"style\">No style-controlled ratings: ").Append(E(style)).Append("</p>");
        if (summary.LengthCoefficient is { } coefficient)
        {
            html.Append("<p class=\"note\">Length coefficient: <b data-fact=\"length-coefficient\">").Append(F(coefficient, "0.000"))
                .Append("</b> (log-odds per unit of (words A − words B) / (words A + words B); above 0, longer replies win more often).</p>");
        }

        if (PairwiseCharts.Specs(summary).Count > 0) html.Append("<div class=\"chart\" id=\"chart-").Append(PairwiseCharts.Name).Append("\" data-chart=\"").Append(PairwiseCharts.Name).Append("\"></div>");
        return html.Append(Ratings(summary)).Append(WinRates(summary)).Append(Emotions(summary)).ToString();
    }

    private static string Ratings(PairwiseSummary summary)
    {
        var html = new StringBuilder("<div class=\"scroll\"><table id=\"pairwise\"><thead><tr><th>Source</th><th>Rank</th><th>Rating [95% CI]</th>" +
            "<th>Style-controlled [95% CI]</th><th>Battles</th><th>Wins</th><th>Losses</th><th>Ties</th><th>of which both bad</th></tr></thead><tbody>");
        foreach (var (source, s) in summary.Sources.OrderBy(s => s.Value.Rank ?? int.MaxValue).ThenByDescending(s => s.Value.Rating ?? double.MinValue))
        {
            var styled = summary.StyleControlled.GetValueOrDefault(source);
            html.Append("<tr data-source=\"").Append(E(source)).Append("\"><td>").Append(E(Sources.DisplayName(source))).Append("</td><td>")
                .Append(s.Rank?.ToString(CultureInfo.InvariantCulture) ?? "–").Append("</td><td>").Append(WithCi(s.Rating, s.Ci))
                .Append("</td><td>").Append(WithCi(styled?.Rating, styled?.Ci)).Append("</td>")
                .Append(Td(s.Battles)).Append(Td(s.Wins)).Append(Td(s.Losses)).Append(Td(s.Ties)).Append(Td(s.BothBad)).Append("</tr>");
        }

        return html.Append("</tbody></table></div>").ToString();
    }

    private static string WinRates(PairwiseSummary summary)
    {
        var sources = summary.Sources.Keys.ToList();
        var html = new StringBuilder("<p class=\"note\">Win rate of the row against the column (ties and both bad count half).</p>")
            .Append("<div class=\"scroll\"><table id=\"win-rates\"><thead><tr><th>Win rate of ↓ vs →</th>");
        foreach (var s in sources) html.Append("<th>").Append(E(Sources.DisplayName(s))).Append("</th>");
        html.Append("</tr></thead><tbody>");
        foreach (var row in sources)
        {
            html.Append("<tr data-source=\"").Append(E(row)).Append("\"><td>").Append(E(Sources.DisplayName(row))).Append("</td>");
            foreach (var column in sources)
            {
                var rate = summary.WinRates.TryGetValue(row, out var rates) && rates.TryGetValue(column, out var r) ? r : (double?)null;
                html.Append("<td>").Append(rate is { } known ? Percent(known) : "–").Append("</td>");
            }

            html.Append("</tr>");
        }

        return html.Append("</tbody></table></div>").ToString();
    }

    private static string Emotions(PairwiseSummary summary)
    {
        if (summary.Emotions.Count == 0) return "";
        var models = summary.Emotions.Values.SelectMany(e => e.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        var html = new StringBuilder("<p class=\"note\">Per emotion: each model's win rate against people (battles); shown from ")
            .Append(PairwiseSummaryBuilder.MinEmotionBattles).Append(" battles.</p><div class=\"scroll\"><table id=\"pairwise-emotions\"><thead><tr><th>Emotion</th>");
        foreach (var m in models) html.Append("<th>").Append(E(Sources.DisplayName(m))).Append(" vs people</th>");
        html.Append("</tr></thead><tbody>");
        foreach (var (emotion, row) in summary.Emotions)
        {
            html.Append("<tr data-emotion=\"").Append(E(emotion)).Append("\"><td>").Append(E(emotion)).Append("</td>");
            foreach (var m in models)
            {
                html.Append("<td>").Append(row.TryGetValue(m, out var w)
                    ? $"{(w.WinRate is { } r ? Percent(r) : w.Withheld ? $"withheld (fewer than {summary.MinGroupSize} people)" : "–")} ({w.Battles.ToString(CultureInfo.InvariantCulture)})"
                    : "–").Append("</td>");
            }

            html.Append("</tr>");
        }

        return html.Append("</tbody></table></div>").ToString();
    }

    private static string WithCi(double? rating, double[]? ci) =>
        rating is { } r ? F(r, "0") + (ci is [var lo, var hi] ? $" [{F(lo, "0")}, {F(hi, "0")}]" : "") : "–";

    private static string Td(long value) => "<td>" + value.ToString(CultureInfo.InvariantCulture) + "</td>";

    private static string Percent(double rate) => rate.ToString("0.0%", CultureInfo.InvariantCulture);

    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
