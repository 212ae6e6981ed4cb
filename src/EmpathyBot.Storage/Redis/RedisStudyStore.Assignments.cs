using System.Globalization;
using System.Runtime.CompilerServices;
using EmpathyBot.Core.Ports;
using EmpathyBot.Core.Study;
using StackExchange.Redis;

namespace EmpathyBot.Storage.Redis;

// Between-subjects rating, keys (P as in RedisStudyStore.cs):
//
//   P assignments                  hash   rater -> assigned source
//   P assignment-times             hash   rater -> ISO time of the assignment
//   P assignment-counts            hash   source -> raters assigned to it (what the assignment balances)
public sealed partial class RedisStudyStore
{
    /// <summary>Lua used by the assignment script and by Forget (a withdrawal frees the rater's place).</summary>
    internal const string AssignmentFunctions = """
        local function forget_assignment(p)
          local source = redis.call('HGET', P .. 'assignments', p)
          if not source then return end
          redis.call('HDEL', P .. 'assignments', p)
          redis.call('HDEL', P .. 'assignment-times', p)
          if redis.call('HINCRBY', P .. 'assignment-counts', source, -1) <= 0 then
            redis.call('HDEL', P .. 'assignment-counts', source)
          end
        end

        """;

    // ARGV: P, rater, at, rand, target -> the rater's source, or nil while no source has replies in the pool. One script,
    // so two instances cannot both read the same least-assigned count and over-assign it. Walks the pool below the
    // target once per new rater to learn which sources still have replies to rate.
    private const string AssignSourceScript = "local P = ARGV[1]\n" + """
        local rater = ARGV[2]
        local have = redis.call('HGET', P .. 'assignments', rater)
        if have then return have end
        local seen, pooled, offset = {}, {}, 0
        while true do
          local ids = redis.call('ZRANGEBYSCORE', P .. 'pool', '-inf', '(' .. ARGV[5], 'LIMIT', offset, 512)
          if #ids == 0 then break end
          for _, id in ipairs(ids) do
            local source = redis.call('HGET', P .. 'reply:' .. id, 'source')
            if source and not seen[source] then
              seen[source] = true
              pooled[#pooled + 1] = source
            end
          end
          offset = offset + 512
        end
        table.sort(pooled)
        local fewest, ties = nil, {}
        for _, source in ipairs(pooled) do
          local n = tonumber(redis.call('HGET', P .. 'assignment-counts', source) or '0')
          if fewest == nil or n < fewest then
            fewest, ties = n, {source}
          elseif n == fewest then
            ties[#ties + 1] = source
          end
        end
        if #ties == 0 then return nil end
        local source = ties[(tonumber(ARGV[4]) % #ties) + 1]
        redis.call('HSET', P .. 'assignments', rater, source)
        redis.call('HSET', P .. 'assignment-times', rater, ARGV[3])
        redis.call('HINCRBY', P .. 'assignment-counts', source, 1)
        return source
        """;

    public Task<string?> AssignSourceAsync(string rater, int targetPerReply, DateTimeOffset at, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(rater);
        return Guard(async () => (string?)(RedisValue)await EvalAsync(AssignSourceScript, rater, Iso(at), Random.Shared.Next(), targetPerReply));
    }

    public Task<string?> GetAssignedSourceAsync(string rater, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(rater);
        return Guard(async () => (string?)await Db.HashGetAsync(keys.Prefix + "assignments", rater));
    }

    public Task<IReadOnlyDictionary<string, long>> GetAssignmentCountsAsync(CancellationToken ct = default) => Guard(async () =>
        (IReadOnlyDictionary<string, long>)(await Db.HashGetAllAsync(keys.Prefix + "assignment-counts"))
            .ToDictionary(e => (string)e.Name!, e => (long)e.Value, StringComparer.Ordinal));

    public Task<Reply?> NextReplyFromSourceAsync(string rater, string source, int targetPerReply, string? goldId = null, DateTimeOffset? shownAt = null, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(rater);
        ArgumentException.ThrowIfNullOrEmpty(source);
        return Guard(async () => targetPerReply <= 0
            ? null
            : ToReply((RedisValue)await EvalAsync(RedisScripts.NextReplyToRate, rater, targetPerReply, Random.Shared.Next(), goldId ?? "", source,
                shownAt is { } at ? Iso(at) : "")));
    }

    public async IAsyncEnumerable<SourceAssignment> ExportSourceAssignmentsAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        var sources = await Guard(() => Db.HashGetAllAsync(keys.Prefix + "assignments"));
        var times = (await Guard(() => Db.HashGetAllAsync(keys.Prefix + "assignment-times")))
            .ToDictionary(e => (string)e.Name!, e => (string)e.Value!, StringComparer.Ordinal);
        foreach (var entry in sources.OrderBy(e => (string)e.Name!, StringComparer.Ordinal))
        {
            ct.ThrowIfCancellationRequested();
            var rater = (string)entry.Name!;
            var at = times.TryGetValue(rater, out var iso)
                ? DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)
                : DateTimeOffset.MinValue;
            yield return new SourceAssignment(rater, (string)entry.Value!, at);
        }
    }
}
