using EmpathyBot.Core.Summary;

namespace EmpathyBot.Core.Tests.Summary;

public class PairwiseReportTests
{
    private static PairwiseSummary Summary(string? reason = null) => new(
        12, "human", reason,
        new Dictionary<string, PairwiseSource>
        {
            ["human"] = new(1000, [1000, 1000], 8, 4, 3, 1, 1, 1),
            ["<gpt>"] = new(1093.6, [1012.2, 1190.4], 8, 3, 4, 1, 0, 1),
            ["baseline"] = new(812.4, [700.1, 905.9], 8, 2, 4, 2, 1, 2),
        },
        new Dictionary<string, IReadOnlyDictionary<string, double>>
        {
            ["human"] = new Dictionary<string, double> { ["<gpt>"] = 0.4375 },
            ["<gpt>"] = new Dictionary<string, double> { ["human"] = 0.5625 },
        },
        new Dictionary<string, StyledRating> { ["human"] = new(1000, [1000, 1000]), ["<gpt>"] = new(1040.2, [990.5, 1101.0]), ["baseline"] = new(null, null) },
        0.842, null,
        new Dictionary<string, IReadOnlyDictionary<string, EmotionWinRate>> { ["afraid"] = new Dictionary<string, EmotionWinRate> { ["<gpt>"] = new(11, 0.6) } });

    [Fact]
    public void The_section_shows_both_ratings_with_intervals_the_win_rate_matrix_and_per_emotion_rates()
    {
        var html = PairwiseReport.Section(Summary());

        Assert.Contains("<table id=\"pairwise\">", html);
        Assert.Contains("<td>1094 [1012, 1190]</td><td>1040 [991, 1101]</td>", html);
        Assert.Contains("<td>812 [700, 906]</td><td>–</td>", html);
        Assert.Contains("&lt;gpt&gt;", html);
        Assert.DoesNotContain("<gpt>", html);
        Assert.Contains("<table id=\"win-rates\">", html);
        Assert.Contains("<td>56.3%</td>", html);
        // A source against itself, or a pair never compared, has no win rate.
        Assert.Contains("<tr data-source=\"human\"><td>People</td><td>–</td><td>43.8%</td><td>–</td></tr>", html);
        Assert.Contains("<b data-fact=\"length-coefficient\">0.842</b>", html);
        Assert.Contains("<td>60.0% (11)</td>", html);
        // Ranked: the two sources whose intervals overlap share rank 1, baseline below them.
        Assert.True(html.IndexOf("data-source=\"baseline\"", StringComparison.Ordinal) > html.IndexOf("data-source=\"human\"", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_fit_says_why_and_no_battles_show_nothing()
    {
        Assert.Contains("No ratings: &#39;x&#39; never lost", PairwiseReport.Section(Summary("'x' never lost")));
        Assert.Equal("", PairwiseReport.Section(Summary() with { Battles = 0 }));
        Assert.Equal("", PairwiseReport.Section(null));
    }
}
