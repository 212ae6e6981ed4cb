using EmpathyBot.Core.Ports;
using EmpathyBot.Core.Summary;
using EmpathyBot.Services.Appraisal;
using EmpathyBot.Services.Pairwise;
using EmpathyBot.Services.Understanding;

namespace EmpathyBot.Services.Summary;

/// <summary>
/// The study's summary as one document, built from the stores' counters (never a scan of ratings; the pairwise section reads the battles). The chat,
/// <c>/api/summary</c>, the dashboard stream and the CLI's <c>summary</c> and <c>report</c> all read it from here.
/// </summary>
public sealed class SummaryQuery(
    IRatingStore ratings, IQualityStore quality, AppraisalData appraisal, UnderstandingData understanding, IIntegrityStore integrity,
    IJudgeStore judging, IJudgeRoster judges, PairwiseData pairwise, IPairVerdictStore pairVerdicts, IBattleStore battles)
{
    public async Task<SummaryDocument> BuildAsync(CancellationToken ct)
    {
        var snapshot = await quality.GetQualityAsync(ct);
        return IntegritySummary.Apply(SummaryBuilder.Build(await ratings.GetCountersAsync(ct), snapshot), await integrity.GetIntegrityAsync(ct))
            with
            {
                Appraisal = await appraisal.SummariseAsync(ct),
                Understanding = await understanding.SummariseAsync(ct),
                Judging = await JudgingAsync(snapshot, ct),
                Pairwise = await pairwise.SummariseAsync(ct),
            };
    }

    /// <summary>Null while no judge is configured and no verdict is stored, so a study without judges looks as before.</summary>
    private async Task<JudgingSummary?> JudgingAsync(QualitySnapshot snapshot, CancellationToken ct)
    {
        var rows = await judging.GetJudgedRepliesAsync(ct);
        var single = rows.Count == 0 && judges.SelfContenders.Count == 0 ? null : JudgingAnalysis.Build(rows, snapshot.Agreement, judges.SelfContenders);
        var pairVerdictList = await pairVerdicts.ExportPairVerdictsAsync(ct).ToListAsync(ct);
        return pairVerdictList.Count == 0 ? single : PairwiseJudging.Apply(single, pairVerdictList, await battles.ExportBattlesAsync(ct).ToListAsync(ct));
    }
}
