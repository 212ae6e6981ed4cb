using EmpathyBot.Core.Study;

namespace EmpathyBot.Core.Interchange;

/// <summary>Puts a battle row in battle order (<see cref="BattlePairs"/>): the two replies swap, and the verdict with them.</summary>
public static class BattleRows
{
    public static BattleRow InOrder(BattleRow row) => BattlePairs.InOrder(row.SourceA, row.SourceB)
        ? row
        : row with
        {
            SourceA = row.SourceB, ResponseAId = row.ResponseBId, ResponseA = row.ResponseB,
            SourceB = row.SourceA, ResponseBId = row.ResponseAId, ResponseB = row.ResponseA,
            Winner = row.Winner.Swapped(),
        };
}
