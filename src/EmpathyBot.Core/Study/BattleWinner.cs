using System.Diagnostics.CodeAnalysis;

namespace EmpathyBot.Core.Study;

/// <summary>The verdict on a pair of replies A and B: A, B, a tie, or both bad (both count as half a win each side in the fit).</summary>
public enum BattleWinner
{
    A,
    B,
    Tie,
    BothBad,
}

/// <summary>The wire names <c>a</c>, <c>b</c>, <c>tie</c>, <c>both_bad</c> used in the CSV, the JSONL export and the store.</summary>
public static class BattleWinners
{
    public static string ToWire(this BattleWinner winner) => winner switch
    {
        BattleWinner.A => "a",
        BattleWinner.B => "b",
        BattleWinner.Tie => "tie",
        BattleWinner.BothBad => "both_bad",
        _ => throw new ArgumentOutOfRangeException(nameof(winner), winner, "A winner is a, b, tie or both_bad."),
    };

    /// <summary>Reads a wire name in any case, with spaces or a hyphen for the underscore ("Both bad").</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out BattleWinner winner)
    {
        winner = default;
        switch (text?.Trim().ToLowerInvariant().Replace(' ', '_').Replace('-', '_'))
        {
            case "a": winner = BattleWinner.A; return true;
            case "b": winner = BattleWinner.B; return true;
            case "tie": winner = BattleWinner.Tie; return true;
            case "both_bad": winner = BattleWinner.BothBad; return true;
            default: return false;
        }
    }

    /// <summary>The same verdict with A and B swapped (a pair read in the other order).</summary>
    public static BattleWinner Swapped(this BattleWinner winner) => winner switch
    {
        BattleWinner.A => BattleWinner.B,
        BattleWinner.B => BattleWinner.A,
        _ => winner,
    };
}
