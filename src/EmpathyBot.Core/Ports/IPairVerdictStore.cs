using EmpathyBot.Core.Judging;

namespace EmpathyBot.Core.Ports;

/// <summary>
/// LLM judges' verdicts on pairs of replies people compared, kept apart from people's battles so no battle count,
/// pair balance or pairwise rating ever includes them. A pair's verdicts go when either reply is deleted.
/// </summary>
public interface IPairVerdictStore
{
    /// <summary>Stores a verdict; false (nothing changed) when the judge already has one for that pair, order and repeat, or a reply is gone.</summary>
    Task<bool> AddPairVerdictAsync(PairVerdict verdict, CancellationToken ct = default);

    /// <summary>Which (pair, order, repeat) verdicts <paramref name="judge"/> already has, so a run asks only for what is missing.</summary>
    Task<IReadOnlySet<PairVerdictKey>> GetPairVerdictKeysAsync(string judge, CancellationToken ct = default);

    /// <summary>Every pairwise verdict, ordered by reply A, reply B, judge, order (ab first) and repeat.</summary>
    IAsyncEnumerable<PairVerdict> ExportPairVerdictsAsync(CancellationToken ct = default);
}
