using System.Text.RegularExpressions;
using EmpathyBot.Core.Study;

namespace EmpathyBot.Core.Judging;

/// <summary>
/// Reads a judge's one-word answer: the first whole word good, okay or bad, case-insensitive. An answer naming more
/// than one different such word ("good, not bad") or none at all is unparseable: we do not guess what the judge meant.
/// </summary>
public static partial class JudgeAnswerParser
{
    public static RatingValue? Parse(string? answer)
    {
        if (string.IsNullOrEmpty(answer)) return null;
        RatingValue? found = null;
        foreach (Match m in RatingWord().Matches(answer))
        {
            RatingValues.TryParse(m.Value, out var value);
            if (found is { } first && first != value) return null;
            found = value;
        }

        return found;
    }

    [GeneratedRegex(@"\b(good|okay|bad)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RatingWord();
}
