namespace EmpathyBot.Storage.Redis;

/// <summary>
/// Lua scripts: each store operation is one atomic round trip. ARGV[1] is always the key prefix and KEYS[1]
/// the counters key (it routes the script to the study's slot). Key names are described in RedisStudyStore.cs.
/// </summary>
internal static class RedisScripts
{
    // The quality hooks (RedisQualityScripts) come first so the write functions below can call them.
    internal const string Library = RedisQualityScripts.Hooks + RedisIntegrityScripts.Hooks + """
        local P = ARGV[1]

        local function bump(emotion, source, metric, by)
          redis.call('HINCRBY', P .. 'counters', emotion .. '|' .. source .. '|' .. metric, by)
        end

        local function publish(kind, reply, emotion, source, rating, at)
          redis.call('PUBLISH', P .. 'events', cjson.encode({kind = kind, replyId = reply, emotion = emotion,
            source = source, rating = rating, at = at}))
        end

        -- 1 when the prompt is new, 0 when it was replaced
        local function upsert_prompt(id, emotion, situation, utterance, set)
          local key = P .. 'prompt:' .. id
          local old = redis.call('HGET', key, 'set')
          redis.call('HSET', key, 'id', id, 'emotion', emotion, 'situation', situation, 'utterance', utterance, 'set', set)
          redis.call('SADD', P .. 'sets', set)
          if not old then
            redis.call('ZADD', P .. 'set:' .. set, 'NX', 0, id)
            return 1
          end
          if old ~= set then
            local score = redis.call('ZSCORE', P .. 'set:' .. old, id) or 0
            redis.call('ZREM', P .. 'set:' .. old, id)
            redis.call('ZADD', P .. 'set:' .. set, score, id)
          end
          return 0
        end

        -- 1 added, 0 already there, -1 unknown prompt
        local function add_reply(id, prompt, source, author, pool, json, cachekey, at, announce)
          local rkey = P .. 'reply:' .. id
          if redis.call('EXISTS', rkey) == 1 then return 0 end
          local pr = redis.call('HMGET', P .. 'prompt:' .. prompt, 'emotion', 'set')
          if not pr[1] then return -1 end
          local emotion = pr[1]
          redis.call('HSET', rkey, 'json', json, 'prompt', prompt, 'source', source, 'emotion', emotion,
            'author', author, 'pool', pool, 'cache', cachekey, 'words', q_words(json))
          redis.call('SADD', P .. 'replies', id)
          redis.call('SADD', P .. 'prompt-replies:' .. prompt, id)
          redis.call('HINCRBY', P .. 'prompt-sources:' .. prompt, source, 1)
          -- Excluded replies are counted apart and never reach the rating pool or the human coverage.
          if pool == '1' then
            bump(emotion, source, 'replies', 1)
            q_reply_added(emotion, source, json)
            redis.call('ZADD', P .. 'pool', 0, id)
            if source == 'human' then redis.call('ZINCRBY', P .. 'set:' .. pr[2], 1, prompt) end
          else
            bump(emotion, source, 'excluded', 1)
            i_reason(emotion, source, json, 1)
          end
          if author ~= '' then
            redis.call('SADD', P .. 'authored:' .. author, id)
            if source == 'human' then redis.call('SADD', P .. 'answered:' .. author, prompt) end
          end
          if cachekey ~= '' then redis.call('SET', P .. 'cache:' .. cachekey, id) end
          redis.call('HDEL', P .. 'failures:' .. source, prompt)
          if announce then publish('ReplyAdded', id, emotion, source, nil, at) end
          return 1
        end

        -- 2 recorded, 1 already rated, 0 unknown reply
        local function add_rating(id, rater, value, at, announce)
          local r = redis.call('HMGET', P .. 'reply:' .. id, 'emotion', 'source', 'pool')
          if not r[1] or r[3] ~= '1' then return 0 end
          if redis.call('HSETNX', P .. 'ratings:' .. id, rater, value .. '|' .. at) == 0 then return 1 end
          redis.call('SADD', P .. 'rated:' .. rater, id)
          bump(r[1], r[2], 'ratings', 1)
          bump(r[1], r[2], value, 1)
          q_rating_added(id, rater, value, r[1], r[2])
          if r[3] == '1' then redis.call('ZINCRBY', P .. 'pool', 1, id) end
          if announce then publish('RatingRecorded', id, r[1], r[2], value, at) end
          return 2
        end

        -- Walks a sorted set from the lowest score and returns a random member among the first
        -- eligible ones at the lowest eligible score (at most 64 ties are considered).
        -- only_source: keep only replies of that source (between-subjects rating); nil or '' for every member
        local function least(zkey, maxscore, excluded1, excluded2, rand, only_source)
          local best = nil
          local ties = {}
          local offset = 0
          local done = false
          while not done do
            local items = redis.call('ZRANGEBYSCORE', zkey, '-inf', maxscore, 'WITHSCORES', 'LIMIT', offset, 256)
            if #items == 0 then break end
            for i = 1, #items, 2 do
              local id = items[i]
              local score = tonumber(items[i + 1])
              if best ~= nil and (score > best or #ties >= 64) then
                done = true
                break
              end
              if redis.call('SISMEMBER', excluded1, id) == 0 and
                 (excluded2 == nil or redis.call('SISMEMBER', excluded2, id) == 0) and
                 (only_source == nil or only_source == '' or redis.call('HGET', P .. 'reply:' .. id, 'source') == only_source) then
                best = score
                ties[#ties + 1] = id
              end
            end
            offset = offset + 256
          end
          if #ties == 0 then return nil end
          return ties[(tonumber(rand) % #ties) + 1]
        end

        """;

    // ARGV: P, replyId, rater, value, at
    public const string AddRating = Library + """
        return add_rating(ARGV[2], ARGV[3], ARGV[4], ARGV[5], true)
        """;

    // ARGV: P, id, prompt, source, author, pool(1/0), json, cacheKey, at
    public const string AddReply = Library + """
        return add_reply(ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[6], ARGV[7], ARGV[8], ARGV[9], true)
        """;

    // ARGV: P, then 5 per prompt: id, emotion, situation, utterance, set
    public const string UpsertPrompts = Library + """
        local added = 0
        for i = 2, #ARGV, 5 do
          added = added + upsert_prompt(ARGV[i], ARGV[i + 1], ARGV[i + 2], ARGV[i + 3], ARGV[i + 4])
        end
        return added
        """;

    // ARGV: P, replyId, rater, value, at -> as add_rating, or -1 when the reply was not offered to the rater as a reply
    public const string AddOfferedRating = Library + """
        if redis.call('HGET', P .. 'offers:' .. ARGV[3], ARGV[2]) ~= 'reply' then return -1 end
        return add_rating(ARGV[2], ARGV[3], ARGV[4], ARGV[5], true)
        """;

    // ARGV: P, rater, target, rand, gold id ('' when the card shows the reply), source ('' for every source),
    // shown at ('' or absent: not recorded) -> reply json or nil. Records what the card offers the rater (the first
    // offer of an item stands) and, with a time, the card's first showing as CardShown does.
    public const string NextReplyToRate = Library + """
        local rater, gold = ARGV[2], ARGV[5]
        local id = least(P .. 'pool', '(' .. ARGV[3], P .. 'rated:' .. rater, P .. 'authored:' .. rater, ARGV[4], ARGV[6])
        if not id then return nil end
        local item = gold ~= '' and gold or id
        redis.call('HSETNX', P .. 'offers:' .. rater, item, gold ~= '' and 'gold' or 'reply')
        if ARGV[7] and ARGV[7] ~= '' then i_show(rater, 'rating', item, ARGV[7]) end
        return redis.call('HGET', P .. 'reply:' .. id, 'json')
        """;

    private const string PromptFields = "'id', 'emotion', 'situation', 'utterance', 'set'";

    // ARGV: P, set, participant, rand -> the prompt's 5 fields or nil
    public const string NextPromptToAnswer = Library + $$"""
        local id = least(P .. 'set:' .. ARGV[2], '+inf', P .. 'answered:' .. ARGV[3], nil, ARGV[4])
        if not id then return nil end
        return redis.call('HMGET', P .. 'prompt:' .. id, {{PromptFields}})
        """;

    // ARGV: P, set -> flat list of 5 fields per prompt
    public const string GetPrompts = Library + $$"""
        local out = {}
        for _, id in ipairs(redis.call('ZRANGE', P .. 'set:' .. ARGV[2], 0, -1)) do
          local f = redis.call('HMGET', P .. 'prompt:' .. id, {{PromptFields}})
          if f[1] then
            for j = 1, 5 do out[#out + 1] = f[j] end
          end
        end
        return out
        """;

    // ARGV: P -> flat list: set, prompt count
    public const string GetPromptSets = Library + """
        local out = {}
        for _, set in ipairs(redis.call('SMEMBERS', P .. 'sets')) do
          local n = redis.call('ZCARD', P .. 'set:' .. set)
          if n > 0 then
            out[#out + 1] = set
            out[#out + 1] = n
          end
        end
        return out
        """;

    // ARGV: P, set, source -> prompt ids
    public const string PromptsWithoutReplyFrom = Library + """
        local out = {}
        for _, id in ipairs(redis.call('ZRANGE', P .. 'set:' .. ARGV[2], 0, -1)) do
          local n = tonumber(redis.call('HGET', P .. 'prompt-sources:' .. id, ARGV[3]) or '0')
          if n <= 0 then out[#out + 1] = id end
        end
        return out
        """;

    // ARGV: P, prompt id -> flat list: id, source, author ('' for none), per reply
    public const string GetReplyKeysForPrompt = Library + """
        local out = {}
        for _, id in ipairs(redis.call('SMEMBERS', P .. 'prompt-replies:' .. ARGV[2])) do
          local r = redis.call('HMGET', P .. 'reply:' .. id, 'source', 'author')
          if r[1] then
            out[#out + 1] = id
            out[#out + 1] = r[1]
            out[#out + 1] = r[2] or ''
          end
        end
        return out
        """;

    // ARGV: P, cache key -> reply json or nil
    public const string FindReplyByCacheKey = Library + """
        local id = redis.call('GET', P .. 'cache:' .. ARGV[2])
        if not id then return nil end
        return redis.call('HGET', P .. 'reply:' .. id, 'json')
        """;

    // ARGV: P, reply ids... -> per reply: json, prompt id, {rater, value|at, ...}
    public const string ExportBatch = Library + """
        local out = {}
        for i = 2, #ARGV do
          local r = redis.call('HMGET', P .. 'reply:' .. ARGV[i], 'json', 'prompt')
          if r[1] then
            out[#out + 1] = r[1]
            out[#out + 1] = r[2]
            out[#out + 1] = redis.call('HGETALL', P .. 'ratings:' .. ARGV[i])
          end
        end
        return out
        """;

    // ARGV: P, set, at, then 9 per row: prompt id, emotion, situation, utterance, source, reply id, reply json, rater, rating
    // (the reply json stands in for the text) -> {new prompts, new replies, new ratings, duplicate ratings}
    public const string ImportRows = Library + """
        local set, at = ARGV[2], ARGV[3]
        local prompts, replies, ratings, duplicates = 0, 0, 0, 0
        for i = 4, #ARGV, 9 do
          local pid, emotion, situation, utterance = ARGV[i], ARGV[i + 1], ARGV[i + 2], ARGV[i + 3]
          local source, rid, json, rater, value = ARGV[i + 4], ARGV[i + 5], ARGV[i + 6], ARGV[i + 7], ARGV[i + 8]
          if redis.call('EXISTS', P .. 'prompt:' .. pid) == 0 then
            prompts = prompts + upsert_prompt(pid, emotion, situation, utterance, set)
          end
          if add_reply(rid, pid, source, '', '1', json, '', at, false) == 1 then replies = replies + 1 end
          local outcome = add_rating(rid, rater, value, at, false)
          if outcome == 2 then ratings = ratings + 1 elseif outcome == 1 then duplicates = duplicates + 1 end
        end
        if prompts + replies + ratings > 0 then publish('CountersChanged', nil, nil, nil, nil, at) end
        return {prompts, replies, ratings, duplicates}
        """;

    // ARGV: P, participant, at -> what went, in ForgetResult order: {replies, ratings they gave, consent 0/1,
    // ratings of their replies, conversation state 0/1, understanding answers, understanding tests, appraisal answers,
    // attention checks, participant record 0/1, battles, battles of their replies}. One script, so a withdrawal is atomic: no reader sees half a participant.
    public const string Forget = Library + RedisStudyStore.UnderstandingFunctions + RedisStudyStore.AppraisalFunctions + RedisStudyStore.AssignmentFunctions + RedisIntegrityScripts.ForgetFunctions + RedisStudyStore.JudgeFunctions + RedisStudyStore.BattleFunctions + """
        local p, at = ARGV[2], ARGV[3]
        local nreplies, nratings, nreceived = 0, 0, 0
        local integrity_doomed = i_collect(p)
        local ncards, nchecks, nguesses = i_count(p)
        local nbattles, nbattlesreceived = forget_battles(p)
        for _, id in ipairs(redis.call('SMEMBERS', P .. 'authored:' .. p)) do
          local rkey = P .. 'reply:' .. id
          local r = redis.call('HMGET', rkey, 'emotion', 'source', 'pool', 'prompt', 'cache')
          if r[1] then
            local emotion, source, prompt = r[1], r[2], r[4]
            local ratings = redis.call('HGETALL', P .. 'ratings:' .. id)
            for i = 1, #ratings, 2 do
              local value = string.match(ratings[i + 1], '^[^|]+')
              redis.call('SREM', P .. 'rated:' .. ratings[i], id)
              bump(emotion, source, 'ratings', -1)
              bump(emotion, source, value, -1)
              q_rating_removed(id, ratings[i], value, emotion, source)
              if ratings[i] == p then nratings = nratings + 1 else nreceived = nreceived + 1 end
            end
            if r[3] == '1' then q_reply_removed(id, emotion, source) else i_reason(emotion, source, redis.call('HGET', rkey, 'json'), -1) end
            j_reply_removed(id)
            redis.call('DEL', P .. 'ratings:' .. id, rkey)
            redis.call('SREM', P .. 'replies', id)
            redis.call('SREM', P .. 'prompt-replies:' .. prompt, id)
            if redis.call('HINCRBY', P .. 'prompt-sources:' .. prompt, source, -1) <= 0 then
              redis.call('HDEL', P .. 'prompt-sources:' .. prompt, source)
            end
            if r[3] == '1' then
              bump(emotion, source, 'replies', -1)
              redis.call('ZREM', P .. 'pool', id)
              if source == 'human' then
                local set = redis.call('HGET', P .. 'prompt:' .. prompt, 'set')
                if set then redis.call('ZINCRBY', P .. 'set:' .. set, -1, prompt) end
              end
            else
              bump(emotion, source, 'excluded', -1)
            end
            if r[5] ~= '' and redis.call('GET', P .. 'cache:' .. r[5]) == id then
              redis.call('DEL', P .. 'cache:' .. r[5])
            end
            nreplies = nreplies + 1
          end
        end
        for _, id in ipairs(redis.call('SMEMBERS', P .. 'rated:' .. p)) do
          local v = redis.call('HGET', P .. 'ratings:' .. id, p)
          if v then
            redis.call('HDEL', P .. 'ratings:' .. id, p)
            local r = redis.call('HMGET', P .. 'reply:' .. id, 'emotion', 'source', 'pool')
            if r[1] then
              bump(r[1], r[2], 'ratings', -1)
              bump(r[1], r[2], string.match(v, '^[^|]+'), -1)
              q_rating_removed(id, p, string.match(v, '^[^|]+'), r[1], r[2])
              if r[3] == '1' then redis.call('ZINCRBY', P .. 'pool', -1, id) end
            end
            nratings = nratings + 1
          end
        end
        local checks = redis.call('SCARD', P .. 'checks:' .. p)
        i_forget(p, integrity_doomed)
        q_forget_rater(p)
        local consent = redis.call('DEL', P .. 'consent:' .. p)
        local record = redis.call('DEL', P .. 'record:' .. p)
        local state = redis.call('DEL', P .. 'state:' .. p)
        local uanswers, utests = forget_understanding(p)
        local appraisals = forget_appraisal(p)
        forget_assignment(p)
        redis.call('DEL', P .. 'authored:' .. p, P .. 'rated:' .. p, P .. 'answered:' .. p, P .. 'offers:' .. p)
        if nreplies + nratings + nbattles > 0 then publish('CountersChanged', nil, nil, nil, nil, at) end
        return {nreplies, nratings, consent, nreceived, state, uanswers, utests, appraisals, checks, record, nbattles, nbattlesreceived,
          ncards, nchecks, nguesses}
        """;

    // KEYS[1]: the claim key. ARGV: now, expiry (Unix ms on the store's clock), ttl ms -> 1 claimed, 0 still held.
    // The expiry is compared against the caller's clock so claims follow the injected TimeProvider; Redis's own
    // expiry (PX) only cleans up the key afterwards.
    public const string TryClaim = """
        local held = redis.call('GET', KEYS[1])
        if held then
          local expires = tonumber(string.match(held, '^until:(%d+)$'))
          -- A claim written without an expiry (by an older build) stays held until Redis expires it.
          if not expires or expires > tonumber(ARGV[1]) then return 0 end
        end
        redis.call('SET', KEYS[1], 'until:' .. ARGV[2], 'PX', ARGV[3])
        return 1
        """;

    // ARGV: P, key, json, expected version -> 1 saved, 0 conflict
    public const string TrySaveState = """
        local key = ARGV[1] .. 'state:' .. ARGV[2]
        local current = tonumber(redis.call('HGET', key, 'version') or '0')
        if current ~= tonumber(ARGV[4]) then return 0 end
        redis.call('HSET', key, 'json', ARGV[3], 'version', current + 1)
        return 1
        """;
}
