using System.Globalization;
using System.Net;
using EmpathyBot.Core.Study;

namespace EmpathyBot.Core.Summary;

/// <summary>The length-adjusted comparison in the report and dashboard: a column of the overall table and a note under it.</summary>
public static class LengthReport
{
    public const string Header = "<th>Same length: odds ratio [95% CI]</th>";

    /// <summary>A source's length-adjusted odds ratio of Good against people with its interval and stars; "–" without one.</summary>
    public static string Cell(SourceSummary s) =>
        "<td class=\"length-adjusted\">" + (s.LengthAdjusted is { Ci: [var lo, var hi] } a
            ? $"{F(a.OddsRatio)} [{F(lo)}, {F(hi)}]{SummaryReport.Stars(a.P)}"
            : "–") + "</td>";

    /// <summary>What the column means, the length effect itself, or why there is no estimate.</summary>
    public static string Note(LengthModel? model, string people)
    {
        if (model is null) return "";
        var status = WebUtility.HtmlEncode(model.Status);
        var reference = WebUtility.HtmlEncode(Sources.DisplayName(people));
        if (model.WordsOddsRatio is not { } words)
        {
            return $"<p class=\"note\" id=\"length-model\" data-status=\"{status}\">No length-adjusted comparison: "
                + WebUtility.HtmlEncode(model.Reason ?? model.Status) + "</p>";
        }

        var ci = model.WordsCi is [var lo, var hi] ? $" [{F(lo)}, {F(hi)}]" : "";
        var leftOut = model.Reason is null ? "" : " " + WebUtility.HtmlEncode(model.Reason);
        return $"<p class=\"note\" id=\"length-model\" data-status=\"{status}\">Same length: each model's odds of a Good rating against "
            + $"{reference}'s when replies are equally long (logistic regression over {model.N.ToString("N0", CultureInfo.InvariantCulture)} ratings "
            + "on the source and the z-scored log word count; Wald 95% intervals). Compare it with the raw “vs people” change: "
            + $"a model whose advantage shrinks here gained it from longer replies. A reply one SD longer (in log words) has "
            + $"<b data-fact=\"words-odds-ratio\">{F(words)}</b>{ci} times the odds of Good.{leftOut}</p>";
    }

    private static string F(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
