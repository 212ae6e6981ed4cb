using System.Globalization;
using System.Net;
using System.Text;
using EmpathyBot.Core.Study;

namespace EmpathyBot.Core.Summary;

/// <summary>
/// Renders the summary as HTML with an inline SVG chart: the dashboard's live body (pushed over server-sent
/// events) and the standalone <c>empathybot report</c> file share this one renderer, so they always agree.
/// </summary>
public static class SummaryReport
{
    private static readonly string[] Palette = ["#4a5568", "#2b6cb0", "#c05621", "#2f855a", "#6b46c1", "#b83280", "#2c7a7b", "#975a16"];

    private const int LabelWidth = 130, PlotWidth = 520, BarHeight = 10, BarGap = 3, GroupGap = 10, Top = 30;

    /// <summary>A complete standalone page (no scripts, no external resources).</summary>
    public static string Page(SummaryDocument summary, DateTimeOffset generatedAt)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>EmpathyBot summary</title><style>").Append(Css).Append("</style></head><body>")
            .Append("<h1>EmpathyBot: people vs AI, per emotion</h1>")
            .Append("<div id=\"summary\">").Append(Body(summary, generatedAt)).Append("</div></body></html>\n");
        return html.ToString();
    }

    /// <summary>Styles shared by the report and the dashboard page.</summary>
    public const string Css = """
        body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:24px;color:#1a202c;max-width:1100px}
        h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:1.6rem}
        table{border-collapse:collapse;font-size:.85rem;margin:.5rem 0}
        th,td{border-bottom:1px solid #e2e8f0;padding:4px 8px;text-align:right;white-space:nowrap}
        th:first-child,td:first-child{text-align:left}
        .facts{display:flex;gap:24px;flex-wrap:wrap;font-size:.9rem}.facts b{font-size:1.1rem}
        .legend span{display:inline-block;margin-right:14px;font-size:.85rem}
        .legend i{display:inline-block;width:12px;height:12px;margin-right:4px;vertical-align:middle}
        .note{color:#4a5568;font-size:.8rem}
        svg text{font-size:11px;font-family:inherit}
        """;

    /// <summary>The summary's content: headline facts, the per-emotion chart, the overall and per-emotion tables.</summary>
    public static string Body(SummaryDocument summary, DateTimeOffset generatedAt)
    {
        var sources = summary.Overall.Sources.Keys.ToList();
        var colors = sources.Select((s, i) => (s, Palette[i % Palette.Length])).ToDictionary(x => x.s, x => x.Item2);
        var html = new StringBuilder();
        var totalRatings = summary.Overall.Sources.Values.Sum(s => s.Ratings);

        html.Append("<div class=\"facts\">")
            .Append(Fact("Ratings counted", totalRatings.ToString("N0", CultureInfo.InvariantCulture), "ratings"))
            .Append(Fact("Rater agreement (Krippendorff's α, ordinal)", summary.RaterAgreement is { } a ? F(a, "0.000") : "–", "agreement"))
            .Append(Fact("Replies with 2+ ratings", summary.AgreementUnits.ToString("N0", CultureInfo.InvariantCulture), "units"))
            .Append(Fact("Raters excluded (failed attention checks)", summary.ExcludedRaters.ToString(CultureInfo.InvariantCulture), "excluded-raters"))
            .Append("</div>");
        html.Append("<p class=\"note\">Updated ").Append(E(generatedAt.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)))
            .Append(". Good rate = share of blind ratings that were Good, with Wilson 95% intervals. Each model is compared with ")
            .Append(E(Sources.DisplayName(summary.People))).Append(": 2x2 chi-square, Good vs Okay+Bad, Yates-corrected (Fisher's exact test when an expected count is below 5); ")
            .Append("per-emotion p-values are ").Append(E(summary.Correction)).Append("-adjusted over all emotions and models. ")
            .Append("* p&lt;.05, ** p&lt;.01, *** p&lt;.001.</p>");

        html.Append("<h2>Overall</h2>").Append(OverallTable(summary));
        html.Append("<h2>Good rate per emotion</h2><div class=\"legend\">");
        foreach (var s in sources) html.Append("<span><i style=\"background:").Append(colors[s]).Append("\"></i>").Append(E(Sources.DisplayName(s))).Append("</span>");
        html.Append("</div>").Append(Chart(summary, sources, colors));
        html.Append("<h2>Per emotion</h2>").Append(EmotionTable(summary, sources));
        html.Append(UnderstandingReport.Section(summary.Understanding));
        html.Append(AppraisalReport.Section(summary.Appraisal));
        return html.ToString();
    }

    private static string Fact(string label, string value, string id) =>
        $"<div>{E(label)}<br><b data-fact=\"{id}\">{E(value)}</b></div>";

    private static string OverallTable(SummaryDocument summary)
    {
        var html = new StringBuilder("<table id=\"overall\"><thead><tr><th>Source</th><th>Replies</th><th>Ratings</th><th>Good</th><th>Okay</th><th>Bad</th>" +
            "<th>Good rate [95% CI]</th><th>vs baseline</th><th>χ²</th><th>p</th><th>Mann-Whitney p</th><th>Superiority</th>" +
            "<th>Mean words</th><th>Excluded replies</th><th>Excluded ratings</th></tr></thead><tbody>");
        foreach (var (source, s) in summary.Overall.Sources)
        {
            html.Append("<tr data-source=\"").Append(E(source)).Append("\"><td>").Append(E(Sources.DisplayName(source))).Append("</td>")
                .Append(Td(s.Replies)).Append(Td(s.Ratings)).Append(Td(s.Good)).Append(Td(s.Okay)).Append(Td(s.Bad))
                .Append("<td>").Append(RateWithCi(s)).Append("</td>")
                .Append("<td>").Append(s.GoodIncreaseVsPeople is { } inc ? inc.ToString("+0.0%;-0.0%;0.0%", CultureInfo.InvariantCulture) : "–").Append("</td>")
                .Append("<td>").Append(s.ChiSquare is { } chi ? F(chi, "0.00") : "–").Append("</td>")
                .Append("<td>").Append(P(s.P)).Append(s.Test == "fisher" ? " (Fisher)" : "").Append("</td>")
                .Append("<td>").Append(P(s.MannWhitneyP)).Append("</td>")
                .Append("<td>").Append(s.Superiority is { } sup ? F(sup, "0.000") : "–").Append("</td>")
                .Append("<td>").Append(s.MeanWords is { } w ? F(w, "0.0") : "–").Append("</td>")
                .Append(Td(s.ExcludedReplies)).Append(Td(s.ExcludedRatings)).Append("</tr>");
        }

        return html.Append("</tbody></table>").ToString();
    }

    private static string EmotionTable(SummaryDocument summary, IReadOnlyList<string> sources)
    {
        var html = new StringBuilder("<table id=\"emotions\"><thead><tr><th>Emotion</th><th>Valence</th>");
        foreach (var s in sources) html.Append("<th>").Append(E(Sources.DisplayName(s))).Append(": Good rate (n)</th>");
        foreach (var s in sources.Where(s => s != summary.People)) html.Append("<th>").Append(E(Sources.DisplayName(s))).Append(": p (Holm)</th>");
        html.Append("</tr></thead><tbody>");
        foreach (var (label, section) in OrderedEmotions(summary))
        {
            html.Append("<tr data-emotion=\"").Append(E(label)).Append("\"><td>").Append(E(label)).Append("</td><td>").Append(E(section.Valence)).Append("</td>");
            foreach (var s in sources)
            {
                html.Append("<td>").Append(section.Sources.TryGetValue(s, out var x) && x.Ratings > 0
                    ? $"{Percent(x.GoodRate)} ({x.Ratings.ToString(CultureInfo.InvariantCulture)})" : "–").Append("</td>");
            }

            foreach (var s in sources.Where(s => s != summary.People))
            {
                html.Append("<td>").Append(section.Sources.TryGetValue(s, out var x) ? P(x.PAdjusted) : "–").Append("</td>");
            }

            html.Append("</tr>");
        }

        return html.Append("</tbody></table>").ToString();
    }

    /// <summary>Positive emotions first, then negative, alphabetical within each (the valence grouping of the chart).</summary>
    private static IEnumerable<KeyValuePair<string, EmotionSection>> OrderedEmotions(SummaryDocument summary) =>
        summary.Emotions.OrderBy(e => e.Value.Valence == "positive" ? 0 : 1).ThenBy(e => e.Key, StringComparer.Ordinal);

    private static string Chart(SummaryDocument summary, IReadOnlyList<string> sources, IReadOnlyDictionary<string, string> colors)
    {
        var emotions = OrderedEmotions(summary).Where(e => e.Value.Sources.Values.Any(s => s.Ratings > 0)).ToList();
        if (emotions.Count == 0 || sources.Count == 0) return "<p class=\"note\" id=\"chart-empty\">No ratings yet.</p>";

        var groupHeight = (sources.Count * (BarHeight + BarGap)) + GroupGap;
        var valenceBreaks = emotions.Select(e => e.Value.Valence).Distinct().Count();
        var height = Top + (emotions.Count * groupHeight) + (valenceBreaks * 22) + 10;
        var width = LabelWidth + PlotWidth + 60;
        var svg = new StringBuilder();
        svg.Append($"<svg id=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"Good rate per emotion with 95% intervals\">");
        for (var tick = 0; tick <= 100; tick += 25)
        {
            var x = LabelWidth + (PlotWidth * tick / 100.0);
            svg.Append($"<line x1=\"{N(x)}\" y1=\"{Top - 6}\" x2=\"{N(x)}\" y2=\"{height - 6}\" stroke=\"#e2e8f0\"/>")
                .Append($"<text x=\"{N(x)}\" y=\"{Top - 10}\" text-anchor=\"middle\" fill=\"#4a5568\">{tick}%</text>");
        }

        double y = Top;
        string? valence = null;
        foreach (var (label, section) in emotions)
        {
            if (section.Valence != valence)
            {
                valence = section.Valence;
                y += 4;
                svg.Append($"<text x=\"0\" y=\"{N(y + 10)}\" font-weight=\"bold\">{E(char.ToUpperInvariant(valence[0]) + valence[1..])} emotions</text>");
                y += 18;
            }

            svg.Append($"<text x=\"{LabelWidth - 6}\" y=\"{N(y + (groupHeight - GroupGap) / 2.0 + 4)}\" text-anchor=\"end\">{E(label)}</text>");
            foreach (var source in sources)
            {
                if (section.Sources.TryGetValue(source, out var s) && s.GoodRate is { } rate)
                {
                    var w = PlotWidth * rate;
                    svg.Append($"<rect data-emotion=\"{E(label)}\" data-source=\"{E(source)}\" x=\"{LabelWidth}\" y=\"{N(y)}\" width=\"{N(w)}\" height=\"{BarHeight}\" fill=\"{colors[source]}\">")
                        .Append($"<title>{E(label)}, {E(Sources.DisplayName(source))}: {Percent(rate)} Good of {s.Ratings} ratings</title></rect>");
                    if (s.GoodRateCi is [var lo, var hi])
                    {
                        double x1 = LabelWidth + (PlotWidth * lo), x2 = LabelWidth + (PlotWidth * hi), mid = y + (BarHeight / 2.0);
                        svg.Append($"<line x1=\"{N(x1)}\" y1=\"{N(mid)}\" x2=\"{N(x2)}\" y2=\"{N(mid)}\" stroke=\"#1a202c\"/>")
                            .Append($"<line x1=\"{N(x1)}\" y1=\"{N(y + 1)}\" x2=\"{N(x1)}\" y2=\"{N(y + BarHeight - 1)}\" stroke=\"#1a202c\"/>")
                            .Append($"<line x1=\"{N(x2)}\" y1=\"{N(y + 1)}\" x2=\"{N(x2)}\" y2=\"{N(y + BarHeight - 1)}\" stroke=\"#1a202c\"/>");
                    }

                    var mark = source == summary.People ? "" : Stars(s.PAdjusted);
                    svg.Append($"<text x=\"{N(LabelWidth + PlotWidth + 4)}\" y=\"{N(y + BarHeight - 1)}\" fill=\"#4a5568\">{Percent(rate)}{mark}</text>");
                }

                y += BarHeight + BarGap;
            }

            y += GroupGap;
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>Significance stars for a p-value: * &lt; .05, ** &lt; .01, *** &lt; .001.</summary>
    public static string Stars(double? p) => p switch
    {
        < 0.001 => "***",
        < 0.01 => "**",
        < 0.05 => "*",
        _ => "",
    };

    private static string RateWithCi(SourceSummary s) =>
        s.GoodRate is { } r
            ? $"{Percent(r)}" + (s.GoodRateCi is [var lo, var hi] ? $" [{Percent(lo)}, {Percent(hi)}]" : "")
            : "–";

    private static string P(double? p) => p switch
    {
        null => "–",
        < 0.001 => "&lt;0.001" + Stars(p),
        { } v => F(v, "0.000") + Stars(v),
    };

    private static string Td(long value) => "<td>" + value.ToString(CultureInfo.InvariantCulture) + "</td>";

    private static string Percent(double? rate) => rate is { } r ? r.ToString("0.0%", CultureInfo.InvariantCulture) : "–";

    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
