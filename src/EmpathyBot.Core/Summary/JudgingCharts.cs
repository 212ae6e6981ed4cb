using System.Text.Json.Nodes;

namespace EmpathyBot.Core.Summary;

/// <summary>
/// The judge chart: each LLM judge's kappa against people with its 95% bootstrap interval, and the people-vs-people
/// kappa as a dashed line, the ceiling a judge is held against.
/// </summary>
public static class JudgingCharts
{
    private const int Row = 28;

    /// <summary>"judging-kappa" when any judge has a kappa.</summary>
    public static IEnumerable<KeyValuePair<string, JsonObject>> Specs(SummaryDocument summary)
    {
        if (summary.Judging is not { } judging) yield break;
        var judges = judging.Judges.Where(j => j.Value.Kappa is not null).ToList();
        if (judges.Count == 0) yield break;
        yield return KeyValuePair.Create("judging-kappa", Chart(judges, judging.HumanHumanKappa));
    }

    private static JsonObject Chart(List<KeyValuePair<string, JudgeSummary>> judges, double? ceiling)
    {
        var values = new JsonArray(judges.Select(j => (JsonNode)new JsonObject
        {
            ["judge"] = j.Key,
            ["kappa"] = j.Value.Kappa,
            ["lower"] = j.Value.KappaCi?[0],
            ["upper"] = j.Value.KappaCi?[1],
            ["pairs"] = j.Value.Pairs,
        }).ToArray());
        JsonObject Y() => new() { ["field"] = "judge", ["type"] = "nominal", ["title"] = null, ["sort"] = SummaryCharts.Strings(judges.Select(j => j.Key)) };
        JsonObject X(string field, string? title) => new()
        {
            ["field"] = field, ["type"] = "quantitative", ["title"] = title,
            ["scale"] = new JsonObject { ["domain"] = new JsonArray(-1, 1), ["nice"] = false },
        };
        var tooltip = new JsonArray(
            SummaryCharts.Field("judge", "nominal", "Judge"), SummaryCharts.Field("kappa", "quantitative", "κ", ".2f"),
            SummaryCharts.Field("lower", "quantitative", "95% interval from", ".2f"), SummaryCharts.Field("upper", "quantitative", "95% interval to", ".2f"),
            SummaryCharts.Field("pairs", "quantitative", "Pairs"));
        var layers = new JsonArray(
            new JsonObject
            {
                ["mark"] = new JsonObject { ["type"] = "rule", ["strokeWidth"] = 2, ["color"] = SummaryCharts.Colors[0] },
                ["encoding"] = new JsonObject { ["y"] = Y(), ["x"] = X("lower", "κ with people (quadratic), 95% interval"), ["x2"] = new JsonObject { ["field"] = "upper" }, ["tooltip"] = tooltip.DeepClone() },
            },
            new JsonObject
            {
                ["mark"] = new JsonObject { ["type"] = "point", ["filled"] = true, ["size"] = 80, ["color"] = SummaryCharts.Colors[0], ["opacity"] = 1 },
                ["encoding"] = new JsonObject { ["y"] = Y(), ["x"] = X("kappa", null), ["tooltip"] = tooltip.DeepClone() },
            });
        if (ceiling is { } c)
        {
            layers.Add(new JsonObject
            {
                ["data"] = new JsonObject { ["values"] = new JsonArray(new JsonObject { ["ceiling"] = c }) },
                ["mark"] = new JsonObject { ["type"] = "rule", ["color"] = SummaryCharts.PeopleColor, ["strokeDash"] = new JsonArray(4, 3) },
                ["encoding"] = new JsonObject
                {
                    ["x"] = X("ceiling", null),
                    ["tooltip"] = new JsonArray(SummaryCharts.Field("ceiling", "quantitative", "People vs people κ", ".2f")),
                },
            });
        }

        return new JsonObject
        {
            ["$schema"] = SummaryCharts.SchemaUrl,
            ["title"] = new JsonObject { ["text"] = "LLM judges: agreement with people", ["anchor"] = "start" },
            ["description"] = "Each judge's quadratic-weighted kappa with people's ratings, 95% bootstrap interval; dashed: people vs people",
            ["width"] = "container",
            ["height"] = new JsonObject { ["step"] = Row },
            ["data"] = new JsonObject { ["name"] = "judges", ["values"] = values },
            ["config"] = SummaryCharts.Config(),
            ["layer"] = layers,
        };
    }
}
