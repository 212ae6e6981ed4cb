// Understanding keys, P as in RedisStudyStore.cs; S = the unit separator \x1f:
//   P u-answer:{id}            hash   json (the UnderstandingAnswer), set, source, item, score ('' for none), v0..v3 ('' for none)
//   P u-answers:{set}S{source} set    answer ids of one source in one set (a contender run resumes from it)
//   P u-by:{participant}       set    answer ids and "t:"+test ids of the participant (withdrawal)
//   P u-items:{set}            hash   "{source}S{item}S{n|v0|v1|v2|v3|scored|score}" -> running sums (HINCRBYFLOAT)
//   P u-test:{id}              hash   json (the UnderstandingTest), set, source, score
//   P u-cells                  hash   "{set}S{source}S{n|sum|sumsq|people}" -> running moments of test scores; people = distinct participants
//   P u-people:{set}S{source}  set    participants with a test on the set (counted in "people", for Privacy:MinGroupSize)
//   P u-scores:{set}S{source}  hash   test id -> score (the percentile sample, read on demand)
//   P u-sets                   hash   set name -> set json
using System.Globalization;
using System.Text.Json;
using EmpathyBot.Core.Understanding;
using EmpathyBot.Core.Ports;
using EmpathyBot.Storage.Validation;
using StackExchange.Redis;

namespace EmpathyBot.Storage.Redis;

public sealed partial class RedisStudyStore
{
    // Lua functions over P (the key prefix, declared by the script that includes them).
    internal const string UnderstandingFunctions = """
        local S = '\31'
        local function bump_item(set, source, item, vals, score, sign)
          local h = P .. 'u-items:' .. set
          local cell = source .. S .. item .. S
          if vals[1] ~= '' then
            redis.call('HINCRBYFLOAT', h, cell .. 'n', sign)
            for j = 1, 4 do redis.call('HINCRBYFLOAT', h, cell .. 'v' .. (j - 1), sign * tonumber(vals[j])) end
          end
          if score ~= '' then
            redis.call('HINCRBYFLOAT', h, cell .. 'scored', sign)
            redis.call('HINCRBYFLOAT', h, cell .. 'score', sign * tonumber(score))
          end
        end

        local function bump_cell(set, source, score, participant, sign)
          local h = P .. 'u-cells'
          local cell = set .. S .. source .. S
          if participant and participant ~= '' then
            local people = P .. 'u-people:' .. set .. S .. source
            local changed = sign > 0 and redis.call('SADD', people, participant) or redis.call('SREM', people, participant)
            if changed == 1 then redis.call('HINCRBYFLOAT', h, cell .. 'people', sign) end
          end
          redis.call('HINCRBYFLOAT', h, cell .. 'n', sign)
          redis.call('HINCRBYFLOAT', h, cell .. 'sum', sign * score)
          redis.call('HINCRBYFLOAT', h, cell .. 'sumsq', sign * score * score)
        end

        -- Deletes one test of the participant and takes it out of the moments; 1 when it existed.
        local function forget_understanding_test(tid, participant)
          local key = P .. 'u-test:' .. tid
          local f = redis.call('HMGET', key, 'source', 'set', 'score')
          if not f[1] then return 0 end
          bump_cell(f[2], f[1], tonumber(f[3]), participant, -1)
          redis.call('HDEL', P .. 'u-scores:' .. f[2] .. S .. f[1], tid)
          redis.call('DEL', key)
          return 1
        end

        -- Deletes one answer of the participant and takes it out of the item sums; 1 when it existed.
        local function forget_understanding_answer(id)
          local key = P .. 'u-answer:' .. id
          local f = redis.call('HMGET', key, 'source', 'set', 'item', 'score', 'v0', 'v1', 'v2', 'v3')
          if not f[1] then return 0 end
          bump_item(f[2], f[1], f[3], {f[5], f[6], f[7], f[8]}, f[4], -1)
          redis.call('SREM', P .. 'u-answers:' .. f[2] .. S .. f[1], id)
          redis.call('DEL', key)
          return 1
        end

        -- Deletes the participant's answers and tests; returns how many answers and how many tests went.
        local function forget_understanding(participant)
          local by = P .. 'u-by:' .. participant
          local answers, tests = 0, 0
          for _, id in ipairs(redis.call('SMEMBERS', by)) do
            if string.sub(id, 1, 2) == 't:' then
              tests = tests + forget_understanding_test(string.sub(id, 3), participant)
            else
              answers = answers + forget_understanding_answer(id)
            end
          end
          redis.call('DEL', by)
          if answers + tests > 0 then redis.call('INCR', P .. 'people-withdrawals') end
          return answers, tests
        end

        """;

    private const string UnderstandingLibrary = "local P = ARGV[1]\n" + UnderstandingFunctions;

    // ARGV: prefix, id, source, participant ('' for none), set, item, score (''), v0..v3 (''), json
    private const string AddUnderstandingAnswerScript = UnderstandingLibrary + """
        local key = P .. 'u-answer:' .. ARGV[2]
        if redis.call('EXISTS', key) == 1 then return 0 end
        redis.call('HSET', key, 'json', ARGV[12], 'source', ARGV[3], 'set', ARGV[5], 'item', ARGV[6], 'score', ARGV[7],
          'v0', ARGV[8], 'v1', ARGV[9], 'v2', ARGV[10], 'v3', ARGV[11])
        redis.call('SADD', P .. 'u-answers:' .. ARGV[5] .. S .. ARGV[3], ARGV[2])
        if ARGV[4] ~= '' then redis.call('SADD', P .. 'u-by:' .. ARGV[4], ARGV[2]) end
        bump_item(ARGV[5], ARGV[3], ARGV[6], {ARGV[8], ARGV[9], ARGV[10], ARGV[11]}, ARGV[7], 1)
        return 1
        """;

    // ARGV: prefix, id, source, participant ('' for none), set, score, json
    private const string AddUnderstandingTestScript = UnderstandingLibrary + """
        local key = P .. 'u-test:' .. ARGV[2]
        if redis.call('EXISTS', key) == 1 then return 0 end
        redis.call('HSET', key, 'json', ARGV[7], 'source', ARGV[3], 'set', ARGV[5], 'score', ARGV[6])
        redis.call('HSET', P .. 'u-scores:' .. ARGV[5] .. S .. ARGV[3], ARGV[2], ARGV[6])
        if ARGV[4] ~= '' then redis.call('SADD', P .. 'u-by:' .. ARGV[4], 't:' .. ARGV[2]) end
        bump_cell(ARGV[5], ARGV[3], tonumber(ARGV[6]), ARGV[4], 1)
        return 1
        """;

    private RedisKey UnderstandingCells => keys.Prefix + "u-cells";

    private RedisKey UnderstandingSets => keys.Prefix + "u-sets";

    private static string Num(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public Task<bool> AddUnderstandingAnswerAsync(UnderstandingAnswer answer, CancellationToken ct = default)
    {
        UnderstandingRules.Validate(answer);
        var has = answer.Values.Count == SeceuScorer.OptionCount;
        RedisValue V(int j) => has ? Num(answer.Values[j]) : "";
        return Guard(async () => (int)await EvalAsync(AddUnderstandingAnswerScript,
            answer.Id, answer.Source, answer.Participant ?? "", answer.Set, answer.ItemId, answer.Score is { } s ? Num(s) : "",
            V(0), V(1), V(2), V(3), JsonSerializer.Serialize(answer, Json)) == 1);
    }

    public Task<IReadOnlyList<UnderstandingItemStats>> GetUnderstandingItemStatsAsync(string set, CancellationToken ct = default) => Guard(async () =>
    {
        string[] metrics = ["n", "v0", "v1", "v2", "v3", "scored", "score"];
        var items = new Dictionary<(string, string), double[]>();
        foreach (var entry in await Db.HashGetAllAsync(keys.Prefix + "u-items:" + set))
        {
            var parts = ((string)entry.Name!).Split(CellSeparator);
            if (parts.Length != 3) continue;
            var metric = Array.IndexOf(metrics, parts[2]);
            if (metric < 0) continue;
            if (!items.TryGetValue((parts[0], parts[1]), out var values)) items[(parts[0], parts[1])] = values = new double[metrics.Length];
            values[metric] = double.Parse((string)entry.Value!, CultureInfo.InvariantCulture);
        }

        return (IReadOnlyList<UnderstandingItemStats>)items
            .Where(kv => Math.Round(kv.Value[0]) > 0 || Math.Round(kv.Value[5]) > 0)
            .OrderBy(kv => kv.Key.Item1, StringComparer.Ordinal).ThenBy(kv => kv.Key.Item2, StringComparer.Ordinal)
            .Select(kv => new UnderstandingItemStats(set, kv.Key.Item1, kv.Key.Item2, (long)Math.Round(kv.Value[0]),
                kv.Value[1..5], (long)Math.Round(kv.Value[5]), kv.Value[6]))
            .ToArray();
    });

    public Task<IReadOnlyList<UnderstandingAnswer>> GetUnderstandingAnswersAsync(string set, string source, CancellationToken ct = default) => Guard(async () =>
    {
        var answers = new List<UnderstandingAnswer>();
        foreach (var id in await Db.SetMembersAsync(keys.Prefix + "u-answers:" + set + CellSeparator + source))
        {
            var json = await Db.HashGetAsync(keys.Prefix + "u-answer:" + (string)id!, "json");
            if (!json.IsNull && JsonSerializer.Deserialize<UnderstandingAnswer>((string)json!, Json) is { } answer) answers.Add(answer);
        }

        return (IReadOnlyList<UnderstandingAnswer>)answers.OrderBy(a => a.At).ThenBy(a => a.Id, StringComparer.Ordinal).ToArray();
    });

    public Task<bool> AddUnderstandingTestAsync(UnderstandingTest test, CancellationToken ct = default)
    {
        UnderstandingRules.Validate(test);
        return Guard(async () => (int)await EvalAsync(AddUnderstandingTestScript,
            test.Id, test.Source, test.Participant ?? "", test.Set, Num(test.Score), JsonSerializer.Serialize(test, Json)) == 1);
    }

    public Task<IReadOnlyList<UnderstandingTestCell>> GetUnderstandingTestCellsAsync(CancellationToken ct = default) => Guard(async () =>
    {
        string[] metrics = ["n", "sum", "sumsq", "people"];
        var cells = new Dictionary<(string, string), double[]>();
        foreach (var entry in await Db.HashGetAllAsync(UnderstandingCells))
        {
            var parts = ((string)entry.Name!).Split(CellSeparator);
            if (parts.Length != 3) continue;
            var metric = Array.IndexOf(metrics, parts[2]);
            if (metric < 0) continue;
            if (!cells.TryGetValue((parts[0], parts[1]), out var values)) cells[(parts[0], parts[1])] = values = new double[4];
            values[metric] = double.Parse((string)entry.Value!, CultureInfo.InvariantCulture);
        }

        return (IReadOnlyList<UnderstandingTestCell>)cells.Where(kv => Math.Round(kv.Value[0]) > 0)
            .OrderBy(kv => kv.Key.Item1, StringComparer.Ordinal).ThenBy(kv => kv.Key.Item2, StringComparer.Ordinal)
            .Select(kv => new UnderstandingTestCell(kv.Key.Item1, kv.Key.Item2, (long)Math.Round(kv.Value[0]), kv.Value[1], kv.Value[2])
            {
                People = (long)Math.Round(kv.Value[3]),
            })
            .ToArray();
    });

    public Task<IReadOnlyList<double>> GetUnderstandingScoresAsync(string set, string source, CancellationToken ct = default) => Guard(async () =>
        (IReadOnlyList<double>)(await Db.HashValuesAsync(keys.Prefix + "u-scores:" + set + CellSeparator + source))
            .Select(v => double.Parse((string)v!, CultureInfo.InvariantCulture)).Order().ToArray());

    public Task SaveUnderstandingSetAsync(string name, string json, CancellationToken ct = default) => SaveNamedSet(UnderstandingSets, name, json);

    public Task<string?> GetUnderstandingSetAsync(string name, CancellationToken ct = default) => GetNamedSet(UnderstandingSets, name);

    public Task<IReadOnlyList<string>> GetUnderstandingSetNamesAsync(CancellationToken ct = default) => GetNamedSetNames(UnderstandingSets);
}
