using System.Text.Json.Nodes;
using EmpathyBot.Core.Study;

namespace EmpathyBot.Core.Summary;

/// <summary>
/// Vega-Lite charts of the feelings check (PANAS): the change of positive and of negative affect, evoked minus
/// default, per source, overall and per emotion. Withheld groups have no change and so no point.
/// </summary>
public static class AppraisalCharts
{
    private const int PointRow = 16;

    /// <summary>One point: a source's change of one affect on one emotion ("Overall" for all emotions together).</summary>
    public sealed record ChangePoint(string Source, string Emotion, string Affect, double Change, long N, double? P, string Mark);

    /// <summary>"appraisal-pa" and "appraisal-na" when any source has a change to show.</summary>
    public static IEnumerable<KeyValuePair<string, JsonObject>> Specs(SummaryDocument summary, IReadOnlyList<string> models)
    {
        var points = Points(summary.Appraisal);
        if (points.Count == 0) yield break;
        // People first, then the models in the summary's order, then sources that only took the feelings check.
        var palette = models.Concat(points.Select(p => p.Source).Where(s => !Sources.IsHuman(s) && !models.Contains(s)).Distinct().Order(StringComparer.Ordinal)).ToList();
        var sources = points.Select(p => p.Source).Distinct().OrderBy(s => Sources.IsHuman(s) ? -1 : palette.IndexOf(s)).ToList();
        var emotions = points.Select(p => p.Emotion).Where(e => e != "Overall").Distinct().Order(StringComparer.Ordinal).Prepend("Overall").ToList();
        foreach (var (affect, title) in new[] { ("PA", "Positive affect (PA): change, evoked minus default"), ("NA", "Negative affect (NA): change, evoked minus default") })
        {
            var group = points.Where(p => p.Affect == affect).ToList();
            if (group.Count > 0) yield return KeyValuePair.Create("appraisal-" + affect.ToLowerInvariant(), Chart(title, group, sources, palette, emotions.Where(e => group.Any(p => p.Emotion == e)).ToList()));
        }
    }

    /// <summary>Every change the summary has (withheld or empty groups have none).</summary>
    public static IReadOnlyList<ChangePoint> Points(AppraisalSummary? appraisal)
    {
        var points = new List<ChangePoint>();
        if (appraisal is null) return points;
        foreach (var (source, s) in appraisal.Sources)
        {
            Add(points, source, "Overall", s.Overall);
            foreach (var (emotion, e) in s.Emotions) Add(points, source, emotion, e.Change);
        }

        return points;
    }

    private static void Add(List<ChangePoint> points, string source, string emotion, AppraisalChange c)
    {
        if (c.PaChange is { } pa) points.Add(new ChangePoint(source, emotion, "PA", pa, c.N, c.PaP, c.PaMark));
        if (c.NaChange is { } na) points.Add(new ChangePoint(source, emotion, "NA", na, c.N, c.NaP, c.NaMark));
    }

    private static JsonObject Chart(string title, IReadOnlyList<ChangePoint> points, IReadOnlyList<string> sources, IReadOnlyList<string> palette, IReadOnlyList<string> emotions)
    {
        var names = sources.Select(Sources.DisplayName).ToList();
        var values = new JsonArray(points.Select(p => (JsonNode)new JsonObject
        {
            ["model"] = Sources.DisplayName(p.Source),
            ["source"] = p.Source,
            ["emotion"] = p.Emotion,
            ["change"] = p.Change,
            ["n"] = p.N,
            ["p"] = p.P,
            ["significant"] = p.Mark switch { "up" => "▲", "down" => "▼", _ => "" },
        }).ToArray());
        var tooltip = new JsonArray(
            SummaryCharts.Field("model", "nominal", "Who"), SummaryCharts.Field("emotion", "nominal", "Emotion"),
            SummaryCharts.Field("change", "quantitative", "Change", "+.2f"), SummaryCharts.Field("n", "quantitative", "n"),
            SummaryCharts.Field("p", "quantitative", "p", ".3f"));
        JsonObject Y() => new()
        {
            ["field"] = "emotion", ["type"] = "nominal", ["title"] = null, ["sort"] = SummaryCharts.Strings(emotions),
            ["scale"] = new JsonObject { ["paddingInner"] = 0.25, ["paddingOuter"] = 0.15 },
            ["axis"] = new JsonObject { ["minExtent"] = 90, ["maxExtent"] = 120, ["labelLimit"] = 120 },
        };
        JsonObject Offset() => new() { ["field"] = "model", ["type"] = "nominal", ["sort"] = SummaryCharts.Strings(names), ["scale"] = new JsonObject { ["domain"] = SummaryCharts.Strings(names) } };
        // Symmetric around no change, in steps of 5 points, so a rise and a fall look alike.
        var extent = Math.Max(5, Math.Ceiling(points.Max(p => Math.Abs(p.Change)) / 5) * 5);
        JsonObject X() => new()
        {
            ["field"] = "change", ["type"] = "quantitative", ["title"] = "Change in PANAS points (evoked minus default)",
            ["scale"] = new JsonObject { ["domain"] = new JsonArray(-extent, extent), ["nice"] = false },
            ["axis"] = new JsonObject { ["format"] = "+d", ["tickMinStep"] = 1, ["tickCount"] = new JsonObject { ["expr"] = "width < 400 ? 4 : 10" }, ["grid"] = true },
        };

        return new JsonObject
        {
            ["$schema"] = SummaryCharts.SchemaUrl,
            ["title"] = new JsonObject { ["text"] = title, ["anchor"] = "start" },
            ["description"] = title + " per source and emotion; ▲/▼ mark a significant change",
            ["width"] = "container",
            ["height"] = new JsonObject { ["step"] = PointRow },
            ["data"] = new JsonObject { ["name"] = "points", ["values"] = values },
            ["config"] = SummaryCharts.Config(),
            ["layer"] = new JsonArray(
                new JsonObject
                {
                    ["data"] = new JsonObject { ["values"] = new JsonArray(new JsonObject()) },
                    ["mark"] = new JsonObject { ["type"] = "rule", ["color"] = "#4a5568", ["strokeDash"] = new JsonArray(4, 3) },
                    ["encoding"] = new JsonObject { ["x"] = new JsonObject { ["datum"] = 0, ["type"] = "quantitative" } },
                },
                new JsonObject
                {
                    ["mark"] = new JsonObject { ["type"] = "point", ["filled"] = true, ["size"] = 80, ["opacity"] = 1 },
                    ["encoding"] = new JsonObject
                    {
                        ["y"] = Y(), ["yOffset"] = Offset(), ["x"] = X(), ["tooltip"] = tooltip,
                        ["color"] = SummaryCharts.SourceScale(sources, palette, SummaryCharts.Colors, SummaryCharts.PeopleColor, legend: true),
                        ["shape"] = SummaryCharts.SourceScale(sources, palette, SummaryCharts.Shapes, SummaryCharts.PeopleShape, legend: false),
                    },
                },
                new JsonObject
                {
                    ["mark"] = new JsonObject { ["type"] = "text", ["align"] = "left", ["dx"] = 8, ["baseline"] = "middle", ["fontSize"] = 12 },
                    ["encoding"] = new JsonObject { ["y"] = Y(), ["yOffset"] = Offset(), ["x"] = X(), ["text"] = new JsonObject { ["field"] = "significant" } },
                }),
        };
    }
}
