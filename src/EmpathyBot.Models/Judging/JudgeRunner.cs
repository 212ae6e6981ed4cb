using EmpathyBot.Core.Judging;
using EmpathyBot.Core.Ports;
using EmpathyBot.Core.Study;
using EmpathyBot.Models.Configuration;
using EmpathyBot.Models.Running;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EmpathyBot.Models.Judging;

/// <summary>
/// Asks LLM judges to rate replies as people do and stores their verdicts. A verdict already stored for (reply, judge,
/// repeat) is never asked again; a call that keeps failing stores nothing, is logged, and the next run asks again.
/// Every request goes through <see cref="ModelRetryPolicy"/> and the judge's gate.
/// </summary>
public sealed class JudgeRunner(
    IJudgeStore verdicts, IReplyStore replies, IPromptStore prompts, JudgeRegistry registry, ModelRetryPolicy retry, IStudyEvents events,
    TimeProvider time, ILogger<JudgeRunner>? log = null)
{
    private readonly ILogger _log = (ILogger?)log ?? NullLogger.Instance;

    public JudgeRegistry Registry => registry;

    /// <summary>
    /// One question to a judge, whatever its kind: the rendered prompt goes out, the raw answer comes back with what
    /// <paramref name="parse"/> makes of it. Other kinds of question (e.g. comparing two replies) reuse this.
    /// </summary>
    public async Task<JudgeAnswer<T>> AskAsync<T>(RegisteredJudge judge, string prompt, Func<string, T> parse, CancellationToken ct)
    {
        var call = await retry.CallAsync(judge.Chat, token => judge.Model.CompleteAsync(null, prompt, token), ct);
        if (call.Reply is not { } answer) return new JudgeAnswer<T>(null, default!, call.Error, call.Attempts);
        return new JudgeAnswer<T>(answer.Text, parse(answer.Text), null, call.Attempts);
    }

    /// <summary>The judge's verdict number <paramref name="repeat"/> on one reply: asked, parsed and stored.</summary>
    public async Task<JudgeOutcome> JudgeAsync(RegisteredJudge judge, Reply reply, StudyPrompt prompt, int repeat, CancellationToken ct)
    {
        var template = registry.Template;
        var answer = await AskAsync(judge, template.Render(prompt, reply), JudgeAnswerParser.Parse, ct);
        if (answer.Raw is null)
        {
            _log.LogWarning("Judge {Judge} failed on reply {Reply} after {Attempts} attempt(s): {Error}", judge.Id, reply.Id, answer.Attempts, answer.Error);
            return new JudgeOutcome(JudgeStatus.Failed, null, answer.Error, answer.Attempts);
        }

        var verdict = new JudgeVerdict(reply.Id, judge.Id, repeat, answer.Parsed, answer.Raw, template.Sha256, time.GetUtcNow());
        if (!await verdicts.AddVerdictAsync(verdict, ct)) return new JudgeOutcome(JudgeStatus.Cached, null, null, answer.Attempts);
        // The judge section of open dashboards is rebuilt; on Redis this reaches every host instance.
        await events.PublishAsync(new StudyEvent(StudyEventKind.CountersChanged, reply.Id, null, reply.Source, null, verdict.At), ct);
        if (verdict.Rating is null) _log.LogInformation("Judge {Judge} gave an unparseable answer on reply {Reply}; stored as such.", judge.Id, reply.Id);
        return new JudgeOutcome(verdict.Rating is null ? JudgeStatus.Unparseable : JudgeStatus.Rated, verdict, null, answer.Attempts);
    }

    /// <summary>Live: every configured judge's missing verdicts on one reply that just entered the pool.</summary>
    public async Task JudgeReplyAsync(Reply reply, CancellationToken ct)
    {
        if (registry.All.Count == 0 || !reply.InPool) return;
        var prompt = await prompts.GetPromptAsync(reply.PromptId, ct);
        if (prompt is null) return;
        var have = (await verdicts.GetVerdictsAsync(reply.Id, ct)).Select(v => (v.Judge, v.Repeat)).ToHashSet();
        await Task.WhenAll(registry.All.SelectMany(j => Enumerable.Range(0, j.Options.Repeats)
            .Where(r => !have.Contains((j.Id, r)))
            .Select(r => JudgeAsync(j, reply, prompt, r, ct))));
    }

    /// <summary>Batch: every in-pool reply in the store that lacks a chosen judge's verdicts (imported studies included).</summary>
    public async Task<JudgeRunSummary> RunAsync(JudgeRunRequest request, IProgress<RunProgress>? progress, CancellationToken ct)
    {
        var judges = Choose(request.JudgeId);
        CheckRequest(request);

        var pool = new List<Reply>();
        await foreach (var r in replies.ExportRepliesAsync(ct)) if (r.InPool) pool.Add(r);
        var promptsById = new Dictionary<string, StudyPrompt>(StringComparer.Ordinal);
        await foreach (var p in prompts.ExportPromptsAsync(ct)) promptsById[p.Id] = p;

        var plans = new List<JudgePlan<(Reply Reply, int Repeat)>>();
        foreach (var judge in judges) plans.Add(await PlanAsync(judge, pool, request, ct));
        return await JudgeRunLoop.RunAsync(plans, async (judge, job, token) => promptsById.TryGetValue(job.Reply.PromptId, out var prompt)
            ? (await JudgeAsync(judge, job.Reply, prompt, job.Repeat, token)).Status
            : MissingPrompt(job.Reply), progress, ct);
    }

    /// <summary>The run's --repeats and --limit, checked the same way for every kind of run.</summary>
    internal static void CheckRequest(JudgeRunRequest request)
    {
        if (request.Repeats is < 1 or > JudgesOptionsValidator.MaxRepeats)
            throw new ArgumentException($"--repeats must be between 1 and {JudgesOptionsValidator.MaxRepeats}.");
        if (request.Limit is < 0) throw new ArgumentException("--limit must be 0 or more.");
    }

    /// <summary>The judges a run asks: the one named, or all; a clear error when none is configured or the name is unknown.</summary>
    internal IReadOnlyList<RegisteredJudge> Choose(string? id)
    {
        if (registry.All.Count == 0) throw new ArgumentException("No judges are configured (appsettings: Judges).");
        if (id is null) return registry.All;
        return [registry.Find(id) ?? throw new ArgumentException($"Unknown judge '{id}'. Configured: {string.Join(", ", registry.All.Select(j => j.Id))}.")];
    }

    private async Task<JudgePlan<(Reply Reply, int Repeat)>> PlanAsync(
        RegisteredJudge judge, List<Reply> pool, JudgeRunRequest request, CancellationToken ct)
    {
        var have = await verdicts.GetVerdictKeysAsync(judge.Id, ct);
        var repeats = request.Repeats ?? judge.Options.Repeats;
        var jobs = new List<(Reply Reply, int Repeat)>();
        int cached = 0, chosen = 0;
        foreach (var reply in pool)
        {
            var missing = Enumerable.Range(0, repeats).Where(r => !have.Contains(new VerdictKey(reply.Id, r))).ToList();
            cached += repeats - missing.Count;
            if (missing.Count == 0 || (request.Limit is { } limit && chosen >= limit)) continue;
            chosen++;
            jobs.AddRange(missing.Select(r => (reply, r)));
        }

        return new JudgePlan<(Reply Reply, int Repeat)>(judge, jobs, cached);
    }

    private JudgeStatus MissingPrompt(Reply reply)
    {
        _log.LogWarning("Reply {Reply} has no prompt {Prompt} in the store; it cannot be judged.", reply.Id, reply.PromptId);
        return JudgeStatus.Failed;
    }
}
