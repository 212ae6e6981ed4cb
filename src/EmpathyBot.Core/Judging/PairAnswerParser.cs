using System.Text.RegularExpressions;
using EmpathyBot.Core.Study;

namespace EmpathyBot.Core.Judging;

/// <summary>
/// Reads a judge's answer to a pair card, in the order shown: the first whole answer token A, B, Tie or Both bad,
/// case-insensitive ("both bad" may be written with a space, hyphen or underscore). An answer naming two different
/// tokens ("A, not B") or none is unparseable: we do not guess what the judge meant.
/// </summary>
public static partial class PairAnswerParser
{
    public static BattleWinner? Parse(string? answer)
    {
        if (string.IsNullOrEmpty(answer)) return null;
        BattleWinner? found = null;
        foreach (Match m in AnswerToken().Matches(answer))
        {
            BattleWinners.TryParse(Regex.Replace(m.Value, @"[\s_-]+", "_"), out var value);
            if (found is { } first && first != value) return null;
            found = value;
        }

        return found;
    }

    // "Both bad" before the single letters, so its words are one token; \b keeps "a" inside "that" from counting.
    [GeneratedRegex(@"\b(both[\s_-]+bad|tie|a|b)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AnswerToken();
}
