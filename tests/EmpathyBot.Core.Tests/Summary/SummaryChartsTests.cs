using System.Text.Json;
using EmpathyBot.Core.Summary;

namespace EmpathyBot.Core.Tests.Summary;

public sealed class SummaryChartsTests
{
    private static SummaryDocument Study() => SummaryBuilder.Build(
    [
        // Welivita & Pu's headline counts (Bad/Okay/Good): people 342/672/986, GPT-4 142/563/1295.
        new CounterRow("sad", "human", new SourceCounts(2000, 2000, 986, 672, 342)),
        new CounterRow("sad", "gpt-4", new SourceCounts(2000, 2000, 1295, 563, 142)),
        new CounterRow("joyful", "human", new SourceCounts(4, 4, 2, 1, 1)),
        new CounterRow("joyful", "gpt-4", new SourceCounts(4, 4, 4, 0, 0)),
        new CounterRow("joyful", "baseline", new SourceCounts(4, 4, 1, 1, 2)),
        // Nobody rated people's replies on this emotion yet: nothing to compare with.
        new CounterRow("proud", "gpt-4", new SourceCounts(2, 2, 2, 0, 0)),
    ]);

    [Fact]
    public void A_forest_point_is_the_models_good_rate_minus_peoples_with_the_newcombe_interval()
    {
        var sad = Assert.Single(SummaryCharts.ForestPoints(Study()), p => p.Emotion == "sad");

        Assert.Equal("gpt-4", sad.Source);
        Assert.Equal((1295 - 986) / 2000.0, sad.Difference, 12);
        // statsmodels confint_proportions_2indep(1295, 2000, 986, 2000, method='newcomb'): people's side of NewcombeTests, mirrored.
        Assert.Equal(0.12401557100600388, sad.Lower, 9);
        Assert.Equal(0.18457430835461772, sad.Upper, 9);
        Assert.Equal((1295L, 2000L, 986L, 2000L), (sad.ModelGood, sad.ModelRatings, sad.PeopleGood, sad.PeopleRatings));
    }

    [Fact]
    public void Positive_and_negative_emotions_get_one_chart_each_and_emotions_without_people_are_left_out()
    {
        var summary = Study();

        var points = SummaryCharts.ForestPoints(summary);
        var specs = SummaryCharts.Specs(summary);

        Assert.DoesNotContain(points, p => p.Emotion == "proud");
        Assert.Equal(["forest-positive", "forest-negative"], specs.Keys);
        var joyful = specs["forest-positive"]["data"]!["values"]!.AsArray();
        Assert.Equal(["baseline (non-AI)", "gpt-4"], joyful.Select(v => (string)v!["model"]!).Order(StringComparer.Ordinal));
        Assert.Equal("container", (string)specs["forest-negative"]["width"]!);
    }

    [Fact]
    public void Each_model_keeps_one_colour_blind_safe_colour_and_one_shape_in_every_chart()
    {
        var specs = SummaryCharts.Specs(Study());

        foreach (var spec in specs.Values)
        {
            var point = spec["layer"]![2]!["encoding"]!;
            Assert.Equal(["baseline (non-AI)", "gpt-4"], point["color"]!["scale"]!["domain"]!.AsArray().Select(v => (string)v!));
            Assert.Equal(SummaryCharts.Colors.Take(2), point["color"]!["scale"]!["range"]!.AsArray().Select(v => (string)v!));
            Assert.Equal(SummaryCharts.Shapes.Take(2), point["shape"]!["scale"]!["range"]!.AsArray().Select(v => (string)v!));
        }
    }

    [Fact]
    public void The_specs_travel_inside_a_script_element_without_a_raw_angle_bracket()
    {
        var summary = SummaryBuilder.Build(
        [
            new CounterRow("sad", "human", new SourceCounts(1, 1, 1, 0, 0)),
            new CounterRow("sad", "</script><b>", new SourceCounts(1, 1, 0, 0, 1)),
        ]);

        var json = SummaryCharts.SpecsJson(SummaryCharts.Specs(summary));

        Assert.DoesNotContain("<", json);
        using var parsed = JsonDocument.Parse(json);
        Assert.Equal("</script><b>", parsed.RootElement.GetProperty("forest-negative").GetProperty("data").GetProperty("values")[0].GetProperty("source").GetString());
    }

    [Fact]
    public void A_report_without_the_chart_libraries_says_so_and_keeps_every_table()
    {
        var html = SummaryReport.Page(Study(), DateTimeOffset.UnixEpoch, libraries: null);

        Assert.Contains("id=\"charts-missing\"", html);
        Assert.Contains("built without Node.js/npm", html);
        Assert.Contains("<table id=\"overall\">", html);
        Assert.Contains("<table id=\"emotions\">", html);
        Assert.Contains("<th>vs people</th>", html);
        Assert.DoesNotContain("vs baseline", html);
        Assert.DoesNotContain("<script>", html);
    }

    [Fact]
    public void A_report_inlines_the_libraries_then_the_drawing_script_then_draws()
    {
        var libraries = new ChartLibraries("var vega = 1; // </script> in a string", "var vegaLite = 2;", "var vegaEmbed = 3;");

        var html = SummaryReport.Page(Study(), DateTimeOffset.UnixEpoch, libraries);

        var order = new[] { "var vega = 1;", "var vegaLite = 2;", "var vegaEmbed = 3;", "window.EmpathyBotCharts = ", "window.EmpathyBotCharts.render(document)" }
            .Select(s => html.IndexOf(s, StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, order);
        Assert.Equal(order.Order(), order);
        Assert.Contains("// <\\/script> in a string", html);
        Assert.DoesNotContain("charts-missing", html);
    }

    [Fact]
    public void The_feelings_check_gets_a_pa_and_an_na_chart_without_withheld_groups_and_with_each_models_own_look()
    {
        var withheld = new AppraisalChange(0, null, null, null, null, "none", "none") { Withheld = true };
        AppraisalSourceSummary Source(AppraisalChange overall) => new(new AppraisalGroup(8, 30, 5, 15, 4), overall, new Dictionary<string, AppraisalEmotionSummary>
        {
            ["Anger"] = new(new AppraisalChange(8, -4.5, 9.25, 0.0004, 0.002, "down", "up"), new Dictionary<string, AppraisalChange>()),
        });
        var summary = Study() with
        {
            Appraisal = new AppraisalSummary(0.01, new Dictionary<string, AppraisalSourceSummary>
            {
                ["human"] = Source(withheld),
                // gpt-4 is the summary's second model (after baseline): it keeps the second colour and shape here too.
                ["gpt-4"] = Source(new AppraisalChange(8, -1, 2, 0.3, 0.2, "none", "none")),
            }),
        };

        var specs = SummaryCharts.Specs(summary);

        var pa = specs["appraisal-pa"];
        Assert.True(specs.ContainsKey("appraisal-na"));
        var values = pa["data"]!["values"]!.AsArray().Select(v => $"{v!["model"]} {v["emotion"]} {(double)v["change"]!} {v["significant"]}").Order(StringComparer.Ordinal);
        Assert.Equal(["People Anger -4.5 ▼", "gpt-4 Anger -4.5 ▼", "gpt-4 Overall -1 "], values);
        var color = pa["layer"]![1]!["encoding"]!["color"]!["scale"]!;
        Assert.Equal(["People", "gpt-4"], color["domain"]!.AsArray().Select(v => (string)v!));
        Assert.Equal([SummaryCharts.PeopleColor, SummaryCharts.Colors[1]], color["range"]!.AsArray().Select(v => (string)v!));
        var html = SummaryReport.Body(summary, DateTimeOffset.UnixEpoch);
        Assert.Contains("data-chart=\"appraisal-pa\"", html);
        Assert.True(html.IndexOf("<table id=\"appraisal\">", StringComparison.Ordinal) < html.IndexOf("data-chart=\"appraisal-pa\"", StringComparison.Ordinal));
    }
}
