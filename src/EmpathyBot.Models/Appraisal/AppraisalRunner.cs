using EmpathyBot.Services.Appraisal;
using EmpathyBot.Core.Appraisal;
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
/// Each request gets up to three attempts (transient errors and unreadable answers).
/// </summary>
public sealed class AppraisalRunner(ContenderRegistry registry, AppraisalData data, IAppraisalStore store, TimeProvider time, ILogger<AppraisalRunner> log)
{
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
        // A fixed seed per (situation, run) keeps a rerun's item orders, and so its answer ids, the same.
        var order = AppraisalTemplate.Order(run > 0, new Random(HashCode.Combine(StableHash(situation?.Id ?? "default"), run)));
        var prompt = data.Template.Render(data.Scale, order, situation?.Text);
        string error = "no attempt made";
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            try
            {
                ContenderReply reply;
                using (await registered.Gate.EnterAsync(ct))
                {
                    reply = await raw.CompleteAsync(prompt.System, prompt.User, ct);
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
            catch (ContenderException e)
            {
                error = e.Message;
                if (!e.Transient) break;
                await Task.Delay(e.RetryAfter ?? TimeSpan.FromMilliseconds(200 * attempt), ct);
            }
        }

        log.LogWarning("Appraisal request for {Contender} ({Situation}, run {Run}) failed: {Error}", registered.Id, situation?.Id ?? "default", run + 1, error);
        return (null, error);
    }

    private static int StableHash(string text)
    {
        var h = 17;
        foreach (var c in text) h = unchecked((h * 31) + c);
        return h;
    }
}
