namespace EmpathyBot.Core.Understanding;

/// <summary>
/// Running sums of one source's answers to one item (kept by the store as answers arrive).
/// </summary>
/// <param name="N">Answers with four values (the ones in <paramref name="ValueSums"/>).</param>
/// <param name="ValueSums">Sum of the points (allocation) or ratings (intensity) per option, in item order.</param>
/// <param name="Scored">Answers with a score (a distance, or an EQ-Bench question score when parseable).</param>
/// <param name="ScoreSum">Sum of those scores; ScoreSum / Scored is the item's template (people) or the source's item score.</param>
public sealed record UnderstandingItemStats(string Set, string Source, string ItemId, long N, IReadOnlyList<double> ValueSums, long Scored, double ScoreSum)
{
    public double? MeanScore => Scored > 0 ? ScoreSum / Scored : null;
}

/// <summary>Count, sum and sum of squares of completed test scores of one source on one set.</summary>
public sealed record UnderstandingTestCell(string Set, string Source, long N, double Sum, double SumSq)
{
    /// <summary>Distinct participants behind the tests (people only; 0 for contenders), for Privacy:MinGroupSize.</summary>
    public long People { get; init; }

    public double? Mean => N > 0 ? Sum / N : null;

    /// <summary>Sample standard deviation (n - 1); null below two tests.</summary>
    public double? Sd => N > 1 ? Math.Sqrt(Math.Max(0, (SumSq - Sum * Sum / N) / (N - 1))) : null;
}
