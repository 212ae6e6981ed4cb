using System.Text.Json;
using EmpathyBot.Core.Judging;
using EmpathyBot.Storage.Sqlite;
using StackExchange.Redis;

namespace EmpathyBot.Storage.Redis;

// Pairwise judging keys, P as in RedisStudyStore.cs. Apart from battles on purpose: no battle, balance or offer key
// ever sees a verdict.
//   P pair-verdicts            hash   "{a}\x1f{b}\x1f{judge}\x1f{order}\x1f{repeat}" -> PairVerdict json; HSETNX keeps the first
//   P pair-verdicts-of:{reply} set    the hash fields naming that reply, so the forget script drops them with it
//                                     (PairVerdictFunctions.pv_reply_removed, called from j_reply_removed)
public sealed partial class RedisStudyStore
{
    private const char FieldSeparator = '\u001f';

    /// <summary>Lua called (through <see cref="JudgeFunctions"/>) by the forget script before a reply's hash is deleted.</summary>
    internal const string PairVerdictFunctions = """

        local function pv_reply_removed(id)
          local of = P .. 'pair-verdicts-of:' .. id
          for _, field in ipairs(redis.call('SMEMBERS', of)) do
            redis.call('HDEL', P .. 'pair-verdicts', field)
            local a, b = string.match(field, '^([^\31]*)\31([^\31]*)\31')
            if a and a ~= id then redis.call('SREM', P .. 'pair-verdicts-of:' .. a, field) end
            if b and b ~= id then redis.call('SREM', P .. 'pair-verdicts-of:' .. b, field) end
          end
          redis.call('DEL', of)
        end

        """;

    // ARGV: P, replyA, replyB, field, json -> 1 stored, 0 already there, -1 unknown reply
    private const string AddPairVerdictScript = """
        local P, a, b, field, json = ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5]
        if redis.call('EXISTS', P .. 'reply:' .. a) == 0 or redis.call('EXISTS', P .. 'reply:' .. b) == 0 then return -1 end
        if redis.call('HSETNX', P .. 'pair-verdicts', field, json) == 0 then return 0 end
        redis.call('SADD', P .. 'pair-verdicts-of:' .. a, field)
        redis.call('SADD', P .. 'pair-verdicts-of:' .. b, field)
        return 1
        """;

    private RedisKey PairVerdicts => keys.Prefix + "pair-verdicts";

    public Task<bool> AddPairVerdictAsync(PairVerdict verdict, CancellationToken ct = default)
    {
        SqliteStudyStore.ValidatePairVerdict(verdict);
        var field = string.Join(FieldSeparator, verdict.ReplyA, verdict.ReplyB, verdict.Judge, verdict.Order.ToWire(), verdict.Repeat);
        return Guard(async () => (int)await EvalAsync(AddPairVerdictScript, verdict.ReplyA, verdict.ReplyB, field,
            JsonSerializer.Serialize(verdict, Json)) == 1);
    }

    public Task<IReadOnlySet<PairVerdictKey>> GetPairVerdictKeysAsync(string judge, CancellationToken ct = default) =>
        Guard<IReadOnlySet<PairVerdictKey>>(async () =>
            (await ReadPairVerdictsAsync()).Where(v => v.Judge == judge).Select(v => v.Key).ToHashSet());

    public async IAsyncEnumerable<PairVerdict> ExportPairVerdictsAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        var verdicts = await Guard(ReadPairVerdictsAsync);
        foreach (var v in verdicts
                     .OrderBy(v => v.ReplyA, StringComparer.Ordinal).ThenBy(v => v.ReplyB, StringComparer.Ordinal)
                     .ThenBy(v => v.Judge, StringComparer.Ordinal).ThenBy(v => v.Order).ThenBy(v => v.Repeat))
        {
            ct.ThrowIfCancellationRequested();
            yield return v;
        }
    }

    private async Task<List<PairVerdict>> ReadPairVerdictsAsync() =>
        (await Db.HashValuesAsync(PairVerdicts)).Select(v => JsonSerializer.Deserialize<PairVerdict>((string)v!, Json)!).ToList();
}
