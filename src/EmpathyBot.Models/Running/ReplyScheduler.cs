using System.Collections.Concurrent;
using System.Threading.Channels;
using EmpathyBot.Core.Study;
using EmpathyBot.Models.Configuration;
using EmpathyBot.Core.Ports;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EmpathyBot.Models.Running;

/// <summary>
/// Live arm: <see cref="Schedule"/> only enqueues, so a chat turn never waits on a model; this background service
/// asks every contender that has no reply for the prompt yet. A prompt already queued or in flight is not queued twice.
/// </summary>
public sealed class ReplyScheduler(
    ModelRunner runner, IReplyStore store, IOptions<ModelRunnerOptions> options, ILogger<ReplyScheduler> log)
    : BackgroundService, IReplyScheduler
{
    private readonly Channel<StudyPrompt> _queue = Channel.CreateUnbounded<StudyPrompt>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<string, byte> _pending = new(StringComparer.Ordinal);

    // Prompts every contender has answered, as the store showed. Contender replies are never deleted (forgetting a
    // participant deletes only what they wrote) and the contenders are fixed at start, so such a prompt stays answered:
    // a prompt shown to its hundredth participant is not looked up again. At most one entry per prompt of the study.
    private readonly ConcurrentDictionary<string, byte> _answeredByAll = new(StringComparer.Ordinal);

    /// <summary>Prompts queued or being answered.</summary>
    public int Pending => _pending.Count;

    /// <summary>True once the store showed a reply from every contender to the prompt: it is never queued again (for tests).</summary>
    internal bool IsAnsweredByAll(string promptId) => _answeredByAll.ContainsKey(promptId);

    public void Schedule(StudyPrompt prompt)
    {
        if (runner.Registry.All.Count == 0 || _answeredByAll.ContainsKey(prompt.Id) || !_pending.TryAdd(prompt.Id, 0)) return;
        if (!_queue.Writer.TryWrite(prompt))
        {
            _pending.TryRemove(prompt.Id, out _);
            log.LogWarning("Reply queue is closed; prompt {Prompt} not scheduled (the batch run will answer it).", prompt.Id);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var slots = new SemaphoreSlim(options.Value.LivePromptsInFlight);
        var running = new ConcurrentDictionary<Task, byte>();
        try
        {
            await foreach (var prompt in _queue.Reader.ReadAllAsync(stoppingToken))
            {
                await slots.WaitAsync(stoppingToken);
                var work = Task.Run(() => AnswerAllAsync(prompt, stoppingToken), CancellationToken.None);
                running[work] = 0;
                _ = work.ContinueWith(t =>
                {
                    _pending.TryRemove(prompt.Id, out _);
                    running.TryRemove(t, out _);
                    slots.Release();
                }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        // Let answers in flight record their outcome (or cancellation) before the semaphore goes away.
        await Task.WhenAll(running.Keys).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task AnswerAllAsync(StudyPrompt prompt, CancellationToken ct)
    {
        try
        {
            var answered = (await store.GetReplyKeysForPromptAsync(prompt.Id, ct)).Select(r => r.Source).ToHashSet(StringComparer.Ordinal);
            var missing = runner.Registry.All.Where(c => !answered.Contains(c.Id)).ToList();
            if (missing.Count == 0) _answeredByAll.TryAdd(prompt.Id, 0);
            await Task.WhenAll(missing.Select(c => runner.AnswerAsync(c, prompt, ct)));
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            // Store unavailable, most likely; the prompt stays unanswered and the batch run picks it up.
            log.LogError(e, "Live replies for prompt {Prompt} failed.", prompt.Id);
        }
    }
}
