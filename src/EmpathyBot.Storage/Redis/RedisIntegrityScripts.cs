namespace EmpathyBot.Storage.Redis;

// Integrity keys, P as in RedisStudyStore.cs:
//   P excluded-reasons      hash   "{emotion}|{source}|{stored reason}" -> excluded replies
//   P reply-checks          hash   replyId -> ReplyCheck json
//   P rating-flags          hash   "{replyId}|{rater}" -> "tooFast|{seconds}": a stored rating that does not count
//   P rater-runs            hash   rater -> "{value}|{run}": the rater's current run of equal ratings
//   P pair-runs             hash   rater -> "{choice}|{run}": the rater's current run of the same button on pair cards
//   P rater-exclusions      hash   rater -> reason, for exclusions not made by attention checks
//   P guesses               hash   "{replyId}|{rater}" -> "{person|ai|unsure}|{ISO time}"
//   P cards:{participant}   hash   "{kind}|{item}|shown" and "...|answered" -> ISO time (first one stands)

/// <summary>Lua for reply and rater integrity and card timing; the hooks join the store's script library.</summary>
internal static class RedisIntegrityScripts
{
    // Needs QP (the quality hooks come first).
    public const string Hooks = """
        -- counts an excluded reply under its stored reason (by = 1 or -1)
        local function i_reason(emotion, source, json, by)
          local ok, reply = pcall(cjson.decode, json or '')
          local reason = (ok and type(reply) == 'table' and type(reply.ExcludedReason) == 'string') and reply.ExcludedReason or ''
          local field = emotion .. '|' .. source .. '|' .. reason
          if redis.call('HINCRBY', QP .. 'excluded-reasons', field, by) <= 0 then redis.call('HDEL', QP .. 'excluded-reasons', field) end
        end

        -- a card's first showing (a later one leaves it as it was); 1 when this was the first
        local function i_show(participant, kind, item, at)
          return redis.call('HSETNX', QP .. 'cards:' .. participant, kind .. '|' .. item .. '|shown', at)
        end

        local function i_answer(participant, kind, item, at)
          local card = QP .. 'cards:' .. participant
          local field = kind .. '|' .. item
          if redis.call('HEXISTS', card, field .. '|shown') == 1 then
            return redis.call('HSETNX', card, field .. '|answered', at)
          end
          return 0
        end

        -- extends the rater's run of the same answer under runs (rater -> "answer|run") or starts a new one; when the
        -- run reaches run_limit (0 = off) the rater is excluded as straight-lining. 1 when this answer newly excluded them.
        local function i_straight_line(runs, rater, answer, run_limit, at)
          local prev = redis.call('HGET', QP .. runs, rater)
          local run = 1
          if prev and string.match(prev, '^[^|]+') == answer then run = tonumber(string.match(prev, '|(%d+)$')) + 1 end
          redis.call('HSET', QP .. runs, rater, answer .. '|' .. run)
          if run_limit > 0 and run >= run_limit and not q_excluded(rater) then
            q_exclude(rater, at)
            redis.call('HSET', QP .. 'rater-exclusions', rater, 'straightLining')
            return 1
          end
          return 0
        end

        """;

    // Needs P and the library's functions; called by the forget script before and after it deletes ratings.
    public const string ForgetFunctions = """
        -- "{replyId}|{rater}" of every rating of the participant's replies, taken before those ratings go
        local function i_collect(p)
          local doomed = {}
          for _, id in ipairs(redis.call('SMEMBERS', P .. 'authored:' .. p)) do
            for _, rater in ipairs(redis.call('HKEYS', P .. 'ratings:' .. id)) do doomed[#doomed + 1] = id .. '|' .. rater end
          end
          return doomed
        end

        -- {cards shown to p with a stored time, checks of p's replies, p's author guesses}, taken before i_forget
        local function i_count(p)
          local cards = 0
          for _, field in ipairs(redis.call('HKEYS', P .. 'cards:' .. p)) do
            if string.sub(field, -6) == '|shown' then cards = cards + 1 end
          end
          local checks = 0
          for _, id in ipairs(redis.call('SMEMBERS', P .. 'authored:' .. p)) do checks = checks + redis.call('HEXISTS', P .. 'reply-checks', id) end
          local guesses = 0
          for _, id in ipairs(redis.call('SMEMBERS', P .. 'rated:' .. p)) do guesses = guesses + redis.call('HEXISTS', P .. 'guesses', id .. '|' .. p) end
          return cards, checks, guesses
        end

        local function i_forget(p, doomed)
          for _, field in ipairs(doomed) do
            redis.call('HDEL', P .. 'rating-flags', field)
            redis.call('HDEL', P .. 'guesses', field)
          end
          for _, id in ipairs(redis.call('SMEMBERS', P .. 'authored:' .. p)) do redis.call('HDEL', P .. 'reply-checks', id) end
          for _, id in ipairs(redis.call('SMEMBERS', P .. 'rated:' .. p)) do
            redis.call('HDEL', P .. 'rating-flags', id .. '|' .. p)
            redis.call('HDEL', P .. 'guesses', id .. '|' .. p)
          end
          redis.call('HDEL', P .. 'rater-runs', p)
          redis.call('HDEL', P .. 'pair-runs', p)
          redis.call('HDEL', P .. 'rater-exclusions', p)
          redis.call('DEL', P .. 'cards:' .. p)
        end

        """;

    // ARGV: P, participant, kind, item, at -> 1 when this was the first showing
    public const string CardShown = RedisScripts.Library + """
        return i_show(ARGV[2], ARGV[3], ARGV[4], ARGV[5])
        """;

    // ARGV: P, participant, kind, item, at -> 1 when the card was shown (its first answer stands)
    public const string CardAnswered = RedisScripts.Library + """
        local card = P .. 'cards:' .. ARGV[2]
        if redis.call('HEXISTS', card, ARGV[3] .. '|' .. ARGV[4] .. '|shown') == 0 then return 0 end
        i_answer(ARGV[2], ARGV[3], ARGV[4], ARGV[5])
        return 1
        """;

    // ARGV: P, id, prompt, source, author, pool(1/0), json, cacheKey, at, check json -> {as AddReply[, emotion when added]}
    public const string AddCheckedReply = RedisScripts.Library + """
        local added = add_reply(ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[6], ARGV[7], ARGV[8], ARGV[9], true)
        if added ~= 1 then return {added} end
        redis.call('HSET', P .. 'reply-checks', ARGV[2], ARGV[10])
        i_answer(ARGV[5], 'reply', ARGV[3], ARGV[9])
        return {added, redis.call('HGET', P .. 'reply:' .. ARGV[2], 'emotion')}
        """;

    // ARGV: P, replyId, rater, value, at, tooFast (1/0), seconds, straight-line run (0 = off)
    // -> {outcome as AddOfferedRating, tooFast 1/0, newly excluded 1/0[, emotion, source when recorded]}
    public const string AddCheckedRating = RedisScripts.Library + """
        local id, rater, value, at, fast, run_limit = ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[6] == '1', tonumber(ARGV[8])
        if redis.call('HGET', P .. 'offers:' .. rater, id) ~= 'reply' then return {-1, 0, 0} end
        if redis.call('HEXISTS', P .. 'ratings:' .. id, rater) == 1 then return {1, 0, 0} end
        local field = id .. '|' .. rater
        -- The flag goes in first so the quality hooks keep the rating out of the counters as it is added.
        if fast then redis.call('HSET', P .. 'rating-flags', field, 'tooFast|' .. ARGV[7]) end
        local outcome = add_rating(id, rater, value, at, true)
        if outcome ~= 2 then
          if fast then redis.call('HDEL', P .. 'rating-flags', field) end
          return {outcome, 0, 0}
        end
        i_answer(rater, 'rating', id, at)
        local newly = i_straight_line('rater-runs', rater, value, run_limit, at)
        local label = redis.call('HMGET', P .. 'reply:' .. id, 'emotion', 'source')
        return {2, fast and 1 or 0, newly, label[1], label[2]}
        """;

    // ARGV: P, replyId, rater, guess, at -> 2 recorded, 1 already guessed, 0 not rated
    public const string RecordAuthorGuess = RedisScripts.Library + """
        if redis.call('HEXISTS', P .. 'ratings:' .. ARGV[2], ARGV[3]) == 0 then return 0 end
        if redis.call('HSETNX', P .. 'guesses', ARGV[2] .. '|' .. ARGV[3], ARGV[4] .. '|' .. ARGV[5]) == 0 then return 1 end
        publish('CountersChanged', nil, nil, nil, nil, ARGV[5])
        return 2
        """;

    // ARGV: P -> {excluded-reasons flat, excluded raters, straight-lining exclusions,
    //            counted guesses flat: "{emotion}|{source}|{guess}|{value}", count}
    public const string Snapshot = RedisScripts.Library + """
        local agg = {}
        local guesses = redis.call('HGETALL', P .. 'guesses')
        for i = 1, #guesses, 2 do
          local id, rater = string.match(guesses[i], '^(.*)|([^|]*)$')
          if id and not q_excluded(rater) and not q_flagged(id, rater) then
            local v = redis.call('HGET', P .. 'ratings:' .. id, rater)
            local r = redis.call('HMGET', P .. 'reply:' .. id, 'emotion', 'source')
            if v and r[1] then
              local key = r[1] .. '|' .. r[2] .. '|' .. string.match(guesses[i + 1], '^[^|]+') .. '|' .. string.match(v, '^[^|]+')
              agg[key] = (agg[key] or 0) + 1
            end
          end
        end
        local out = {}
        for k, n in pairs(agg) do
          out[#out + 1] = k
          out[#out + 1] = n
        end
        return {redis.call('HGETALL', P .. 'excluded-reasons'), redis.call('SCARD', P .. 'excluded-raters'),
          redis.call('HLEN', P .. 'rater-exclusions'), out}
        """;
}
