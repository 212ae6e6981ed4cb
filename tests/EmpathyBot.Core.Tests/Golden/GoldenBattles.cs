using EmpathyBot.Core.Statistics;

namespace EmpathyBot.Core.Tests.Golden;

/// <summary>The battles of Golden/bradley_terry.py (source_a, source_b, winner, words_a, words_b), shared by the golden tests.</summary>
internal static class GoldenBattles
{
    public static readonly (string A, string B, string Winner, int WordsA, int WordsB)[] Rows =
    [
    ("baseline", "human", "tie", 17, 17),
    ("claude", "baseline", "a", 32, 6),
    ("claude", "baseline", "a", 51, 24),
    ("gpt", "claude", "b", 21, 13),
    ("baseline", "claude", "tie", 33, 10),
    ("claude", "baseline", "both_bad", 19, 7),
    ("claude", "human", "a", 53, 23),
    ("claude", "human", "b", 36, 49),
    ("claude", "human", "both_bad", 18, 11),
    ("baseline", "gpt", "b", 40, 36),
    ("baseline", "gpt", "b", 37, 18),
    ("gpt", "claude", "a", 56, 7),
    ("claude", "human", "a", 43, 48),
    ("human", "claude", "b", 33, 21),
    ("claude", "baseline", "both_bad", 37, 18),
    ("gpt", "baseline", "a", 38, 4),
    ("gpt", "claude", "both_bad", 29, 26),
    ("claude", "baseline", "a", 14, 21),
    ("gpt", "baseline", "both_bad", 57, 55),
    ("claude", "baseline", "tie", 4, 12),
    ("human", "claude", "tie", 52, 33),
    ("gpt", "human", "a", 29, 32),
    ("human", "claude", "a", 49, 18),
    ("claude", "human", "b", 55, 40),
    ("claude", "baseline", "a", 36, 15),
    ("gpt", "human", "tie", 37, 35),
    ("claude", "human", "b", 23, 34),
    ("baseline", "gpt", "b", 26, 8),
    ("human", "gpt", "a", 29, 35),
    ("gpt", "baseline", "a", 17, 49),
    ("baseline", "human", "b", 51, 43),
    ("claude", "gpt", "a", 15, 18),
    ("baseline", "human", "b", 34, 38),
    ("human", "claude", "b", 12, 59),
    ("baseline", "claude", "b", 49, 49),
    ("baseline", "human", "b", 33, 51),
    ("claude", "human", "b", 10, 13),
    ("baseline", "claude", "a", 53, 20),
    ("baseline", "human", "a", 53, 43),
    ("claude", "human", "a", 31, 54),
    ("baseline", "gpt", "tie", 44, 56),
    ("gpt", "human", "b", 31, 17),
    ("human", "gpt", "a", 49, 47),
    ("human", "gpt", "b", 33, 57),
    ("claude", "human", "a", 45, 21),
    ("human", "baseline", "a", 28, 30),
    ("human", "baseline", "a", 28, 13),
    ("claude", "baseline", "b", 56, 34),
    ("claude", "baseline", "both_bad", 41, 37),
    ("gpt", "claude", "b", 47, 55),
    ("claude", "baseline", "a", 25, 20),
    ("claude", "gpt", "b", 12, 27),
    ("gpt", "baseline", "a", 56, 17),
    ("baseline", "claude", "b", 39, 43),
    ("human", "baseline", "a", 8, 35),
    ("claude", "gpt", "b", 40, 16),
    ("gpt", "baseline", "both_bad", 46, 34),
    ("human", "claude", "tie", 42, 28),
    ("claude", "baseline", "a", 37, 14),
    ("human", "baseline", "b", 7, 10),
    ];

    /// <summary>The rows as statistics battles: a tie and a both-bad verdict are both half a win for each side.</summary>
    public static List<Battle> Battles(Func<(string A, string B, string Winner, int WordsA, int WordsB), bool>? keep = null) =>
        Rows.Where(r => keep?.Invoke(r) ?? true)
            .Select(r => new Battle(r.A, r.B, r.Winner switch
            {
                "a" => BattleOutcome.WinA,
                "b" => BattleOutcome.WinB,
                _ => BattleOutcome.Tie,
            }, (r.WordsA - r.WordsB) / (double)(r.WordsA + r.WordsB)))
            .ToList();
}
