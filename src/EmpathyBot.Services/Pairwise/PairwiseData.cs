using EmpathyBot.Core.Ports;
using EmpathyBot.Core.Summary;
using EmpathyBot.Services.Privacy;
using Microsoft.Extensions.Options;

namespace EmpathyBot.Services.Pairwise;

/// <summary>
/// The <c>pairwise</c> section of the summary. Unlike the counters behind the rest, it reads every battle: the bootstrap
/// resamples individual battles, and the style control needs each battle's two reply lengths.
/// </summary>
public sealed class PairwiseData(IBattleStore battles, IOptions<PairwiseOptions> options, IOptions<PrivacyOptions> privacy)
{
    public async Task<PairwiseSummary> SummariseAsync(CancellationToken ct) => PairwiseSummaryBuilder.Build(
        await battles.ExportBattlesAsync(ct).ToListAsync(ct), options.Value.BootstrapRounds, privacy.Value.MinGroupSize);
}
