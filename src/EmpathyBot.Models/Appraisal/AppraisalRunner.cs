using EmpathyBot.Services.Appraisal;
using EmpathyBot.Core.Appraisal;
using EmpathyBot.Core.Study;
using EmpathyBot.Models.Running;
using EmpathyBot.Core.Ports;
using Microsoft.Extensions.Logging;

namespace EmpathyBot.Models.Appraisal;

/// <summary>What one contender run of the appraisal did.</summary>
/// <param name="Errors">One line per request that never gave 20 readable answers.</param>
public sealed record AppraisalRunSummary(string Contender, string Set, int Stored, int AlreadyStored, int Failed, IReadOnlyList<string> Errors);

/// <summary>
/// EmotionBench's contender arm: <c>runs</c> default questionnaires (no situation) and <c>runs</c> evoked ones per
/// situation. Run 0 keeps the standard item order; the others shuffle it, and answers are mapped back by the order.
/// Each questionnaire is asked up to <see cref="Attempts"/> times for a readable answer; every request goes through
/// <see cref="ModelRetryPolicy"/>, which retries transient errors.
/// </summary>
public sealed class AppraisalRunner(
    ContenderRegistry registry, ModelRetryPolicy retry, AppraisalData data, IAppraisalStore store, TimeProvider time, ILogger<AppraisalRunner> log)
{
    /// <summary>Requests per questionnaire that may come back unreadable before it is left for the next run.</summary>
    public const int Attempts = 3;

    public async Task<AppraisalRunSummary> RunAsync(string contenderId, int runs, string? setName, IProgress<(int Done, int Total)>? progress, CancellationToken ct)
    {
        if (runs < 1) throw new ArgumentException("--runs must be at least 1.");
        var registered = registry.Find(contenderId)
            ?? throw new ArgumentException($"No contender '{contenderId}' is configured (Contenders section). Known: {string.Join(", ", registry.All.Select(c => c.Id))}.");
        if (registered.Contender is not IRawPromptContender raw)
            throw new ArgumentException($"Contender '{contenderId}' cannot answer questionnaires (the non-LLM baseline only writes replies).");
        var set = string.IsNullOrWhiteSpace(setName) ? data.DefaultSet : setName.Trim();
        var bank = await data.GetSetAsync(set, ct) ?? throw new ArgumentException($"No situation set '{set}'. Import one with: empathybot appraisal import FILE --name {set}");

        var jobs = new List<(Situation? Situation, int Run)>();
        for (var run = 0; run < runs; run++)
        {
            jobs.Add((null, run));
            jobs.AddRange(bank.Situations.Select(s => ((Situation?)s, run)));
        }

        int stored = 0, already = 0, failed = 0, done = 0;
        var errors = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForEachAsync(jobs, new ParallelOptions { MaxDegreeOfParallelism = registered.Gate.MaxConcurrency, CancellationToken = ct }, async (job, token) =>
        {
            var outcome = await AskAsync(registered, raw, set, job.Situation, job.Run, token);
            if (outcome.Answer is { } answer)
            {
                if (await store.AddAppraisalAnswerAsync(answer, token)) Interlocked.Increment(ref stored);
                else Interlocked.Increment(ref already);
            }
            else
            {
                Interlocked.Increment(ref failed);
                errors.Add($"{job.Situation?.Id ?? "default"} run {job.Run + 1}: {outcome.Error}");
            }

            progress?.Report((Interlocked.Increment(ref done), jobs.Count));
        });

        return new AppraisalRunSummary(contenderId, set, stored, already, failed, errors.Order(StringComparer.Ordinal).ToArray());
    }

    private async Task<(AppraisalAnswer? Answer, string? Error)> AskAsync(
        RegisteredContender registered, IRawPromptContender raw, string set, Situation? situation, int run, CancellationToken ct)
    {
        var order = ItemOrder(situation?.Id, run);
        var prompt = data.Template.Render(data.Scale, order, situation?.Text);
        string error = "no attempt made";
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            var call = await retry.CallAsync(registered, token => raw.CompleteAsync(prompt.System, prompt.User, token), ct);
            if (call.Reply is not { } reply)
            {
                error = call.Error!;
                break;
            }

            var parsed = PanasAnswerParser.Parse(reply.Text, data.Scale, order);
            if (parsed.Answers is { } answers)
            {
                var condition = situation is null ? AppraisalConditions.Default : AppraisalConditions.Evoked;
                var id = $"{registered.Id}|{set}|{situation?.Id ?? "default"}|{run}|{data.Template.Identity}";
                return (new AppraisalAnswer(id, registered.Id, null, condition, situation?.Emotion ?? "", situation?.Factor ?? "",
                    situation is null ? null : set, situation?.Id, data.Scale.Score(answers), answers, time.GetUtcNow()), null);
            }

            error = "unreadable answer: " + parsed.Error;
        }

        log.LogWarning("Appraisal request for {Contender} ({Situation}, run {Run}) failed: {Error}", registered.Id, situation?.Id ?? "default", run + 1, error);
        return (null, error);
    }

    /// <summary>
    /// A fixed seed per (situation, run) gives a rerun, on any machine, the same item orders. HashCode.Combine would
    /// not: it is seeded randomly per process.
    /// </summary>
    internal static int[] ItemOrder(string? situationId, int run) =>
        AppraisalTemplate.Order(run > 0, new Random(unchecked((StableHash.Polynomial(situationId ?? "default") * 31) + run)));
}
