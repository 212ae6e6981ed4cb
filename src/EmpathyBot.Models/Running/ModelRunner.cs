using EmpathyBot.Core.Study;
using EmpathyBot.Models.Prompting;
using EmpathyBot.Core.Ports;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EmpathyBot.Models.Running;

/// <summary>
/// Asks contenders for replies and stores them: cache first, then the call through <see cref="ModelRetryPolicy"/>;
/// what still fails is recorded as a failure (error and attempts) and retried next run.
/// </summary>
public sealed class ModelRunner(
    IReplyStore replies, IPromptStore prompts, ContenderRegistry registry, ModelRetryPolicy retry, TimeProvider time, ILogger<ModelRunner>? log = null)
{
    private readonly ILogger _log = (ILogger?)log ?? NullLogger.Instance;

    public ContenderRegistry Registry => registry;

    public Task<AnswerOutcome> AnswerAsync(RegisteredContender c, StudyPrompt prompt, CancellationToken ct) =>
        AnswerAsync(c, prompt, lookUpCache: true, ct);

    /// <param name="lookUpCache">
    /// False when the caller knows the prompt has no reply from this contender: the key includes the contender, so no
    /// cached reply can exist, and a racing writer still shows up as a duplicate id on insert.
    /// </param>
    private async Task<AnswerOutcome> AnswerAsync(RegisteredContender c, StudyPrompt prompt, bool lookUpCache, CancellationToken ct)
    {
        var key = CacheKeys.For(c.Contender, prompt);
        if (lookUpCache && await replies.FindReplyByCacheKeyAsync(key, ct) is { } cached) return new AnswerOutcome(AnswerStatus.Cached, cached, null, 0);

        var call = await retry.CallAsync(c, token => c.Contender.ReplyAsync(prompt, token), ct);
        if (call.Reply is not { } answer)
        {
            _log.LogWarning("{Contender} failed on {Prompt} after {Attempts} attempt(s): {Error}", c.Id, prompt.Id, call.Attempts, call.Error);
            await replies.RecordModelFailureAsync(new ModelFailure(prompt.Id, c.Id, key, call.Error!, call.Attempts, time.GetUtcNow()), ct);
            return new AnswerOutcome(AnswerStatus.Failed, null, call.Error, call.Attempts);
        }

        var text = answer.Text.Trim();
        var reply = new Reply(
            ReplyIds.Contender(key), prompt.Id, c.Id, text, Author: null, time.GetUtcNow(), RevealFilter.Check(text),
            new ModelReplyInfo(answer.ModelName, c.Contender.TemplateHash, key, answer.LatencyMs,
                answer.PromptTokens, answer.CompletionTokens, answer.FinishReason));
        if (reply.ExcludedReason is { } why) _log.LogInformation("{Contender} reply to {Prompt} kept out of the pool: {Reason}", c.Id, prompt.Id, why);

        // false: another writer stored the same key first; that reply is the one in the pool.
        return await replies.AddReplyAsync(reply, ct)
            ? new AnswerOutcome(AnswerStatus.Done, reply, null, call.Attempts)
            : new AnswerOutcome(AnswerStatus.Cached, reply, null, call.Attempts);
    }

    /// <summary>Batch: every prompt that lacks a reply from each chosen contender, contenders in parallel.</summary>
    public async Task<RunSummary> RunAsync(RunRequest request, IProgress<RunProgress>? progress, CancellationToken ct)
    {
        var contenders = request.ContenderId is { } id
            ? [registry.Find(id) ?? throw new ArgumentException(
                $"Unknown contender '{id}'. Configured: {(registry.All.Count == 0 ? "none" : string.Join(", ", registry.All.Select(c => c.Id)))}.")]
            : registry.All;
        if (contenders.Count == 0) throw new ArgumentException("No contenders are configured (appsettings: Contenders).");

        var sets = await prompts.GetPromptSetsAsync(ct);
        IReadOnlyList<string> chosenSets = request.PromptSet is { } set
            ? sets.ContainsKey(set) ? [set] : throw new ArgumentException(
                $"Unknown prompt set '{set}'. Known: {(sets.Count == 0 ? "none (import prompts first)" : string.Join(", ", sets.Keys.Order()))}.")
            : sets.Keys.Order(StringComparer.Ordinal).ToList();

        var plans = new List<(RegisteredContender Contender, List<StudyPrompt> Todo, int AlreadyAnswered)>();
        foreach (var c in contenders)
        {
            var todo = new List<StudyPrompt>();
            var answered = 0;
            foreach (var s in chosenSets)
            {
                var missing = (await replies.PromptsWithoutReplyFromAsync(s, c.Id, ct)).ToHashSet(StringComparer.Ordinal);
                foreach (var p in await prompts.GetPromptsAsync(s, ct))
                {
                    if (missing.Contains(p.Id)) todo.Add(p);
                    else answered++;
                }
            }

            if (request.Limit is { } limit && todo.Count > limit) todo.RemoveRange(limit, todo.Count - limit);
            plans.Add((c, todo, answered));
        }

        var tally = new Tally(plans.Sum(p => p.Todo.Count));
        progress?.Report(tally.Snapshot());
        var results = await Task.WhenAll(plans.Select(async plan =>
        {
            var mine = new Tally(plan.Todo.Count);
            mine.AddCached(plan.AlreadyAnswered);
            // Twice the gate's width so workers waiting out a backoff don't leave request slots idle.
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = plan.Contender.Gate.MaxConcurrency * 2, CancellationToken = ct };
            await Parallel.ForEachAsync(plan.Todo, parallel, async (prompt, token) =>
            {
                var outcome = await AnswerAsync(plan.Contender, prompt, lookUpCache: false, token);
                mine.Add(outcome);
                tally.Add(outcome);
                progress?.Report(tally.Snapshot());
            });
            return mine.ToSummary(plan.Contender.Id);
        }));

        return RunSummary.Combine(results);
    }

    private sealed class Tally(int total)
    {
        private int _completed, _done, _cached, _failed, _excluded;
        private long _promptTokens, _completionTokens;

        public void AddCached(int n) => Interlocked.Add(ref _cached, n);

        public void Add(AnswerOutcome o)
        {
            switch (o.Status)
            {
                case AnswerStatus.Done: Interlocked.Increment(ref _done); break;
                case AnswerStatus.Cached: Interlocked.Increment(ref _cached); break;
                default: Interlocked.Increment(ref _failed); break;
            }

            if (o.Excluded) Interlocked.Increment(ref _excluded);
            if (o.Status == AnswerStatus.Done && o.Reply?.Model is { } m)
            {
                Interlocked.Add(ref _promptTokens, m.PromptTokens);
                Interlocked.Add(ref _completionTokens, m.CompletionTokens);
            }

            Interlocked.Increment(ref _completed);
        }

        public RunProgress Snapshot() => new(Volatile.Read(ref _completed), total, Volatile.Read(ref _failed));

        public ContenderRunSummary ToSummary(string id) =>
            new(id, _done, _cached, _failed, _excluded, _promptTokens, _completionTokens);
    }
}
