using System.Globalization;
using System.Net;
using System.Text;
using EmpathyBot.Core.Study;

namespace EmpathyBot.Core.Summary;

/// <summary>
/// Renders the summary as HTML with its Vega-Lite charts (see <see cref="SummaryCharts"/>): the dashboard's live body
/// (pushed over server-sent events) and the standalone <c>empathybot report</c> file share this one renderer, so they
/// always agree.
/// </summary>
public static class SummaryReport
{
    /// <summary>
    /// A complete standalone page that opens offline: the chart libraries and the drawing script are inlined. Without
    /// the libraries (a build without Node.js/npm) the page says so where the charts would be; the tables are complete.
    /// </summary>
    public static string Page(SummaryDocument summary, DateTimeOffset generatedAt, ChartLibraries? libraries)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>EmpathyBot summary</title><style>").Append(Css).Append("</style>");
        if (libraries is not null)
        {
            foreach (var script in libraries.Scripts.Append(ChartLibraries.RenderScript)) html.Append("<script>").Append(InlineScript(script)).Append("</script>");
        }

        html.Append("</head><body>")
            .Append("<h1>EmpathyBot: people vs AI, per emotion</h1>");
        if (libraries is null)
        {
            html.Append("<p class=\"note\" id=\"charts-missing\">No charts in this report: the charting libraries (Vega, Vega-Lite, vega-embed) ")
                .Append("were not found next to empathybot, which happens when it was built without Node.js/npm. Install Node.js and build again ")
                .Append("to get them; every figure is in the tables below.</p>");
        }

        html.Append("<div id=\"summary\">").Append(Body(summary, generatedAt)).Append("</div>");
        if (libraries is not null) html.Append("<script>window.EmpathyBotCharts.render(document);</script>");
        return html.Append("</body></html>\n").ToString();
    }

    /// <summary>A script's text made safe inside an inline script element (it cannot end the element early).</summary>
    private static string InlineScript(string script) => script.Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase);

    /// <summary>Styles shared by the report and the dashboard page.</summary>
    public const string Css = """
        body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:24px;color:#1a202c;max-width:1100px}
        h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:1.6rem}
        table{border-collapse:collapse;font-size:.85rem;margin:.5rem 0}
        th,td{border-bottom:1px solid #e2e8f0;padding:4px 8px;text-align:right;white-space:nowrap}
        th:first-child,td:first-child{text-align:left}
        .facts{display:flex;gap:24px;flex-wrap:wrap;font-size:.9rem}.facts b{font-size:1.1rem}
        .note{color:#4a5568;font-size:.9rem}
        .chart{width:100%;margin:.5rem 0 1rem}
        .scroll{overflow-x:auto}
        @media (max-width:480px){body{margin:10px}}
        """;

    /// <summary>The summary's content: headline facts, the per-emotion chart, the overall and per-emotion tables.</summary>
    public static string Body(SummaryDocument summary, DateTimeOffset generatedAt)
    {
        var sources = summary.Overall.Sources.Keys.ToList();
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

        html.Append("<h2>Overall</h2><div class=\"scroll\">").Append(OverallTable(summary)).Append("</div>")
            .Append(LengthReport.Note(summary.LengthModel, summary.People));
        html.Append(IntegrityReport.Section(summary));
        var specs = SummaryCharts.Specs(summary);
        html.Append("<h2>Good rate vs people, per emotion</h2>").Append(ForestCharts(specs));
        html.Append("<h2>Per emotion</h2><div class=\"scroll\">").Append(EmotionTable(summary, sources)).Append("</div>");
        html.Append(PairwiseReport.Section(summary.Pairwise));
        html.Append(UnderstandingReport.Section(summary.Understanding));
        html.Append(AppraisalReport.Section(summary.Appraisal)).Append(Containers(specs, "appraisal-"));
        html.Append(JudgingReport.Section(summary)).Append(Containers(specs, "judging-"));
        if (specs.Count > 0) html.Append("<script type=\"application/json\" id=\"chart-specs\">").Append(SummaryCharts.SpecsJson(specs)).Append("</script>");
        return html.ToString();
    }

    private static string Fact(string label, string value, string id) =>
        $"<div>{E(label)}<br><b data-fact=\"{id}\">{E(value)}</b></div>";

    private static string OverallTable(SummaryDocument summary)
    {
        var html = new StringBuilder("<table id=\"overall\"><thead><tr><th>Source</th><th>Replies</th><th>Ratings</th><th>Good</th><th>Okay</th><th>Bad</th>" +
            "<th>Good rate [95% CI]</th><th>vs people</th>" + LengthReport.Header + "<th>χ²</th><th>p</th><th>Mann-Whitney p</th><th>Superiority</th>" +
            "<th>Mean words</th><th>Excluded replies</th><th>Excluded ratings</th></tr></thead><tbody>");
        foreach (var (source, s) in summary.Overall.Sources)
        {
            html.Append("<tr data-source=\"").Append(E(source)).Append("\"><td>").Append(E(Sources.DisplayName(source))).Append("</td>")
                .Append(Td(s.Replies)).Append(Td(s.Ratings)).Append(Td(s.Good)).Append(Td(s.Okay)).Append(Td(s.Bad))
                .Append("<td>").Append(RateWithCi(s)).Append("</td>")
                .Append("<td>").Append(s.GoodIncreaseVsPeople is { } inc ? inc.ToString("+0.0%;-0.0%;0.0%", CultureInfo.InvariantCulture) : "–").Append("</td>")
                .Append(LengthReport.Cell(s))
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

    /// <summary>The forest plots' containers; the drawing script fills them from the specifications at the end of the body.</summary>
    private static string ForestCharts(IReadOnlyDictionary<string, System.Text.Json.Nodes.JsonObject> specs)
    {
        if (!specs.Keys.Any(k => k.StartsWith("forest-", StringComparison.Ordinal)))
        {
            return "<p class=\"note\" id=\"chart-empty\">No emotion has ratings of both people and a model yet.</p>";
        }

        var html = new StringBuilder("<p class=\"note\">Each point is a model's Good rate minus people's on one emotion, with its 95% ")
            .Append("Newcombe interval; an interval that misses 0 differs from people. Colour and shape both name the model; ")
            .Append("stars give the Holm-adjusted p. Save a chart as SVG or PNG from its ⋯ menu.</p>");
        return html.Append(Containers(specs, "forest-")).ToString();
    }

    private static string Containers(IReadOnlyDictionary<string, System.Text.Json.Nodes.JsonObject> specs, string prefix) =>
        string.Concat(specs.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal))
            .Select(name => $"<div class=\"chart\" id=\"chart-{name}\" data-chart=\"{name}\"></div>"));

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

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
