using EmpathyBot.Core.Judging;
using EmpathyBot.Core.Ports;
using EmpathyBot.Core.Study;

namespace EmpathyBot.Core.Summary;

/// <summary>
/// The pairwise figures of each judge in the judging section, from its verdicts on pairs people compared (each pair
/// asked in both orders) and people's counted battles. Definitions in docs/methods.md:
/// <list type="bullet">
/// <item><c>positionBias</c>: of all decisive verdicts (A or B; tie and both bad are not wins), every order and repeat,
/// the share won by the reply shown first. 0.5 is no bias; 1 always the first shown.</item>
/// <item><c>orderConsistency</c>: of the pairs with a parseable verdict in both orders (the first parseable repeat of
/// each), the share whose two verdicts agree once the B|A verdict is mapped back to the pair's own order.</item>
/// <item><c>pairwiseAgreement</c>: of the (counted human battle, judge verdict) pairs on the same pair of replies, the
/// share where the judge's first parseable A|B verdict equals the person's outcome (a, b, tie or both bad).</item>
/// </list>
/// Each is null when it has nothing to count.
/// </summary>
public static class PairwiseJudging
{
    /// <summary>Adds each judge's pairwise figures to <paramref name="judging"/>; a judge with only pairwise verdicts gets an entry of its own.</summary>
    public static JudgingSummary? Apply(JudgingSummary? judging, IReadOnlyList<PairVerdict> verdicts, IReadOnlyList<BattleRecord> battles)
    {
        if (verdicts.Count == 0) return judging;
        judging ??= new JudgingSummary(null, 0, new Dictionary<string, JudgeSummary>(), new Dictionary<string, JudgingEmotion>());
        var judges = new SortedDictionary<string, JudgeSummary>(judging.Judges.ToDictionary(), StringComparer.Ordinal);
        var people = battles.Where(b => !b.RaterExcluded).ToList();
        foreach (var group in verdicts.GroupBy(v => v.Judge, StringComparer.Ordinal))
        {
            var mine = group.ToList();
            var entry = judges.GetValueOrDefault(group.Key) ?? Empty;
            judges[group.Key] = entry with
            {
                PairwiseVerdicts = mine.Count(v => v.Winner is not null),
                PairwiseUnparseable = mine.Count(v => v.Winner is null),
                PositionBias = PositionBias(mine),
                OrderConsistency = OrderConsistency(mine),
                PairwiseAgreement = Agreement(mine, people),
            };
        }

        return judging with { Judges = judges };
    }

    private static JudgeSummary Empty => new(0, 0, 0, null, null, null, new Dictionary<string, double>(), null, null, null);

    public static double? PositionBias(IReadOnlyList<PairVerdict> verdicts)
    {
        var decisive = verdicts.Where(v => v.Winner is BattleWinner.A or BattleWinner.B).ToList();
        if (decisive.Count == 0) return null;
        var firstShown = decisive.Count(v => v.Winner == (v.Order == PairOrder.AB ? BattleWinner.A : BattleWinner.B));
        return (double)firstShown / decisive.Count;
    }

    public static double? OrderConsistency(IReadOnlyList<PairVerdict> verdicts)
    {
        var ab = First(verdicts, PairOrder.AB);
        var ba = First(verdicts, PairOrder.BA);
        var both = ab.Keys.Where(ba.ContainsKey).ToList();
        if (both.Count == 0) return null;
        return (double)both.Count(k => ab[k] == ba[k]) / both.Count;
    }

    public static double? Agreement(IReadOnlyList<PairVerdict> verdicts, IReadOnlyList<BattleRecord> people)
    {
        var judge = First(verdicts, PairOrder.AB);
        var paired = people.Where(b => judge.ContainsKey((b.A.Id, b.B.Id))).ToList();
        if (paired.Count == 0) return null;
        return (double)paired.Count(b => judge[(b.A.Id, b.B.Id)] == b.Winner) / paired.Count;
    }

    /// <summary>Per pair, the first parseable verdict (lowest repeat) in one order, already in the pair's own order.</summary>
    private static Dictionary<(string, string), BattleWinner> First(IEnumerable<PairVerdict> verdicts, PairOrder order) =>
        verdicts.Where(v => v.Order == order && v.Winner is not null)
            .GroupBy(v => (v.ReplyA, v.ReplyB))
            .ToDictionary(g => g.Key, g => g.MinBy(v => v.Repeat)!.Winner!.Value);
}
