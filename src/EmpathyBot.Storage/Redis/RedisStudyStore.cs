using System.Net.Sockets;
using System.Text.Json;
using EmpathyBot.Core.Ports;
using StackExchange.Redis;

namespace EmpathyBot.Storage.Redis;

// Key schema. P = "{<Storage:Redis:KeyPrefix>}:" (default "{empathybot}:"); the braces are a Redis Cluster
// hash tag, so one study lives in one slot and every multi-key Lua script is legal there.
//
//   P prompt:{promptId}            hash   id, emotion, situation, utterance, set
//   P sets                         set    prompt set names
//   P set:{set}                    zset   promptId -> number of human replies (least-answered selection)
//   P answered:{participant}       set    promptIds the participant has replied to
//   P reply:{replyId}              hash   json (the Reply record and its Words), prompt, source, emotion, author, pool (1/0), cache, words
//   P replies                      set    every replyId (export walks it)
//   P prompt-replies:{promptId}    set    replyIds of the prompt
//   P prompt-sources:{promptId}    hash   source -> reply count (PromptsWithoutReplyFrom)
//   P cache:{cacheKey}             string replyId made under a contender cache key
//   P pool                         zset   in-pool replyId -> rating count (least-rated selection)
//   P authored:{participant}       set    replyIds written by the participant
//   P ratings:{replyId}            hash   rater -> "good|okay|bad" + "|" + ISO time; HSETNX is the duplicate check
//   P rated:{rater}                set    replyIds the rater rated
//   P offers:{rater}               hash   itemId -> reply|gold: what the rater's cards offered (a rating needs one)
//   P counters                     hash   "{emotion}|{source}|{replies|excluded|ratings|good|okay|bad}" -> count,
//                                         bumped in the same script as the record it counts
//   P failures:{source}            hash   promptId -> ModelFailure json (latest attempt)
//   P consent:{participant}        string ISO consent time
//   P state:{key}                  hash   json, version (optimistic concurrency, version 0 = absent)
//   P claim:{key}                  string idempotency claim "until:{Unix ms}" (store clock), PX ttl for clean-up
//   P events                       pub/sub channel of StudyEvent json (published inside the scripts)

/// <summary>
/// The scale-out study store: several host instances share one Redis. Every write is one Lua script, so a
/// rating checks for duplicates, stores itself, bumps the counters and announces itself in one round trip.
/// </summary>
/// <param name="timeProvider">The clock for withdrawal events, import times and claim expiry (system clock when null).</param>
/// <param name="ownsConnection">True when the store opened the multiplexer itself and must close it.</param>
public sealed partial class RedisStudyStore(IConnectionMultiplexer redis, RedisKeys keys, TimeProvider? timeProvider = null, bool ownsConnection = false)
    : IStudyStore, IAsyncDisposable, IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);

    private readonly TimeProvider time = timeProvider ?? TimeProvider.System;

    /// <summary>Opens the store for <c>Storage:Provider = Redis</c>; it starts even while Redis is down and reconnects by itself.</summary>
    public static RedisStudyStore Open(StorageOptions.RedisOptions options, TimeProvider timeProvider) =>
        new(RedisConnection.Connect(options.Configuration
                ?? throw new InvalidOperationException("Storage:Redis:Configuration is required when Storage:Provider is 'Redis'.")),
            new RedisKeys(options.KeyPrefix), timeProvider, ownsConnection: true);

    public RedisKeys Keys => keys;

    public IConnectionMultiplexer Connection => redis;

    public async ValueTask DisposeAsync()
    {
        if (ownsConnection) await redis.DisposeAsync();
    }

    public void Dispose()
    {
        if (ownsConnection) redis.Dispose();
    }

    private IDatabase Db => redis.GetDatabase();

    public async Task<bool> PingAsync(CancellationToken ct = default)
    {
        try
        {
            await Db.PingAsync().WaitAsync(TimeSpan.FromSeconds(2), ct);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return false;
        }
    }

    private Task<RedisResult> EvalAsync(string script, params RedisValue[] args)
    {
        var values = new RedisValue[args.Length + 1];
        values[0] = keys.Prefix;
        args.CopyTo(values, 1);
        return Db.ScriptEvaluateAsync(script, [keys.Counters], values);
    }

    private Task<RedisResult> EvalAsync(string script, List<RedisValue> argsWithoutPrefix)
    {
        argsWithoutPrefix.Insert(0, keys.Prefix);
        return Db.ScriptEvaluateAsync(script, [keys.Counters], argsWithoutPrefix.ToArray());
    }

    /// <summary>Turns "Redis is away" into the one exception the adapters answer with "try again shortly".</summary>
    private static async Task<T> Guard<T>(Func<Task<T>> operation)
    {
        try
        {
            return await operation();
        }
        catch (Exception e) when (IsUnavailable(e))
        {
            throw new StoreUnavailableException("The study store (Redis) is unavailable: " + e.Message, e);
        }
    }

    private static async Task Guard(Func<Task> operation)
    {
        try
        {
            await operation();
        }
        catch (Exception e) when (IsUnavailable(e))
        {
            throw new StoreUnavailableException("The study store (Redis) is unavailable: " + e.Message, e);
        }
    }

    internal static bool IsUnavailable(Exception e) => e switch
    {
        RedisConnectionException or RedisTimeoutException or SocketException or ObjectDisposedException => true,
        // A restarting server answers LOADING while it replays its AOF; a replica without its primary MASTERDOWN.
        RedisServerException s => s.Message.StartsWith("LOADING", StringComparison.Ordinal)
            || s.Message.StartsWith("MASTERDOWN", StringComparison.Ordinal)
            || s.Message.StartsWith("TRYAGAIN", StringComparison.Ordinal),
        _ => false,
    };

    private static string Iso(DateTimeOffset at) => at.ToString("O", System.Globalization.CultureInfo.InvariantCulture);

    private static string? Str(RedisResult result) => result.IsNull ? null : (string?)result;
}
