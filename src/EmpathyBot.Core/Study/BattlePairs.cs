namespace EmpathyBot.Core.Study;

/// <summary>
/// The one rule for a battle's order: reply A is the one whose source sorts first (ordinal), so a pair of replies has
/// one identity (its two reply ids in that order) however it was shown or imported, and the balance counts one pair of
/// sources under one name.
/// </summary>
public static class BattlePairs
{
    public static bool InOrder(string sourceA, string sourceB) => string.CompareOrdinal(sourceA, sourceB) < 0;

    /// <summary>The winner as the verdict on the pair shown with <paramref name="left"/> on the left.</summary>
    public static BattleWinner WinnerOf(PairChoice choice, BattleSide left) => choice switch
    {
        PairChoice.Left => left == BattleSide.A ? BattleWinner.A : BattleWinner.B,
        PairChoice.Right => left == BattleSide.A ? BattleWinner.B : BattleWinner.A,
        PairChoice.Tie => BattleWinner.Tie,
        PairChoice.BothBad => BattleWinner.BothBad,
        _ => throw new ArgumentOutOfRangeException(nameof(choice), choice, "A choice is left, right, tie or both bad."),
    };
}
