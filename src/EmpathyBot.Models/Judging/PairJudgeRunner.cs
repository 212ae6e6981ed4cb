using EmpathyBot.Core.Judging;
using EmpathyBot.Core.Ports;
using EmpathyBot.Core.Study;
using EmpathyBot.Models.Configuration;
using EmpathyBot.Models.Running;
using EmpathyBot.Services;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EmpathyBot.Models.Judging;

/// <summary>
/// <c>judge run --pairwise</c>: asks judges about the pairs of replies people compared (distinct pairs in the battles),
/// each pair in both orders, A|B and B|A, through <see cref="JudgeRunner.AskAsync{T}"/> (the one retry policy, cache and
/// gates). A verdict already stored for (judge, pair, order, repeat) is never asked again; a call that keeps failing
/// stores nothing and the next run asks again.
/// </summary>
public sealed class PairJudgeRunner(
    JudgeRunner runner, IPairVerdictStore verdicts, IBattleStore battles, IOptions<DataOptions> data, TimeProvider time,
    ILogger<PairJudgeRunner>? log = null)
{
    private readonly ILogger _log = (ILogger?)log ?? NullLogger.Instance;
    private readonly Lazy<PairJudgeTemplate> _template = new(() => PairJudgeTemplate.Load(Path.Combine(data.Value.Resolve(), PairJudgeTemplate.TemplatePath)));

    private sealed record Pair(StudyPrompt Prompt, Reply A, Reply B);

    private sealed record Job(Pair Pair, PairOrder Order, int Repeat);

    /// <summary>The judge's verdict number <paramref name="repeat"/> on one pair shown in <paramref name="order"/>: asked, parsed and stored.</summary>
    public async Task<JudgeStatus> JudgeAsync(RegisteredJudge judge, StudyPrompt prompt, Reply a, Reply b, PairOrder order, int repeat, CancellationToken ct)
    {
        var template = _template.Value;
        var (first, second) = order == PairOrder.AB ? (a, b) : (b, a);
        var answer = await runner.AskAsync(judge, template.Render(prompt, first, second), PairAnswerParser.Parse, ct);
        if (answer.Raw is null)
        {
            _log.LogWarning("Judge {Judge} failed on pair {A}|{B} ({Order}) after {Attempts} attempt(s): {Error}",
                judge.Id, a.Id, b.Id, order.ToWire(), answer.Attempts, answer.Error);
            return JudgeStatus.Failed;
        }

        var verdict = new PairVerdict(a.Id, b.Id, judge.Id, order, repeat, PairVerdict.FromShown(answer.Parsed, order), answer.Raw, template.Sha256, time.GetUtcNow());
        if (!await verdicts.AddPairVerdictAsync(verdict, ct)) return JudgeStatus.Cached;
        if (verdict.Winner is null) _log.LogInformation("Judge {Judge} gave an unparseable answer on pair {A}|{B} ({Order}); stored as such.", judge.Id, a.Id, b.Id, order.ToWire());
        return verdict.Winner is null ? JudgeStatus.Unparseable : JudgeStatus.Rated;
    }

    /// <summary>Every battle pair lacking a chosen judge's verdicts, in both orders; <see cref="JudgeRunRequest.Limit"/> counts pairs.</summary>
    public async Task<JudgeRunSummary> RunAsync(JudgeRunRequest request, IProgress<RunProgress>? progress, CancellationToken ct)
    {
        var judges = runner.Choose(request.JudgeId);
        JudgeRunner.CheckRequest(request);
        _ = _template.Value; // a missing or malformed template stops the run before anything is asked
        var pairs = await PairsAsync(ct);
        var plans = new List<JudgePlan<Job>>();
        foreach (var judge in judges) plans.Add(await PlanAsync(judge, pairs, request, ct));
        return await JudgeRunLoop.RunAsync(plans, (judge, job, token) =>
            JudgeAsync(judge, job.Pair.Prompt, job.Pair.A, job.Pair.B, job.Order, job.Repeat, token), progress, ct);
    }

    /// <summary>The distinct pairs of replies in people's battles (battle order), in order of first battle.</summary>
    private async Task<List<Pair>> PairsAsync(CancellationToken ct)
    {
        var pairs = new List<Pair>();
        var seen = new HashSet<(string, string)>();
        await foreach (var battle in battles.ExportBattlesAsync(ct))
        {
            if (seen.Add((battle.A.Id, battle.B.Id))) pairs.Add(new Pair(battle.Prompt, battle.A, battle.B));
        }

        return pairs;
    }

    private async Task<JudgePlan<Job>> PlanAsync(RegisteredJudge judge, List<Pair> pairs, JudgeRunRequest request, CancellationToken ct)
    {
        var have = await verdicts.GetPairVerdictKeysAsync(judge.Id, ct);
        var repeats = request.Repeats ?? judge.Options.Repeats;
        var jobs = new List<Job>();
        int cached = 0, chosen = 0;
        foreach (var pair in pairs)
        {
            var missing = PairOrders.Both.SelectMany(o => Enumerable.Range(0, repeats).Select(r => new Job(pair, o, r)))
                .Where(j => !have.Contains(new PairVerdictKey(pair.A.Id, pair.B.Id, j.Order, j.Repeat))).ToList();
            cached += 2 * repeats - missing.Count;
            if (missing.Count == 0 || (request.Limit is { } limit && chosen >= limit)) continue;
            chosen++;
            jobs.AddRange(missing);
        }

        return new JudgePlan<Job>(judge, jobs, cached);
    }
}
