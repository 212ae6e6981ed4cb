using System.Text.Json.Nodes;
using EmpathyBot.Core.Study;

namespace EmpathyBot.Core.Summary;

/// <summary>
/// The pairwise ratings chart: per source, the Bradley-Terry rating with its 95% bootstrap interval, raw and
/// style-controlled side by side, people's 1000 as a reference line.
/// </summary>
public static class PairwiseCharts
{
    public const string Name = "pairwise-ratings";

    private const string Raw = "Raw", Styled = "Length held equal";

    /// <summary>The chart by name; empty when no source has a rating.</summary>
    public static IReadOnlyDictionary<string, JsonObject> Specs(PairwiseSummary? summary)
    {
        var points = Points(summary).ToList();
        return points.Count == 0 ? new Dictionary<string, JsonObject>() : new Dictionary<string, JsonObject> { [Name] = Chart(points) };
    }

    private static IEnumerable<JsonObject> Points(PairwiseSummary? summary)
    {
        if (summary is null) yield break;
        foreach (var (source, s) in summary.Sources)
        {
            if (s.Rating is { } r) yield return Point(source, Raw, r, s.Ci);
            if (summary.StyleControlled.GetValueOrDefault(source) is { Rating: { } styled } st) yield return Point(source, Styled, styled, st.Ci);
        }
    }

    private static JsonObject Point(string source, string fit, double rating, double[]? ci) => new()
    {
        ["source"] = Sources.DisplayName(source),
        ["fit"] = fit,
        ["rating"] = rating,
        ["lower"] = ci is [var lo, _] ? lo : rating,
        ["upper"] = ci is [_, var hi] ? hi : rating,
    };

    private static JsonObject Chart(IReadOnlyList<JsonObject> points)
    {
        JsonObject Y() => new() { ["field"] = "source", ["type"] = "nominal", ["title"] = null, ["sort"] = new JsonObject { ["field"] = "rating", ["op"] = "max", ["order"] = "descending" } };
        JsonObject Offset() => new() { ["field"] = "fit", ["type"] = "nominal", ["sort"] = SummaryCharts.Strings([Raw, Styled]) };
        JsonObject Color() => new()
        {
            ["field"] = "fit", ["type"] = "nominal", ["title"] = null,
            ["scale"] = new JsonObject { ["domain"] = SummaryCharts.Strings([Raw, Styled]), ["range"] = SummaryCharts.Strings([SummaryCharts.Colors[0], SummaryCharts.Colors[1]]) },
            ["legend"] = new JsonObject { ["orient"] = "top" },
        };
        var tooltip = new JsonArray(
            SummaryCharts.Field("source", "nominal", "Source"), SummaryCharts.Field("fit", "nominal", "Fit"),
            SummaryCharts.Field("rating", "quantitative", "Rating", ".0f"),
            SummaryCharts.Field("lower", "quantitative", "95% interval from", ".0f"), SummaryCharts.Field("upper", "quantitative", "95% interval to", ".0f"));
        return new JsonObject
        {
            ["$schema"] = SummaryCharts.SchemaUrl,
            ["title"] = new JsonObject { ["text"] = "Bradley–Terry ratings (people at 1000)", ["anchor"] = "start" },
            ["description"] = "Each source's side-by-side rating with its 95% bootstrap interval, raw and with reply length held equal",
            ["width"] = "container",
            ["height"] = new JsonObject { ["step"] = 16 },
            ["data"] = new JsonObject { ["values"] = new JsonArray(points.Select(p => (JsonNode)p.DeepClone()).ToArray()) },
            ["config"] = SummaryCharts.Config(),
            ["layer"] = new JsonArray(
                new JsonObject
                {
                    ["data"] = new JsonObject { ["values"] = new JsonArray(new JsonObject()) },
                    ["mark"] = new JsonObject { ["type"] = "rule", ["color"] = "#4a5568", ["strokeDash"] = new JsonArray(4, 3) },
                    ["encoding"] = new JsonObject { ["x"] = new JsonObject { ["datum"] = 1000, ["type"] = "quantitative" } },
                },
                new JsonObject
                {
                    ["mark"] = new JsonObject { ["type"] = "rule", ["strokeWidth"] = 2 },
                    ["encoding"] = new JsonObject
                    {
                        ["y"] = Y(), ["yOffset"] = Offset(),
                        ["x"] = new JsonObject { ["field"] = "lower", ["type"] = "quantitative", ["title"] = "Rating (95% interval)", ["scale"] = new JsonObject { ["zero"] = false } },
                        ["x2"] = new JsonObject { ["field"] = "upper" }, ["color"] = Color(), ["tooltip"] = tooltip.DeepClone(),
                    },
                },
                new JsonObject
                {
                    ["mark"] = new JsonObject { ["type"] = "point", ["filled"] = true, ["size"] = 80, ["opacity"] = 1 },
                    ["encoding"] = new JsonObject
                    {
                        ["y"] = Y(), ["yOffset"] = Offset(), ["x"] = new JsonObject { ["field"] = "rating", ["type"] = "quantitative" },
                        ["color"] = Color(), ["tooltip"] = tooltip.DeepClone(),
                    },
                }),
        };
    }
}
