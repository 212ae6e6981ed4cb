using EmpathyBot.Services.Understanding;
using System.Collections.Concurrent;
using EmpathyBot.Core.Understanding;
using EmpathyBot.Models.Running;
using EmpathyBot.Core.Ports;
using Microsoft.Extensions.Logging;

namespace EmpathyBot.Models.Understanding;

/// <summary>What one contender run over an item set did.</summary>
/// <param name="Unscored">Items answered without a usable answer (EQ-Bench: unparseable after 3 attempts; SECEU: scored as (0,0,0,0)).</param>
/// <param name="Score">The contender's test score on the set once every item has an answer; null before.</param>
public sealed record UnderstandingRunSummary(
    string Contender, string Set, string Kind, int Answered, int AlreadyAnswered, int Unscored, int Failed, double? Score, IReadOnlyList<string> Errors);

/// <summary>
/// Runs an item set through a contender. Intensity items follow EQ-Bench: up to 3 attempts, temperature 0.01 and
/// +0.15 per retry, an attempt counts when the answer names exactly the four emotions. Allocation items follow SECEU:
/// one answer, no answer scores (0,0,0,0), negatives are shifted and every answer is rescaled to sum 10.
/// Every request goes through <see cref="ModelRetryPolicy"/>, which retries transient errors; an item whose request still
/// fails is left for the next run. Answers are stored as they arrive, so a rerun resumes.
/// The non-LLM baseline gives the chance answer (points split evenly; every intensity 5), the floor a model should beat.
/// </summary>
public sealed class UnderstandingRunner(
    ContenderRegistry registry, ModelRetryPolicy retry, UnderstandingData data, IUnderstandingStore store, TimeProvider time, ILogger<UnderstandingRunner> log)
{
    public const int EqBenchAttempts = 3;
    public const double FirstTemperature = 0.01;
    public const double TemperatureStep = 0.15;

    public async Task<UnderstandingRunSummary> RunAsync(string contenderId, string setName, IProgress<(int Done, int Total)>? progress, CancellationToken ct)
    {
        var registered = registry.Find(contenderId)
            ?? throw new ArgumentException($"No contender '{contenderId}' is configured (Contenders section). Known: {string.Join(", ", registry.All.Select(c => c.Id))}.");
        var raw = registered.Contender as IRawPromptContender;
        if (raw is null && !registered.Contender.IsBaseline)
            throw new ArgumentException($"Contender '{contenderId}' cannot answer understanding items.");
        var set = await data.GetSetAsync(setName, ct)
            ?? throw new ArgumentException($"No item set '{setName}'. Known: {string.Join(", ", await data.GetSetNamesAsync(ct))}.");

        var done = (await store.GetUnderstandingAnswersAsync(set.Name, registered.Id, ct)).Select(a => a.ItemId).ToHashSet(StringComparer.Ordinal);
        var todo = set.ItemIds.Where(id => !done.Contains(id)).ToArray();
        int answered = 0, unscored = 0, failed = 0, finished = 0;
        var errors = new ConcurrentBag<string>();
        progress?.Report((0, todo.Length));
        await Parallel.ForEachAsync(todo, new ParallelOptions { MaxDegreeOfParallelism = registered.Gate.MaxConcurrency, CancellationToken = ct }, async (id, token) =>
        {
            var (answer, error) = await AnswerAsync(registered, raw, set, id, token);
            if (answer is null)
            {
                Interlocked.Increment(ref failed);
                errors.Add($"{id}: {error}");
            }
            else
            {
                await store.AddUnderstandingAnswerAsync(answer, token);
                Interlocked.Increment(ref answered);
                if (answer.Score is null || answer.Values.Count == 0) Interlocked.Increment(ref unscored);
            }

            progress?.Report((Interlocked.Increment(ref finished), todo.Length));
        });

        double? score = null;
        var all = await store.GetUnderstandingAnswersAsync(set.Name, registered.Id, ct);
        if (failed == 0 && set.ItemIds.All(id => all.Any(a => a.ItemId == id)))
        {
            score = UnderstandingAnalysis.TestScore(set.Kind, all.Select(a => a.Score));
            if (score is { } s)
                await store.AddUnderstandingTestAsync(new UnderstandingTest($"{registered.Id}|{set.Name}", registered.Id, null, set.Name, set.Count, s, time.GetUtcNow()), ct);
        }

        return new UnderstandingRunSummary(registered.Id, set.Name, set.Kind, answered, done.Count, unscored, failed, score, errors.Order(StringComparer.Ordinal).ToArray());
    }

    private async Task<(UnderstandingAnswer? Answer, string? Error)> AnswerAsync(
        RegisteredContender c, IRawPromptContender? raw, UnderstandingSet set, string itemId, CancellationToken ct)
    {
        var standard = await data.StandardAsync(set, itemId, ct);
        if (raw is null)
        {
            double[] chance = set.IsAllocation ? [2.5, 2.5, 2.5, 2.5] : [5, 5, 5, 5];
            return (Answer(c, set, itemId, chance, UnderstandingAnalysis.ItemScore(set, itemId, chance, standard)), null);
        }

        var prompt = set.IsAllocation
            ? UnderstandingPrompts.Allocation(set.Allocation.First(i => i.Id == itemId))
            : UnderstandingPrompts.Intensity(set.Intensity.First(i => i.Id == itemId));
        var tries = set.IsAllocation ? 1 : EqBenchAttempts;
        string? last = null;
        for (var attempt = 0; attempt < tries; attempt++)
        {
            double? temperature = set.IsAllocation ? null : FirstTemperature + TemperatureStep * attempt;
            var call = await retry.CallAsync(c, token => raw.CompleteAsync(null, prompt, temperature, token), ct);
            if (call.Reply is not { } reply)
            {
                log.LogWarning("Understanding item {Item} of {Set} for {Contender} failed after {Attempts} attempt(s): {Error}",
                    itemId, set.Name, c.Id, call.Attempts, call.Error);
                return (null, call.Error);
            }

            last = reply.Text;
            if (set.IsAllocation)
            {
                var values = SeceuScorer.NormaliseLlmAnswer(UnderstandingPrompts.ReadAllocation(reply.Text, set.Allocation.First(i => i.Id == itemId)));
                return (Answer(c, set, itemId, values, UnderstandingAnalysis.ItemScore(set, itemId, values, standard)), null);
            }

            var item = set.Intensity.First(i => i.Id == itemId);
            var pairs = EqBenchParser.Parse(reply.Text, revise: false).FirstPass;
            if (EqBenchScorer.ScoreV1(item, pairs) is not null)
            {
                var values = item.Emotions.Select(e => pairs.First(p => p.Key.Equals(e, StringComparison.OrdinalIgnoreCase)).Value).ToArray();
                return (Answer(c, set, itemId, values, UnderstandingAnalysis.ItemScore(set, itemId, values, standard)), null);
            }
        }

        log.LogInformation("{Contender} gave no parseable answer to {Set}/{Item}: {Text}", c.Id, set.Name, itemId, last);
        return (Answer(c, set, itemId, [], null), null);
    }

    private UnderstandingAnswer Answer(RegisteredContender c, UnderstandingSet set, string itemId, IReadOnlyList<double> values, double? score) =>
        new($"{c.Id}|{set.Name}|{itemId}", c.Id, null, set.Name, itemId, values, score, time.GetUtcNow());
}
