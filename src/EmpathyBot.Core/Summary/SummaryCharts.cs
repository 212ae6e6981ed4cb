using System.Text.Json;
using System.Text.Json.Nodes;
using EmpathyBot.Core.Statistics;
using EmpathyBot.Core.Study;

namespace EmpathyBot.Core.Summary;

/// <summary>
/// Vega-Lite specifications of the summary's charts, drawn by the dashboard and by the report alike: a forest plot
/// per valence of each model's Good-rate difference from people, with its Newcombe 95% interval.
/// </summary>
public static class SummaryCharts
{
    /// <summary>Okabe-Ito colours (safe for the common colour-vision deficiencies), yellow last for its low contrast on white.</summary>
    public static readonly IReadOnlyList<string> Colors = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442"];

    /// <summary>The second cue: each source also has its own shape, so the charts read in grey too.</summary>
    public static readonly IReadOnlyList<string> Shapes = ["circle", "square", "triangle-up", "diamond", "triangle-down", "triangle-left", "triangle-right"];

    /// <summary>People, where a chart shows them beside the models: the Okabe-Ito black and a shape no model gets.</summary>
    public const string PeopleColor = "#000000", PeopleShape = "cross";

    private const string Schema = "https://vega.github.io/schema/vega-lite/v6.json";
    // With an offset channel, the height step is one model's row; the emotions are separated by the y scale's padding.
    private const int PointRow = 16;

    /// <summary>One point of a forest plot: a model against people on one emotion.</summary>
    public sealed record ForestPoint(string Emotion, string Valence, string Source, double Difference, double Lower, double Upper,
        long ModelGood, long ModelRatings, long PeopleGood, long PeopleRatings, double? PAdjusted);

    /// <summary>The chart specifications by name (the name is the chart container's <c>data-chart</c>); empty when nothing can be compared yet.</summary>
    public static IReadOnlyDictionary<string, JsonObject> Specs(SummaryDocument summary)
    {
        var models = Models(summary);
        var points = ForestPoints(summary);
        var specs = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var valence in new[] { "positive", "negative" })
        {
            var group = points.Where(p => p.Valence == valence).ToList();
            if (group.Count > 0) specs["forest-" + valence] = Forest($"{char.ToUpperInvariant(valence[0])}{valence[1..]} emotions", group, models);
        }

        foreach (var (name, spec) in AppraisalCharts.Specs(summary, models)) specs[name] = spec;
        foreach (var (name, spec) in JudgingCharts.Specs(summary)) specs[name] = spec;
        foreach (var (name, spec) in PairwiseCharts.Specs(summary.Pairwise)) specs[name] = spec;
        return specs;
    }

    /// <summary>The specifications as one JSON object, safe to place inside an HTML <c>script</c> element (no raw <c>&lt;</c>).</summary>
    public static string SpecsJson(IReadOnlyDictionary<string, JsonObject> specs) =>
        new JsonObject(specs.Select(s => KeyValuePair.Create(s.Key, (JsonNode?)s.Value.DeepClone()))).ToJsonString(new JsonSerializerOptions { WriteIndented = false });

    /// <summary>
    /// Every (emotion, model) where both the model and people have ratings: the difference of Good rates, model minus
    /// people, with the Newcombe hybrid score interval from the four counts.
    /// </summary>
    public static IReadOnlyList<ForestPoint> ForestPoints(SummaryDocument summary)
    {
        var models = Models(summary);
        var points = new List<ForestPoint>();
        foreach (var (emotion, section) in summary.Emotions.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            if (!section.Sources.TryGetValue(summary.People, out var people) || people.Ratings == 0) continue;
            foreach (var model in models)
            {
                if (!section.Sources.TryGetValue(model, out var s) || s.Ratings == 0) continue;
                var (lower, upper) = Newcombe.DifferenceInterval(s.Good, s.Ratings, people.Good, people.Ratings);
                var difference = ((double)s.Good / s.Ratings) - ((double)people.Good / people.Ratings);
                points.Add(new ForestPoint(emotion, section.Valence, model, difference, lower, upper, s.Good, s.Ratings, people.Good, people.Ratings, s.PAdjusted));
            }
        }

        return points;
    }

    /// <summary>Every source but people, in the summary's order, so a model keeps its colour and shape in every chart.</summary>
    private static List<string> Models(SummaryDocument summary) =>
        summary.Overall.Sources.Keys.Where(s => s != summary.People).ToList();

    private static JsonObject Forest(string title, IReadOnlyList<ForestPoint> points, IReadOnlyList<string> models)
    {
        var names = models.Select(Sources.DisplayName).ToList();
        var emotions = points.Select(p => p.Emotion).Distinct().Order(StringComparer.Ordinal).ToList();
        var values = new JsonArray(points.Select(p => (JsonNode)new JsonObject
        {
            ["emotion"] = p.Emotion,
            ["source"] = p.Source,
            ["model"] = Sources.DisplayName(p.Source),
            ["difference"] = p.Difference,
            ["lower"] = p.Lower,
            ["upper"] = p.Upper,
            ["model_good"] = $"{p.ModelGood}/{p.ModelRatings}",
            ["people_good"] = $"{p.PeopleGood}/{p.PeopleRatings}",
            ["p_holm"] = p.PAdjusted,
            ["stars"] = SummaryReport.Stars(p.PAdjusted),
        }).ToArray());

        // A fixed label width keeps the zero line of the positive and negative charts at the same place.
        JsonObject Y() => new()
        {
            ["field"] = "emotion", ["type"] = "nominal", ["title"] = null, ["sort"] = Strings(emotions),
            ["scale"] = new JsonObject { ["paddingInner"] = 0.25, ["paddingOuter"] = 0.15 },
            ["axis"] = new JsonObject { ["minExtent"] = 90, ["maxExtent"] = 120, ["labelLimit"] = 120 },
        };
        JsonObject Offset() => new() { ["field"] = "model", ["type"] = "nominal", ["sort"] = Strings(names), ["scale"] = new JsonObject { ["domain"] = Strings(names) } };
        JsonObject Color() => SourceScale(models, models, Colors, PeopleColor, legend: true);
        JsonObject Shape() => SourceScale(models, models, Shapes, PeopleShape, legend: false);
        JsonObject X(string field, string? title) => new()
        {
            ["field"] = field, ["type"] = "quantitative", ["title"] = title,
            ["scale"] = new JsonObject { ["domain"] = new JsonArray(-1, 1), ["nice"] = false },
            ["axis"] = new JsonObject { ["format"] = "+.0%", ["tickCount"] = new JsonObject { ["expr"] = "width < 400 ? 4 : 10" }, ["grid"] = true },
        };

        var tooltip = new JsonArray(
            Field("model", "nominal", "Model"), Field("emotion", "nominal", "Emotion"),
            Field("difference", "quantitative", "Good rate vs people", "+.1%"),
            Field("lower", "quantitative", "95% interval from", "+.1%"), Field("upper", "quantitative", "95% interval to", "+.1%"),
            Field("model_good", "nominal", "Model: Good/ratings"), Field("people_good", "nominal", "People: Good/ratings"),
            Field("p_holm", "quantitative", "p (Holm)", ".3f"));

        return new JsonObject
        {
            ["$schema"] = Schema,
            ["title"] = new JsonObject { ["text"] = title, ["anchor"] = "start" },
            ["description"] = $"{title}: each model's Good rate minus people's, with 95% Newcombe intervals",
            ["width"] = "container",
            ["height"] = new JsonObject { ["step"] = PointRow },
            ["data"] = new JsonObject { ["name"] = "points", ["values"] = values },
            ["config"] = Config(),
            ["layer"] = new JsonArray(
                new JsonObject
                {
                    ["data"] = new JsonObject { ["values"] = new JsonArray(new JsonObject()) },
                    ["mark"] = new JsonObject { ["type"] = "rule", ["color"] = "#4a5568", ["strokeDash"] = new JsonArray(4, 3) },
                    ["encoding"] = new JsonObject { ["x"] = new JsonObject { ["datum"] = 0, ["type"] = "quantitative" } },
                },
                new JsonObject
                {
                    ["mark"] = new JsonObject { ["type"] = "rule", ["strokeWidth"] = 2 },
                    ["encoding"] = new JsonObject { ["y"] = Y(), ["yOffset"] = Offset(), ["x"] = X("lower", "Good rate minus people's (95% interval)"), ["x2"] = new JsonObject { ["field"] = "upper" }, ["color"] = Color(), ["tooltip"] = tooltip.DeepClone() },
                },
                new JsonObject
                {
                    ["mark"] = new JsonObject { ["type"] = "point", ["filled"] = true, ["size"] = 80, ["opacity"] = 1 },
                    ["encoding"] = new JsonObject { ["y"] = Y(), ["yOffset"] = Offset(), ["x"] = X("difference", null), ["color"] = Color(), ["shape"] = Shape(), ["tooltip"] = tooltip.DeepClone() },
                },
                new JsonObject
                {
                    ["mark"] = new JsonObject { ["type"] = "text", ["align"] = "left", ["dx"] = 4, ["baseline"] = "middle", ["fontSize"] = 13 },
                    ["encoding"] = new JsonObject { ["y"] = Y(), ["yOffset"] = Offset(), ["x"] = X("upper", null), ["text"] = new JsonObject { ["field"] = "stars" } },
                }),
        };
    }

    /// <summary>
    /// The colour or shape of each source, by its place among the summary's models (people get their own), so a model
    /// looks the same in every chart; encoded on the <c>model</c> field (display names).
    /// </summary>
    /// <param name="sources">The sources the chart shows, in legend order.</param>
    /// <param name="models">Every model in palette order (the summary's models first): a model's place here picks its look.</param>
    internal static JsonObject SourceScale(IReadOnlyList<string> sources, IReadOnlyList<string> models, IReadOnlyList<string> range, string people, bool legend)
    {
        var order = models.ToList();
        var encoding = new JsonObject
        {
            ["field"] = "model", ["type"] = "nominal", ["title"] = null,
            ["scale"] = new JsonObject
            {
                ["domain"] = Strings(sources.Select(Sources.DisplayName)),
                ["range"] = Strings(sources.Select(s => Sources.IsHuman(s) ? people : range[order.IndexOf(s) % range.Count])),
            },
        };
        if (legend) encoding["legend"] = new JsonObject { ["orient"] = "top", ["direction"] = "horizontal", ["columns"] = new JsonObject { ["expr"] = "width < 400 ? 1 : 4" }, ["labelLimit"] = 200 };
        return encoding;
    }

    /// <summary>Shared look: readable type (13 px and up), the page's font.</summary>
    internal static JsonObject Config() => new()
    {
        ["font"] = "system-ui, -apple-system, Segoe UI, sans-serif",
        ["axis"] = new JsonObject { ["labelFontSize"] = 13, ["titleFontSize"] = 13 },
        ["legend"] = new JsonObject { ["labelFontSize"] = 13, ["symbolSize"] = 90 },
        ["title"] = new JsonObject { ["fontSize"] = 15 },
    };

    internal const string SchemaUrl = Schema;

    internal static JsonObject Field(string field, string type, string title, string? format = null)
    {
        var node = new JsonObject { ["field"] = field, ["type"] = type, ["title"] = title };
        if (format is not null) node["format"] = format;
        return node;
    }

    internal static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode)JsonValue.Create(v)).ToArray());
}
