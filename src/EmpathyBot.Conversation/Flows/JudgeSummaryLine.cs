using System.Globalization;
using EmpathyBot.Conversation.Messages;
using EmpathyBot.Core.Summary;

namespace EmpathyBot.Conversation.Flows;

/// <summary>The chat summary's one line on the LLM judges, in plain words; the figures behind it are on the dashboard.</summary>
public static class JudgeSummaryLine
{
    /// <summary>Null while no judge has an agreement figure yet.</summary>
    public static Paragraph? For(SummaryDocument summary)
    {
        var judges = summary.Judging?.Judges.Where(j => j.Value.Kappa is not null).ToList() ?? [];
        if (judges.Count == 0) return null;
        var figures = string.Join("; ", judges.Select(j => $"{j.Key} {F(j.Value.Kappa!.Value)}"));
        var ceiling = summary.Judging!.HumanHumanKappa is { } people ? $" (people with each other: {F(people)})" : "";
        return new Paragraph(
            $"AI judges rated the same replies. How well each agreed with people, where 1 is full agreement and 0 is chance: {figures}{ceiling}.", Tone.Subtle);
    }

    private static string F(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
