using EmpathyBot.Core.Ports;
using StackExchange.Redis;

namespace EmpathyBot.Storage.Redis;

// Direct Line transcripts (P = the key prefix):
//   P dl:conversations      zset   conversationId -> last active (Unix ms, from the caller's clock)
//   P dl:conv:{id}          hash   seq (last sequence), first (oldest kept), count, bytes
//   P dl:acts:{id}          hash   sequence -> activity JSON
// A conversation whose score is <= now - idle timeout is expired: never read, removed when the next one opens.
public sealed partial class RedisStudyStore : IDirectLineStore
{
    private const string DirectLineLibrary = """
        local P = ARGV[1]
        local index = P .. 'dl:conversations'
        local function live(id, cutoff)
          local score = redis.call('ZSCORE', index, id)
          return score and tonumber(score) > cutoff
        end
        """;

    // ARGV: prefix, id, now, cutoff, max conversations. 1 opened, 0 full.
    private const string OpenConversationScript = DirectLineLibrary + "\n" + """
        local id, now, cutoff, max = ARGV[2], tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5])
        -- Bounded per call so one open never stalls Redis; every open sweeps a little.
        for _, old in ipairs(redis.call('ZRANGEBYSCORE', index, '-inf', cutoff, 'LIMIT', 0, 100)) do
          redis.call('DEL', P .. 'dl:conv:' .. old, P .. 'dl:acts:' .. old)
          redis.call('ZREM', index, old)
        end
        if live(id, cutoff) then
          redis.call('ZADD', index, now, id)
          return 1
        end
        if redis.call('ZCARD', index) >= max then return 0 end
        redis.call('DEL', P .. 'dl:conv:' .. id, P .. 'dl:acts:' .. id)
        redis.call('ZADD', index, now, id)
        redis.call('HSET', P .. 'dl:conv:' .. id, 'seq', 0, 'first', 1, 'count', 0, 'bytes', 0)
        return 1
        """;

    // ARGV: prefix, id, now, cutoff. 1 touched, 0 unknown or expired.
    private const string TouchConversationScript = DirectLineLibrary + "\n" + """
        if not live(ARGV[2], tonumber(ARGV[4])) then return 0 end
        redis.call('ZADD', index, tonumber(ARGV[3]), ARGV[2])
        return 1
        """;

    // ARGV: prefix, id, now, cutoff, activity, max activities, max bytes. The sequence, or nil when unknown or expired.
    private const string AppendActivityScript = DirectLineLibrary + "\n" + """
        local id, now, cutoff, activity = ARGV[2], tonumber(ARGV[3]), tonumber(ARGV[4]), ARGV[5]
        local maxCount, maxBytes = tonumber(ARGV[6]), tonumber(ARGV[7])
        if not live(id, cutoff) then return false end
        local conv, acts = P .. 'dl:conv:' .. id, P .. 'dl:acts:' .. id
        local seq = redis.call('HINCRBY', conv, 'seq', 1)
        redis.call('HSET', acts, seq, activity)
        local count = redis.call('HINCRBY', conv, 'count', 1)
        local bytes = redis.call('HINCRBY', conv, 'bytes', string.len(activity))
        local first = tonumber(redis.call('HGET', conv, 'first'))
        while count > 1 and (count > maxCount or bytes > maxBytes) do
          bytes = bytes - redis.call('HSTRLEN', acts, first)
          redis.call('HDEL', acts, first)
          first, count = first + 1, count - 1
        end
        redis.call('HSET', conv, 'first', first, 'count', count, 'bytes', bytes)
        redis.call('ZADD', index, now, id)
        return seq
        """;

    // ARGV: prefix, id, watermark, cutoff. {last sequence, activities...}, or nil when unknown or expired.
    private const string GetActivitiesScript = DirectLineLibrary + "\n" + """
        local id, watermark = ARGV[2], tonumber(ARGV[3])
        if not live(id, tonumber(ARGV[4])) then return false end
        local conv, acts = P .. 'dl:conv:' .. id, P .. 'dl:acts:' .. id
        local seq = tonumber(redis.call('HGET', conv, 'seq'))
        local result = { seq }
        local from = math.max(watermark + 1, tonumber(redis.call('HGET', conv, 'first')))
        -- HMGET in slices: unpack has a small stack limit.
        while from <= seq do
          local fields = {}
          for s = from, math.min(seq, from + 499) do fields[#fields + 1] = s end
          local values = redis.call('HMGET', acts, unpack(fields))
          for i = 1, #fields do
            if values[i] then result[#result + 1] = values[i] end
          end
          from = from + 500
        end
        return result
        """;

    public Task<bool> OpenConversationAsync(string conversationId, DateTimeOffset now, DirectLineLimits limits, CancellationToken ct = default) =>
        Guard(async () => (int)await EvalAsync(OpenConversationScript, conversationId, Ms(now), Cutoff(now, limits), limits.MaxConversations) == 1);

    public Task<bool> TouchConversationAsync(string conversationId, DateTimeOffset now, DirectLineLimits limits, CancellationToken ct = default) =>
        Guard(async () => (int)await EvalAsync(TouchConversationScript, conversationId, Ms(now), Cutoff(now, limits)) == 1);

    public Task<long?> AppendActivityAsync(string conversationId, byte[] activity, DateTimeOffset now, DirectLineLimits limits, CancellationToken ct = default) =>
        Guard(async () =>
        {
            var result = await EvalAsync(AppendActivityScript, conversationId, Ms(now), Cutoff(now, limits), activity, limits.MaxActivities, limits.MaxBytes);
            return result.IsNull ? (long?)null : (long)result;
        });

    public Task<DirectLineActivitySet?> GetActivitiesAsync(string conversationId, long watermark, DateTimeOffset now, DirectLineLimits limits,
        CancellationToken ct = default) =>
        Guard(async () =>
        {
            var result = await EvalAsync(GetActivitiesScript, conversationId, watermark, Cutoff(now, limits));
            if (result.IsNull) return null;
            var items = (RedisResult[])result!;
            var activities = items.Skip(1).Select(a => (byte[])a!).ToArray();
            return new DirectLineActivitySet(activities, Math.Max(watermark, (long)items[0]));
        });

    private static long Ms(DateTimeOffset at) => at.ToUnixTimeMilliseconds();

    private static long Cutoff(DateTimeOffset now, DirectLineLimits limits) => Ms(now - limits.IdleTimeout);
}
