using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using EmpathyBot.Core.Integrity;
using EmpathyBot.Core.Interchange;
using EmpathyBot.Core.Ports;
using EmpathyBot.Core.Study;
using StackExchange.Redis;

namespace EmpathyBot.Storage.Redis;

// Battle keys, P as in RedisStudyStore.cs:
//   P battle:{cardId}            hash   rater, prompt, a, sa, b, sb (battle order: sa sorts first), left a|b|'' (imported),
//                                       gold a|b|'' (the side holding the gold item's id), offered, winner ''|a|b|tie|both_bad, answered
//   P battle-cards:{rater}       set    card ids offered to (or imported for) the rater
//   P battle-seen:{rater}        set    "{replyA}|{replyB}" pairs the rater was given (a pair at most once)
//   P reply-battles:{replyId}    set    card ids showing the reply (forget removes them with the reply)
//   P battle-balance             hash   "{sourceA}|{sourceB}" -> pair cards offered (least-compared first)
//   P battle-log                 list   answered battle ids in answer order (gold cards are not battles)
public sealed partial class RedisStudyStore
{
    private const int ImportBattlesPerScript = 500;

    // Lua functions over P (declared by the library) that the forget script calls too.
    internal const string BattleFunctions = """
        local function forget_battle(id)
          local key = P .. 'battle:' .. id
          local b = redis.call('HMGET', key, 'rater', 'a', 'sa', 'b', 'sb', 'gold', 'winner')
          if not b[1] then return end
          if b[6] == '' then
            redis.call('HINCRBY', P .. 'battle-balance', b[3] .. '|' .. b[5], -1)
            redis.call('SREM', P .. 'battle-seen:' .. b[1], b[2] .. '|' .. b[4])
            if b[7] ~= '' then redis.call('LREM', P .. 'battle-log', 0, id) end
          end
          redis.call('SREM', P .. 'battle-cards:' .. b[1], id)
          redis.call('SREM', P .. 'reply-battles:' .. b[2], id)
          redis.call('SREM', P .. 'reply-battles:' .. b[4], id)
          redis.call('DEL', key)
        end

        -- the participant's pair cards and every card showing a reply they wrote; returns the verdicts they gave and
        -- the verdicts others gave on their replies
        local function forget_battles(p)
          local answered, received = 0, 0
          for _, id in ipairs(redis.call('SMEMBERS', P .. 'battle-cards:' .. p)) do
            local b = redis.call('HMGET', P .. 'battle:' .. id, 'gold', 'winner')
            if b[1] == '' and b[2] and b[2] ~= '' then answered = answered + 1 end
            forget_battle(id)
          end
          for _, rid in ipairs(redis.call('SMEMBERS', P .. 'authored:' .. p)) do
            for _, id in ipairs(redis.call('SMEMBERS', P .. 'reply-battles:' .. rid)) do
              local b = redis.call('HMGET', P .. 'battle:' .. id, 'gold', 'winner')
              if b[1] == '' and b[2] and b[2] ~= '' then received = received + 1 end
              forget_battle(id)
            end
            redis.call('DEL', P .. 'reply-battles:' .. rid)
          end
          redis.call('DEL', P .. 'battle-cards:' .. p, P .. 'battle-seen:' .. p)
          return answered, received
        end

        """;

    // ARGV: P, rater, card id, left a|b, gold side a|b|'', gold id, rand, at -> {reply A json, reply B json} or nil.
    private const string NextPairScript = RedisScripts.Library + """
        -- byte-wise order, the same as ordinal string comparison for the ids and sources we store
        local function before(x, y)
          for i = 1, math.min(#x, #y) do
            local cx, cy = string.byte(x, i), string.byte(y, i)
            if cx ~= cy then return cx < cy end
          end
          return #x < #y
        end

        local rater = ARGV[2]
        local byprompt = {}
        for _, id in ipairs(redis.call('ZRANGE', P .. 'pool', 0, -1)) do
          local r = redis.call('HMGET', P .. 'reply:' .. id, 'prompt', 'source', 'author')
          if r[1] and r[3] ~= rater then
            local list = byprompt[r[1]]
            if not list then list = {} byprompt[r[1]] = list end
            list[#list + 1] = {id, r[2]}
          end
        end

        local seen = P .. 'battle-seen:' .. rater
        local best, cands, balance = nil, {}, {}
        for _, list in pairs(byprompt) do
          for i = 1, #list do
            for j = i + 1, #list do
              local x, y = list[i], list[j]
              if x[2] ~= y[2] then
                if before(y[2], x[2]) then x, y = y, x end
                local pair = x[2] .. '|' .. y[2]
                local n = balance[pair]
                if n == nil then
                  n = tonumber(redis.call('HGET', P .. 'battle-balance', pair) or '0')
                  balance[pair] = n
                end
                if (best == nil or n <= best) and redis.call('SISMEMBER', seen, x[1] .. '|' .. y[1]) == 0 then
                  if best == nil or n < best then best, cands = n, {} end
                  cands[#cands + 1] = {x, y}
                end
              end
            end
          end
        end
        if #cands == 0 then return nil end

        local pick = cands[(tonumber(ARGV[7]) % #cands) + 1]
        local a, b = pick[1], pick[2]
        local id, left, gold, goldid, at = ARGV[3], ARGV[4], ARGV[5], ARGV[6], ARGV[8]
        local ida, idb = a[1], b[1]
        if gold == 'a' then ida = goldid elseif gold == 'b' then idb = goldid end
        redis.call('HSET', P .. 'battle:' .. id, 'rater', rater, 'prompt', redis.call('HGET', P .. 'reply:' .. a[1], 'prompt'),
          'a', ida, 'sa', a[2], 'b', idb, 'sb', b[2], 'left', left, 'gold', gold, 'offered', at, 'winner', '', 'answered', '')
        redis.call('SADD', P .. 'battle-cards:' .. rater, id)
        redis.call('SADD', P .. 'reply-battles:' .. a[1], id)
        redis.call('SADD', P .. 'reply-battles:' .. b[1], id)
        if gold == '' then
          redis.call('SADD', seen, ida .. '|' .. idb)
          redis.call('HINCRBY', P .. 'battle-balance', a[2] .. '|' .. b[2], 1)
        end
        return {redis.call('HGET', P .. 'reply:' .. a[1], 'json'), redis.call('HGET', P .. 'reply:' .. b[1], 'json')}
        """;

    // ARGV: P, rater, card id, winner if A was left, winner if B was left, at, seconds when too fast ('' otherwise),
    // button pressed, straight-line run (0 = off)
    // -> {0} not offered, or {1 answered before | 2 recorded, prompt, a, sa, b, sb, left, gold, winner, newly excluded 1/0}
    private const string AnswerPairScript = RedisScripts.Library + """
        local key = P .. 'battle:' .. ARGV[3]
        local b = redis.call('HMGET', key, 'rater', 'prompt', 'a', 'sa', 'b', 'sb', 'left', 'gold', 'winner')
        if not b[1] or b[1] ~= ARGV[2] then return {0} end
        if b[9] ~= '' then return {1, b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9]} end
        local winner = b[7] == 'a' and ARGV[4] or ARGV[5]
        redis.call('HSET', key, 'winner', winner, 'answered', ARGV[6])
        if ARGV[7] ~= '' then redis.call('HSET', key, 'too_fast', ARGV[7]) end
        local newly = 0
        if b[8] == '' then
          redis.call('RPUSH', P .. 'battle-log', ARGV[3])
          -- The run of the same button on pair cards, kept apart from Good / Okay / Bad (attention checks stay out of both).
          newly = i_straight_line('pair-runs', ARGV[2], ARGV[8], tonumber(ARGV[9]), ARGV[6])
          publish('CountersChanged', nil, nil, nil, nil, ARGV[6])
        end
        return {2, b[2], b[3], b[4], b[5], b[6], b[7], b[8], winner, newly}
        """;

    // ARGV: P, set, at, then 13 per row (battle order): prompt id, emotion, situation, utterance, source A, reply A id, reply A json,
    // source B, reply B id, reply B json, rater, winner, new card id -> {new prompts, new replies, new battles, duplicates}
    private const string ImportBattlesScript = RedisScripts.Library + """
        local set, at = ARGV[2], ARGV[3]
        local prompts, replies, battles, duplicates = 0, 0, 0, 0
        for i = 4, #ARGV, 13 do
          local pid = ARGV[i]
          if redis.call('EXISTS', P .. 'prompt:' .. pid) == 0 then
            prompts = prompts + upsert_prompt(pid, ARGV[i + 1], ARGV[i + 2], ARGV[i + 3], set)
          end
          local sa, ida, sb, idb, rater, id = ARGV[i + 4], ARGV[i + 5], ARGV[i + 7], ARGV[i + 8], ARGV[i + 10], ARGV[i + 12]
          if add_reply(ida, pid, sa, '', '1', ARGV[i + 6], '', at, false) == 1 then replies = replies + 1 end
          if add_reply(idb, pid, sb, '', '1', ARGV[i + 9], '', at, false) == 1 then replies = replies + 1 end
          if redis.call('SADD', P .. 'battle-seen:' .. rater, ida .. '|' .. idb) == 0 then
            duplicates = duplicates + 1
          else
            redis.call('HSET', P .. 'battle:' .. id, 'rater', rater, 'prompt', pid, 'a', ida, 'sa', sa, 'b', idb, 'sb', sb,
              'left', '', 'gold', '', 'offered', '', 'winner', ARGV[i + 11], 'answered', at)
            redis.call('SADD', P .. 'battle-cards:' .. rater, id)
            redis.call('SADD', P .. 'reply-battles:' .. ida, id)
            redis.call('SADD', P .. 'reply-battles:' .. idb, id)
            redis.call('HINCRBY', P .. 'battle-balance', sa .. '|' .. sb, 1)
            redis.call('RPUSH', P .. 'battle-log', id)
            battles = battles + 1
          end
        end
        if prompts + replies + battles > 0 then publish('CountersChanged', nil, nil, nil, nil, at) end
        return {prompts, replies, battles, duplicates}
        """;

    public Task<PairCard?> NextPairAsync(string rater, string? goldId = null, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(rater);
        var id = ReplyIds.NewHuman();
        var left = Random.Shared.Next(2) == 0 ? BattleSide.A : BattleSide.B;
        BattleSide? gold = goldId is null ? null : Random.Shared.Next(2) == 0 ? BattleSide.A : BattleSide.B;
        return Guard(async () =>
        {
            var result = await EvalAsync(NextPairScript, rater, id, Wire(left), gold is { } g ? Wire(g) : "", goldId ?? "",
                Random.Shared.Next(), Iso(time.GetUtcNow()));
            if (result.IsNull) return null;
            var jsons = (RedisValue[])result!;
            Reply a = ToReply(jsons[0])!, b = ToReply(jsons[1])!;
            var prompt = await GetPromptAsync(a.PromptId, ct);
            if (prompt is null) return null;
            if (gold == BattleSide.A) a = a with { Id = goldId!, Text = "" };
            if (gold == BattleSide.B) b = b with { Id = goldId!, Text = "" };
            return new PairCard(id, prompt, a, b, left, gold);
        });
    }

    public Task<PairAnswer> AnswerPairAsync(
        string rater, string cardId, PairChoice choice, DateTimeOffset at, RatingRules? rules = null, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(rater);
        ArgumentException.ThrowIfNullOrEmpty(cardId);
        return Guard(async () =>
        {
            // The offer time is written once with the card, so reading it before the script cannot race with another write.
            var shown = Time((string?)await Db.HashGetAsync(keys.Prefix + "battle:" + cardId, "offered") ?? "");
            var tooFast = rules?.IsTooFast(shown, at) == true;
            var seconds = tooFast ? (at - shown!.Value).TotalSeconds.ToString("R", CultureInfo.InvariantCulture) : "";
            var r = (RedisResult[])(await EvalAsync(AnswerPairScript, rater, cardId,
                BattlePairs.WinnerOf(choice, BattleSide.A).ToWire(), BattlePairs.WinnerOf(choice, BattleSide.B).ToWire(), Iso(at), seconds,
                choice.ToString(), rules?.StraightLineRun ?? 0))!;
            if ((int)r[0] == 0) return new PairAnswer(PairAnswerOutcome.NotOffered);
            var offer = new PairOffer(cardId, rater, (string)r[1]!, (string)r[2]!, (string)r[3]!, (string)r[4]!, (string)r[5]!,
                Side((string)r[6]!) ?? BattleSide.A, Side((string)r[7]!));
            BattleWinners.TryParse((string)r[8]!, out var winner);
            return (int)r[0] == 2
                ? new PairAnswer(PairAnswerOutcome.Recorded, offer, winner, tooFast, (int)r[9] == 1)
                : new PairAnswer(PairAnswerOutcome.AlreadyAnswered, offer);
        });
    }

    // ARGV: P, rater -> pair cards the bot gave the rater that they answered
    private const string CountAnsweredScript = """
        local n = 0
        for _, id in ipairs(redis.call('SMEMBERS', ARGV[1] .. 'battle-cards:' .. ARGV[2])) do
          local b = redis.call('HMGET', ARGV[1] .. 'battle:' .. id, 'winner', 'offered')
          if b[1] and b[1] ~= '' and b[2] ~= '' then n = n + 1 end
        end
        return n
        """;

    public Task<long> CountAnsweredPairsAsync(string rater, CancellationToken ct = default) => Guard(async () =>
        (long)await EvalAsync(CountAnsweredScript, rater));

    public async IAsyncEnumerable<BattleRecord> ExportBattlesAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        var (ids, excluded) = await Guard(async () => (
            (await Db.ListRangeAsync(keys.Prefix + "battle-log")).Select(v => (string)v!).ToArray(),
            (await Db.SetMembersAsync(keys.Prefix + "excluded-raters")).Select(v => (string)v!).ToHashSet(StringComparer.Ordinal)));
        var prompts = new Dictionary<string, StudyPrompt?>(StringComparer.Ordinal);
        var replies = new Dictionary<string, Reply?>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            ct.ThrowIfCancellationRequested();
            var f = await Guard(() => Db.HashGetAsync(keys.Prefix + "battle:" + id,
                ["rater", "prompt", "a", "b", "left", "winner", "offered", "answered", "too_fast"]));
            if (f[0].IsNull || !BattleWinners.TryParse(f[5], out var winner)) continue;
            string promptId = f[1]!, a = f[2]!, b = f[3]!;
            if (!prompts.TryGetValue(promptId, out var prompt)) prompts[promptId] = prompt = await GetPromptAsync(promptId, ct);
            if (!replies.TryGetValue(a, out var replyA)) replies[a] = replyA = await GetReplyAsync(a, ct);
            if (!replies.TryGetValue(b, out var replyB)) replies[b] = replyB = await GetReplyAsync(b, ct);
            if (prompt is null || replyA is null || replyB is null) continue;
            yield return new BattleRecord(id, f[0]!, prompt, replyA, replyB, Side(f[4]!), winner, Time(f[6]!), Time(f[7]!) ?? default,
                excluded.Contains(f[0]!)) { TooFast = !f[8].IsNullOrEmpty };
        }
    }

    public Task<BattleImportResult> ImportBattlesAsync(IReadOnlyList<BattleRow> rows, string promptSet, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentException.ThrowIfNullOrWhiteSpace(promptSet);
        return Guard(async () =>
        {
            int prompts = 0, replies = 0, battles = 0, duplicates = 0;
            var now = time.GetUtcNow();
            foreach (var chunk in rows.Chunk(ImportBattlesPerScript))
            {
                ct.ThrowIfCancellationRequested();
                var args = new List<RedisValue>(2 + (chunk.Length * 13)) { promptSet, Iso(now) };
                foreach (var row in chunk.Select(BattleRows.InOrder))
                {
                    args.AddRange([row.PromptId, row.Emotion, row.Situation, row.Utterance,
                        row.SourceA, row.ResponseAId, ReplyJson(new Reply(row.ResponseAId, row.PromptId, row.SourceA, row.ResponseA, null, now)),
                        row.SourceB, row.ResponseBId, ReplyJson(new Reply(row.ResponseBId, row.PromptId, row.SourceB, row.ResponseB, null, now)),
                        row.Rater, row.Winner.ToWire(), ReplyIds.NewHuman()]);
                }

                var counts = (int[])(await EvalAsync(ImportBattlesScript, args))!;
                prompts += counts[0];
                replies += counts[1];
                battles += counts[2];
                duplicates += counts[3];
            }

            return new BattleImportResult(rows.Count, battles, duplicates, prompts, replies);
        });
    }

    private static string Wire(BattleSide side) => side == BattleSide.A ? "a" : "b";

    private static BattleSide? Side(string text) => text switch
    {
        "a" => BattleSide.A,
        "b" => BattleSide.B,
        _ => null,
    };

    private static DateTimeOffset? Time(string text) =>
        text.Length == 0 ? null : DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
