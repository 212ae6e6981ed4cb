using EmpathyBot.Models.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace EmpathyBot.Models.Running;

/// <summary>
/// The one way every model request is made (replies, appraisal, understanding): each attempt passes the contender's
/// gate, and transient errors (429, 408/409, 5xx, timeouts, dropped connections) are retried up to
/// <see cref="ModelRunnerOptions.MaxAttempts"/> with exponential backoff and full jitter, never sooner than the
/// server's Retry-After. A Retry-After beyond <see cref="ModelRunnerOptions.MaxDelay"/> ends the call at once: waiting
/// that long would stall the run, and the next run retries it. Every wait goes through the injected clock.
/// </summary>
public sealed class ModelRetryPolicy
{
    private static readonly ResiliencePropertyKey<string> ContenderId = new("EmpathyBot.Contender");

    private readonly ModelRunnerOptions _options;
    private readonly Func<double> _random;
    private readonly ILogger _log;
    private readonly ResiliencePipeline _pipeline;

    public ModelRetryPolicy(IOptions<ModelRunnerOptions> options, TimeProvider time, ILogger<ModelRetryPolicy>? log = null)
        : this(options.Value, time, Random.Shared.NextDouble, log)
    {
    }

    /// <param name="random">Uniform in [0, 1): the jitter; tests pin it to check the backoff.</param>
    internal ModelRetryPolicy(ModelRunnerOptions options, TimeProvider time, Func<double> random, ILogger? log = null)
    {
        _options = options;
        _random = random;
        _log = log ?? NullLogger.Instance;
        var builder = new ResiliencePipelineBuilder { TimeProvider = time };
        // Polly counts retries, we count attempts; one attempt means no retry strategy at all.
        if (options.MaxAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxAttempts - 1,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is ContenderException e && Retryable(e)),
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(
                    Backoff(args.AttemptNumber + 1, (args.Outcome.Exception as ContenderException)?.RetryAfter)),
                OnRetry = args =>
                {
                    _log.LogDebug("{Contender} attempt {Attempt} failed ({Error}); retrying in {Delay}",
                        args.Context.Properties.GetValue(ContenderId, "?"), args.AttemptNumber + 1, args.Outcome.Exception?.Message, args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            });
        }

        _pipeline = builder.Build();
    }

    /// <summary>
    /// Asks <paramref name="contender"/> through <paramref name="call"/>, holding its gate only while a request is out.
    /// Only cancellation of <paramref name="ct"/> escapes; every other failure comes back as an error with the attempts.
    /// </summary>
    public async Task<ModelCallResult> CallAsync(
        RegisteredContender contender, Func<CancellationToken, Task<ContenderReply>> call, CancellationToken ct)
    {
        var attempts = 0;
        var context = ResilienceContextPool.Shared.Get(ct);
        context.Properties.Set(ContenderId, contender.Id);
        try
        {
            var reply = await _pipeline.ExecuteAsync(async (ctx, gate) =>
            {
                attempts++;
                using (await gate.EnterAsync(ctx.CancellationToken)) return await call(ctx.CancellationToken);
            }, context, contender.Gate);
            return ModelCallResult.Succeeded(reply, attempts);
        }
        catch (Exception e) when (!(e is OperationCanceledException && ct.IsCancellationRequested))
        {
            return ModelCallResult.Failed(Describe(e), attempts);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>Full jitter on an exponential ceiling (<c>BaseDelay · 2^(attempt-1)</c>, capped at MaxDelay), but never sooner than Retry-After.</summary>
    /// <param name="attempt">The attempt that just failed, 1 for the first.</param>
    internal TimeSpan Backoff(int attempt, TimeSpan? retryAfter)
    {
        var ceiling = Math.Min(_options.MaxDelay.TotalMilliseconds, _options.BaseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1));
        var jittered = TimeSpan.FromMilliseconds(_random() * ceiling);
        return retryAfter is { } ra && ra > jittered ? ra : jittered;
    }

    private bool Retryable(ContenderException e) => e.Transient && !(e.RetryAfter > _options.MaxDelay);

    private string Describe(Exception e) => e switch
    {
        ContenderException { Transient: true } ce when ce.RetryAfter > _options.MaxDelay =>
            $"{e.Message} (server asked to retry after {ce.RetryAfter}, beyond ModelRunner:MaxDelay)",
        ContenderException => e.Message,
        _ => $"{e.GetType().Name}: {e.Message}",
    };
}
