using EmpathyBot.Models.Running;

namespace EmpathyBot.Models.Judging;

/// <summary>What one judge is asked in a batch run, and how many verdicts it already had (so nothing was asked).</summary>
internal sealed record JudgePlan<TJob>(RegisteredJudge Judge, List<TJob> Jobs, int Cached);

/// <summary>
/// The batch loop every kind of judge run shares (replies, pairs): each judge's jobs in parallel up to twice its gate,
/// statuses counted per judge, progress reported as jobs finish.
/// </summary>
internal static class JudgeRunLoop
{
    public static async Task<JudgeRunSummary> RunAsync<TJob>(
        IReadOnlyList<JudgePlan<TJob>> plans, Func<RegisteredJudge, TJob, CancellationToken, Task<JudgeStatus>> ask,
        IProgress<RunProgress>? progress, CancellationToken ct)
    {
        var total = plans.Sum(p => p.Jobs.Count);
        var done = 0;
        var failedSoFar = 0;
        progress?.Report(new RunProgress(0, total, 0));
        var parts = await Task.WhenAll(plans.Select(async plan =>
        {
            int rated = 0, unparseable = 0, cached = plan.Cached, failed = 0;
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = plan.Judge.Chat.Gate.MaxConcurrency * 2, CancellationToken = ct };
            await Parallel.ForEachAsync(plan.Jobs, parallel, async (job, token) =>
            {
                switch (await ask(plan.Judge, job, token))
                {
                    case JudgeStatus.Rated: Interlocked.Increment(ref rated); break;
                    case JudgeStatus.Unparseable: Interlocked.Increment(ref unparseable); break;
                    case JudgeStatus.Cached: Interlocked.Increment(ref cached); break;
                    default: Interlocked.Increment(ref failed); Interlocked.Increment(ref failedSoFar); break;
                }

                progress?.Report(new RunProgress(Interlocked.Increment(ref done), total, Volatile.Read(ref failedSoFar)));
            });
            return new JudgeRunPart(plan.Judge.Id, rated, unparseable, cached, failed);
        }));
        return new JudgeRunSummary(parts);
    }
}
