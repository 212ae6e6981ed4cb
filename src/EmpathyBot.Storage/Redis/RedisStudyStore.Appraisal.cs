// Appraisal keys, P as in RedisStudyStore.cs:
//   P appraisal:{id}                 hash   json (the AppraisalAnswer), source, participant, emotion, factor, condition, pa, na
//   P appraisal-by:{participant}     set    answer ids of the participant (withdrawal)
//   P appraisal-counters             hash   "{source}\x1f{emotion}\x1f{factor}\x1f{condition}\x1f{n|pa|pa2|na|na2|people}" -> count
//   P appraisal-people:{cell}        set    participants who answered in the group ({cell} as in the counters, without the metric);
//                                           "people" counts them, so a group's distinct people are known (Privacy:MinGroupSize)
//   P appraisal-sets                 hash   set name -> situations json
// The unit separator keeps names with '|' or spaces (factor names do have them) unambiguous.
using System.Text.Json;
using EmpathyBot.Core.Appraisal;
using EmpathyBot.Core.Ports;
using EmpathyBot.Storage.Validation;
using StackExchange.Redis;

namespace EmpathyBot.Storage.Redis;

public sealed partial class RedisStudyStore
{
    private const char CellSeparator = '\u001f';

    // Lua functions over P (the key prefix, declared by the script that includes them).
    internal const string AppraisalFunctions = """
        local function bump_appraisal(source, emotion, factor, condition, pa, na, participant, sign)
          local c = P .. 'appraisal-counters'
          local cell = source .. '\31' .. emotion .. '\31' .. factor .. '\31' .. condition .. '\31'
          if participant and participant ~= '' then
            local people = P .. 'appraisal-people:' .. cell
            local changed = sign > 0 and redis.call('SADD', people, participant) or redis.call('SREM', people, participant)
            if changed == 1 then redis.call('HINCRBY', c, cell .. 'people', sign) end
          end
          redis.call('HINCRBY', c, cell .. 'n', sign)
          redis.call('HINCRBY', c, cell .. 'pa', sign * pa)
          redis.call('HINCRBY', c, cell .. 'pa2', sign * pa * pa)
          redis.call('HINCRBY', c, cell .. 'na', sign * na)
          redis.call('HINCRBY', c, cell .. 'na2', sign * na * na)
        end

        -- Deletes the participant's answer sets and takes them out of the counters; returns how many went.
        local function forget_appraisal(participant)
          local by = P .. 'appraisal-by:' .. participant
          local removed = 0
          for _, id in ipairs(redis.call('SMEMBERS', by)) do
            local key = P .. 'appraisal:' .. id
            local f = redis.call('HMGET', key, 'source', 'emotion', 'factor', 'condition', 'pa', 'na')
            if f[1] then
              bump_appraisal(f[1], f[2], f[3], f[4], tonumber(f[5]), tonumber(f[6]), participant, -1)
              redis.call('DEL', key)
              removed = removed + 1
            end
          end
          redis.call('DEL', by)
          if removed > 0 then redis.call('INCR', P .. 'people-withdrawals') end
          return removed
        end

        """;

    // ARGV: prefix, id, source, participant ('' for none), emotion, factor, condition, pa, na, json
    private const string AddAppraisalScript = "local P = ARGV[1]\n" + AppraisalFunctions + """
        local key = P .. 'appraisal:' .. ARGV[2]
        if redis.call('EXISTS', key) == 1 then return 0 end
        redis.call('HSET', key, 'json', ARGV[10], 'source', ARGV[3], 'participant', ARGV[4], 'emotion', ARGV[5],
          'factor', ARGV[6], 'condition', ARGV[7], 'pa', ARGV[8], 'na', ARGV[9])
        if ARGV[4] ~= '' then redis.call('SADD', P .. 'appraisal-by:' .. ARGV[4], ARGV[2]) end
        bump_appraisal(ARGV[3], ARGV[5], ARGV[6], ARGV[7], tonumber(ARGV[8]), tonumber(ARGV[9]), ARGV[4], 1)
        return 1
        """;

    private RedisKey AppraisalCounters => keys.Prefix + "appraisal-counters";

    private RedisKey AppraisalSets => keys.Prefix + "appraisal-sets";

    public Task<bool> AddAppraisalAnswerAsync(AppraisalAnswer answer, CancellationToken ct = default)
    {
        AppraisalAnswerRules.Validate(answer);
        return Guard(async () => (int)await EvalAsync(AddAppraisalScript,
            answer.Id, answer.Source, answer.Participant ?? "", answer.Emotion, answer.Factor, answer.Condition,
            answer.Score.Pa, answer.Score.Na, JsonSerializer.Serialize(answer, Json)) == 1);
    }

    public Task<IReadOnlyList<AppraisalCell>> GetAppraisalCellsAsync(CancellationToken ct = default) => Guard(async () =>
    {
        var cells = new Dictionary<(string, string, string, string), long[]>();
        foreach (var entry in await Db.HashGetAllAsync(AppraisalCounters))
        {
            var parts = ((string)entry.Name!).Split(CellSeparator);
            if (parts.Length != 5) continue;
            var metric = Array.IndexOf(["n", "pa", "pa2", "na", "na2", "people"], parts[4]);
            if (metric < 0) continue;
            var key = (parts[0], parts[1], parts[2], parts[3]);
            if (!cells.TryGetValue(key, out var values)) cells[key] = values = new long[6];
            values[metric] = (long)entry.Value;
        }

        return (IReadOnlyList<AppraisalCell>)cells.Where(kv => kv.Value[0] > 0)
            .OrderBy(kv => kv.Key.Item1, StringComparer.Ordinal).ThenBy(kv => kv.Key.Item2, StringComparer.Ordinal)
            .ThenBy(kv => kv.Key.Item3, StringComparer.Ordinal).ThenBy(kv => kv.Key.Item4, StringComparer.Ordinal)
            .Select(kv => new AppraisalCell(kv.Key.Item1, kv.Key.Item2, kv.Key.Item3, kv.Key.Item4,
                new AppraisalMoments(kv.Value[0], kv.Value[1], kv.Value[2], kv.Value[3], kv.Value[4])) { People = kv.Value[5] })
            .ToArray();
    });

    public Task<IReadOnlyList<AppraisalAnswer>> GetAppraisalAnswersAsync(string participant, CancellationToken ct = default) => Guard(async () =>
    {
        var ids = await Db.SetMembersAsync(keys.Prefix + "appraisal-by:" + participant);
        var answers = new List<AppraisalAnswer>();
        foreach (var id in ids)
        {
            var json = await Db.HashGetAsync(keys.Prefix + "appraisal:" + (string)id!, "json");
            if (!json.IsNull && JsonSerializer.Deserialize<AppraisalAnswer>((string)json!, Json) is { } answer) answers.Add(answer);
        }

        return (IReadOnlyList<AppraisalAnswer>)answers.OrderBy(a => a.At).ThenBy(a => a.Id, StringComparer.Ordinal).ToArray();
    });

    public Task SaveSituationSetAsync(string name, string json, CancellationToken ct = default) => SaveNamedSet(AppraisalSets, name, json);

    public Task<string?> GetSituationSetAsync(string name, CancellationToken ct = default) => GetNamedSet(AppraisalSets, name);

    public Task<IReadOnlyList<string>> GetSituationSetNamesAsync(CancellationToken ct = default) => GetNamedSetNames(AppraisalSets);
}
