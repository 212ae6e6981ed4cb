using System.Text.Json;
using EmpathyBot.Core.Judging;
using EmpathyBot.Core.Study;
using EmpathyBot.Storage.Sqlite;
using StackExchange.Redis;

namespace EmpathyBot.Storage.Redis;

// Judging keys, P as in RedisStudyStore.cs. Apart from ratings on purpose: no counter, pool or agreement key
// ever sees a verdict.
//   P verdicts:{replyId}       hash   "{repeat}|{judge}" -> JudgeVerdict json; HSETNX keeps the first verdict
//   P judged                   set    replyIds that have verdicts (the summary and export walk it)
//   P judge-keys:{judge}       set    "{repeat}|{replyId}": what a run need not ask again
// The forget script drops a deleted reply's verdicts with it (JudgeFunctions.j_reply_removed).
public sealed partial class RedisStudyStore
{
    /// <summary>Lua called by the forget script before a reply's hash is deleted.</summary>
    internal const string JudgeFunctions = PairVerdictFunctions + """

        local function j_reply_removed(id)
          local vkey = P .. 'verdicts:' .. id
          for _, field in ipairs(redis.call('HKEYS', vkey)) do
            local rep, judge = string.match(field, '^(%d+)|(.*)$')
            if judge then redis.call('SREM', P .. 'judge-keys:' .. judge, rep .. '|' .. id) end
          end
          redis.call('DEL', vkey)
          redis.call('SREM', P .. 'judged', id)
          pv_reply_removed(id)
        end

        """;

    // ARGV: P, replyId, judge, repeat, json -> 1 stored, 0 already there, -1 unknown reply
    private const string AddVerdictScript = """
        local P, id, judge, rep, json = ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5]
        if redis.call('EXISTS', P .. 'reply:' .. id) == 0 then return -1 end
        if redis.call('HSETNX', P .. 'verdicts:' .. id, rep .. '|' .. judge, json) == 0 then return 0 end
        redis.call('SADD', P .. 'judged', id)
        redis.call('SADD', P .. 'judge-keys:' .. judge, rep .. '|' .. id)
        return 1
        """;

    private RedisKey Verdicts(string replyId) => keys.Prefix + "verdicts:" + replyId;

    private RedisKey Judged => keys.Prefix + "judged";

    public Task<bool> AddVerdictAsync(JudgeVerdict verdict, CancellationToken ct = default)
    {
        SqliteStudyStore.ValidateVerdict(verdict);
        return Guard(async () => (int)await EvalAsync(AddVerdictScript, verdict.ReplyId, verdict.Judge,
            verdict.Repeat, JsonSerializer.Serialize(verdict, Json)) == 1);
    }

    public Task<IReadOnlyList<JudgeVerdict>> GetVerdictsAsync(string replyId, CancellationToken ct = default) =>
        Guard<IReadOnlyList<JudgeVerdict>>(async () => Ordered(await ReadVerdictsAsync(replyId)));

    public Task<IReadOnlySet<VerdictKey>> GetVerdictKeysAsync(string judge, CancellationToken ct = default) =>
        Guard<IReadOnlySet<VerdictKey>>(async () =>
        {
            var members = await Db.SetMembersAsync(keys.Prefix + "judge-keys:" + judge);
            return members.Select(m => (string)m!).Select(m => m.Split('|', 2))
                .Select(p => new VerdictKey(p[1], int.Parse(p[0], System.Globalization.CultureInfo.InvariantCulture))).ToHashSet();
        });

    public async IAsyncEnumerable<JudgeVerdict> ExportVerdictsAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        var ids = await Guard(async () => (await Db.SetMembersAsync(Judged)).Select(m => (string)m!).Order(StringComparer.Ordinal).ToList());
        foreach (var id in ids)
        {
            ct.ThrowIfCancellationRequested();
            foreach (var v in Ordered(await Guard(() => ReadVerdictsAsync(id)))) yield return v;
        }
    }

    public Task<IReadOnlyList<JudgedReplyRow>> GetJudgedRepliesAsync(CancellationToken ct = default) =>
        Guard<IReadOnlyList<JudgedReplyRow>>(async () =>
        {
            var ids = (await Db.SetMembersAsync(Judged)).Select(m => (string)m!).Order(StringComparer.Ordinal).ToList();
            var reads = ids.Select(async id => (
                Verdicts: await ReadVerdictsAsync(id),
                Reply: await Db.HashGetAsync(keys.Reply(id), ["source", "emotion"]),
                People: await Db.HashGetAsync(keys.Prefix + "agree:" + id, ["good", "okay", "bad"]))).ToList();
            var rows = new List<JudgedReplyRow>();
            foreach (var read in reads)
            {
                var (verdicts, reply, people) = await read;
                if (reply[0].IsNull) continue;
                rows.AddRange(Ordered(verdicts).Select(v => new JudgedReplyRow(v.ReplyId, (string)reply[0]!, (string)reply[1]!, v.Judge,
                    v.Repeat, v.Rating, Count(people[0]), Count(people[1]), Count(people[2]))));
            }

            return rows;
        });

    private async Task<List<JudgeVerdict>> ReadVerdictsAsync(string replyId) =>
        (await Db.HashValuesAsync(Verdicts(replyId))).Select(v => JsonSerializer.Deserialize<JudgeVerdict>((string)v!, Json)!).ToList();

    private static List<JudgeVerdict> Ordered(IEnumerable<JudgeVerdict> verdicts) =>
        verdicts.OrderBy(v => v.Judge, StringComparer.Ordinal).ThenBy(v => v.Repeat).ToList();

    private static int Count(RedisValue value) => value.IsNull ? 0 : (int)value;
}
