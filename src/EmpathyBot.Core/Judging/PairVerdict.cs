using EmpathyBot.Core.Study;

namespace EmpathyBot.Core.Judging;

/// <summary>
/// One LLM judge's answer about a pair of replies people compared. Never a battle: it lives with the judge verdicts
/// and only the judging section of the summary reads it.
/// </summary>
/// <param name="ReplyA">The pair's reply A in battle order (its source sorts first), whatever order it was shown in.</param>
/// <param name="Order">Which reply was shown first, as "Reply A".</param>
/// <param name="Repeat">0 for the judge's first verdict on the pair in this order, 1 for the second, and so on.</param>
/// <param name="Winner">The parsed answer mapped back to battle order (<see cref="BattleWinner.A"/> = <paramref name="ReplyA"/>
/// won, whichever side it was shown on); null when the answer was unparseable (kept and counted, never guessed).</param>
/// <param name="Raw">The judge's answer as it came back (its "A" and "B" name the shown order).</param>
/// <param name="TemplateSha256">SHA-256 of the pairwise judge template the prompt was rendered from.</param>
public sealed record PairVerdict(
    string ReplyA, string ReplyB, string Judge, PairOrder Order, int Repeat, BattleWinner? Winner, string Raw, string TemplateSha256, DateTimeOffset At)
{
    /// <summary>The pair's verdict from what the judge answered about the order it was shown in.</summary>
    public static BattleWinner? FromShown(BattleWinner? shown, PairOrder order) => order == PairOrder.AB ? shown : shown?.Swapped();

    /// <summary>The key that says this verdict need not be asked again.</summary>
    public PairVerdictKey Key => new(ReplyA, ReplyB, Order, Repeat);
}

/// <summary>Which pairwise verdict of a judge: the pair (battle order), the order shown and the repeat (0 = first).</summary>
public readonly record struct PairVerdictKey(string ReplyA, string ReplyB, PairOrder Order, int Repeat);
