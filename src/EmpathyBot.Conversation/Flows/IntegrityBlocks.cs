using System.Globalization;
using EmpathyBot.Conversation.Messages;
using EmpathyBot.Core.Study;
using EmpathyBot.Core.Summary;

namespace EmpathyBot.Conversation.Flows;

/// <summary>The chat summary's integrity part: what was kept out of the comparison and why, and whether raters could tell who wrote a reply.</summary>
public static class IntegrityBlocks
{
    public static IReadOnlyList<MessageBlock> For(SummaryDocument summary)
    {
        var blocks = new List<MessageBlock>();
        var excluded = summary.Overall.Sources.Where(s => s.Value.ExcludedReplies > 0)
            .Select(s => new Fact(Sources.DisplayName(s.Key), $"{Count(s.Value.ExcludedReplies, "reply", "replies")} ({Reasons(s.Value.ExcludedRepliesByReason)})"))
            .ToList();
        if (summary.ExcludedRaters > 0)
            excluded.Add(new Fact("Raters", $"{Count(summary.ExcludedRaters, "rater", "raters")} ({Reasons(summary.ExcludedRatersByReason)})"));
        if (excluded.Count > 0)
        {
            blocks.Add(new Heading("Kept out of the comparison"));
            blocks.Add(new Facts([.. excluded]));
        }

        var guesses = summary.Overall.Sources.Where(s => s.Value.AuthorGuess is not null).ToList();
        if (guesses.Count > 0)
        {
            blocks.Add(new Heading("Could raters tell who wrote it?"));
            blocks.Add(new Facts([.. guesses.Select(s => new Fact(Sources.DisplayName(s.Key), Describe(s.Value.AuthorGuess!)))]));
        }

        return blocks;
    }

    private static string Describe(AuthorGuessSummary g) =>
        $"guessed right {g.Correct.ToString(CultureInfo.InvariantCulture)} of {Count(g.Guesses, "time", "times")} ({Figures.Percent(g.Accuracy)}); " +
        $"rated Good when thought an AI's: {Figures.Percent(g.GoodRateWhenGuessedAi)}, when thought a person's: {Figures.Percent(g.GoodRateWhenGuessedPerson)}";

    private static string Reasons(IReadOnlyDictionary<string, long>? reasons) =>
        reasons is null ? "" : string.Join(", ", reasons.Where(r => r.Value > 0).Select(r => $"{r.Key} {r.Value.ToString(CultureInfo.InvariantCulture)}"));

    private static string Count(long n, string one, string many) => $"{n.ToString(CultureInfo.InvariantCulture)} {(n == 1 ? one : many)}";
}
