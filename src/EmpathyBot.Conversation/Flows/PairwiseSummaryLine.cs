using System.Globalization;
using EmpathyBot.Conversation.Messages;
using EmpathyBot.Core.Study;
using EmpathyBot.Core.Summary;

namespace EmpathyBot.Conversation.Flows;

/// <summary>
/// The chat summary's line on the side-by-side comparisons, in plain words: how often each kind of reply was preferred,
/// a tie or "both bad" counting half. The Arena ratings with their intervals stay on the dashboard.
/// </summary>
public static class PairwiseSummaryLine
{
    /// <summary>Null while no comparison counts.</summary>
    public static Paragraph? For(SummaryDocument summary)
    {
        if (summary.Pairwise is not { Battles: > 0 } pairwise) return null;
        var shares = string.Join("; ", pairwise.Sources.Select(s => $"{Sources.DisplayName(s.Key)} {Share(s.Value)}"));
        return new Paragraph(
            $"In {Count(pairwise.Battles)} side by side, how often each kind of reply was chosen as the more empathetic (a tie counting half): {shares}.",
            Tone.Subtle);
    }

    /// <summary>The summary when there are comparisons but no Good/Okay/Bad ratings yet (a pairwise-only study).</summary>
    public static Message? Alone(SummaryDocument summary) => For(summary) is { } line
        ? new Message(line.Text, [new Heading("How replies compare side by side"), line], Menu.Actions)
        : null;

    private static string Share(PairwiseSource s) => s.Battles < SummaryFlow.MinRatings
        ? $"too early to say ({Count(s.Battles)})"
        : $"{Figures.Percent((s.Wins + 0.5 * s.Ties) / s.Battles)} ({Count(s.Battles)})";

    private static string Count(long n) => n == 1 ? "1 comparison" : $"{n.ToString(CultureInfo.InvariantCulture)} comparisons";
}
