namespace EmpathyBot.Core.Study;

/// <summary>What a rater pressed on a pair card: the reply shown on the left (A), on the right (B), a tie, or both bad.</summary>
public enum PairChoice
{
    Left,
    Right,
    Tie,
    BothBad,
}
