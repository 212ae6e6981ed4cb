using System.Globalization;
using System.Net;
using System.Text;
using EmpathyBot.Core.Integrity;
using EmpathyBot.Core.Study;

namespace EmpathyBot.Core.Summary;

/// <summary>
/// The report's and dashboard's integrity section: replies kept out of the pool by reason, raters excluded by reason,
/// and, when raters were asked who wrote a reply, the author-guess table.
/// </summary>
public static class IntegrityReport
{
    public static string Section(SummaryDocument summary)
    {
        var html = new StringBuilder("<h2>Integrity</h2>");
        var raters = summary.ExcludedRatersByReason ?? IntegritySnapshot.RaterReasons(summary.ExcludedRaters, 0);
        html.Append("<p class=\"note\" id=\"excluded-raters-by-reason\">Raters excluded: ")
            .Append(string.Join(", ", raters.Select(r => $"<span data-reason=\"{E(r.Key)}\">{E(r.Key)} {N(r.Value)}</span>")))
            .Append(". Ratings given faster than the minimum time per card are stored but not counted (in Excluded ratings).</p>");
        html.Append(ExcludedReplies(summary));
        if (summary.Overall.Sources.Values.Any(s => s.AuthorGuess is not null)) html.Append(Guesses(summary));
        return html.ToString();
    }

    private static string ExcludedReplies(SummaryDocument summary)
    {
        var reasons = new[] { ExclusionReasons.Reveal }.Concat(ExclusionReasons.ReplyFlags).ToArray();
        var html = new StringBuilder("<div class=\"scroll\"><table id=\"excluded-replies\"><thead><tr><th>Source</th><th>Excluded replies</th>");
        foreach (var r in reasons) html.Append("<th>").Append(E(r)).Append("</th>");
        html.Append("</tr></thead><tbody>");
        foreach (var (source, s) in summary.Overall.Sources)
        {
            html.Append("<tr data-source=\"").Append(E(source)).Append("\"><td>").Append(E(Sources.DisplayName(source))).Append("</td><td>").Append(N(s.ExcludedReplies)).Append("</td>");
            foreach (var r in reasons)
                html.Append("<td data-reason=\"").Append(E(r)).Append("\">").Append(N(s.ExcludedRepliesByReason?.GetValueOrDefault(r) ?? 0)).Append("</td>");
            html.Append("</tr>");
        }

        return html.Append("</tbody></table></div>").ToString();
    }

    private static string Guesses(SummaryDocument summary)
    {
        var html = new StringBuilder("<h3>Who wrote it? Raters' guesses</h3><div class=\"scroll\"><table id=\"author-guess\"><thead><tr><th>Source</th>" +
            "<th>Guesses</th><th>Correct</th><th>Accuracy [95% CI]</th><th>Not sure</th><th>Good rate when guessed AI</th><th>Good rate when guessed person</th></tr></thead><tbody>");
        foreach (var (source, s) in summary.Overall.Sources.Where(s => s.Value.AuthorGuess is not null))
        {
            var g = s.AuthorGuess!;
            html.Append("<tr data-source=\"").Append(E(source)).Append("\"><td>").Append(E(Sources.DisplayName(source))).Append("</td>")
                .Append("<td>").Append(N(g.Guesses)).Append("</td><td>").Append(N(g.Correct)).Append("</td>")
                .Append("<td>").Append(Percent(g.Accuracy)).Append(g.AccuracyCi is [var lo, var hi] ? $" [{Percent(lo)}, {Percent(hi)}]" : "").Append("</td>")
                .Append("<td>").Append(N(g.NotSure)).Append("</td>")
                .Append("<td>").Append(Percent(g.GoodRateWhenGuessedAi)).Append("</td><td>").Append(Percent(g.GoodRateWhenGuessedPerson)).Append("</td></tr>");
        }

        return html.Append("</tbody></table></div><p class=\"note\">Correct = a person for people's replies, an AI for any contender's; " +
            "\"Not sure\" counts as a guess that is not correct.</p>").ToString();
    }

    private static string N(long n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Percent(double? rate) => rate is { } r ? r.ToString("0.0%", CultureInfo.InvariantCulture) : "–";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
