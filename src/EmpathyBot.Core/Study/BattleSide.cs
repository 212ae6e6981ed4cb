namespace EmpathyBot.Core.Study;

/// <summary>One of the two replies of a battle, in the battle's own order (A is the reply whose source sorts first).</summary>
public enum BattleSide
{
    A,
    B,
}
