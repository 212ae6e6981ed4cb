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
public sealed class SummaryQuery(IRatingStore ratings, IQualityStore quality, AppraisalData appraisal, UnderstandingData understanding, PairwiseData pairwise)
{
    public async Task<SummaryDocument> BuildAsync(CancellationToken ct) =>
        SummaryBuilder.Build(await ratings.GetCountersAsync(ct), await quality.GetQualityAsync(ct))
            with
            {
                Appraisal = await appraisal.SummariseAsync(ct),
                Understanding = await understanding.SummariseAsync(ct),
                Pairwise = await pairwise.SummariseAsync(ct),
            };
}
