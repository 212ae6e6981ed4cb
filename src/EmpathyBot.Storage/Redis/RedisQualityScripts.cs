namespace EmpathyBot.Storage.Redis;

// Quality keys, P as in RedisStudyStore.cs:
//   P quality               hash   "{emotion}|{source}|{words|excludedRatings}" -> count
//   P agree:{replyId}       hash   good, okay, bad: counted ratings of the reply (excluded raters left out)
//   P lengths               hash   "{emotion}|{source}|{words}|{good|other}" -> counted ratings of replies that long
//   P lengths-built         string set once the lengths hash was rebuilt from agree:* (studies older than it)
//   P agreement             hash   "{good}|{okay}|{bad}" -> replies with exactly that profile
//   P excluded-raters       set    raters excluded by failed attention checks
//   P rater:{rater}         hash   passed, failed (gold items)
//   P checks:{rater}        set    answered gold check ids (an answer counts once)
//   P check-answers:{rater} hash   check id -> "{passed 1/0}|{at}" (for the export)

/// <summary>
/// Lua hooks the store's write scripts call (prepended to their library), so replies and ratings keep the
/// quality keys in the same atomic script: O(1) per rating. They use only ARGV[1] (the key prefix).
/// </summary>
internal static class RedisQualityScripts
{
    public const string Hooks = """
        local QP = ARGV[1]

        local function q_excluded(rater)
          return redis.call('SISMEMBER', QP .. 'excluded-raters', rater) == 1
        end

        -- The reply's length in words: counted in C# (WordCount) and carried in its json as Words; replies stored before
        -- that are counted here, on ASCII whitespace, as their length cells were.
        local function q_words(json)
          local ok, reply = pcall(cjson.decode, json or '')
          if ok and type(reply) == 'table' and type(reply.Words) == 'number' then return reply.Words end
          local text = (ok and type(reply) == 'table' and type(reply.Text) == 'string') and reply.Text or ''
          local n = 0
          for _ in string.gmatch(text, '%S+') do n = n + 1 end
          return n
        end

        -- moves one counted rating of the reply between length cells: Good or other (by = 1 or -1)
        local function q_length(id, value, by)
          local r = redis.call('HMGET', QP .. 'reply:' .. id, 'emotion', 'source', 'words', 'json')
          if not r[1] then return end
          -- The words field is set when the reply is stored, so a rating does not decode the reply's json.
          local words = tonumber(r[3]) or q_words(r[4])
          local cell = r[1] .. '|' .. r[2] .. '|' .. words .. '|' .. (value == 'good' and 'good' or 'other')
          if redis.call('HINCRBY', QP .. 'lengths', cell, by) == 0 then redis.call('HDEL', QP .. 'lengths', cell) end
        end

        -- moves one reply's agreement profile by one rating of value (by = 1 or -1)
        local function q_unit(id, value, by)
          q_length(id, value, by)
          local key = QP .. 'agree:' .. id
          local c = redis.call('HMGET', key, 'good', 'okay', 'bad')
          local g, o, b = tonumber(c[1] or '0'), tonumber(c[2] or '0'), tonumber(c[3] or '0')
          if g + o + b > 0 then redis.call('HINCRBY', QP .. 'agreement', g .. '|' .. o .. '|' .. b, -1) end
          if value == 'good' then g = g + by elseif value == 'okay' then o = o + by else b = b + by end
          if g + o + b > 0 then
            redis.call('HSET', key, 'good', g, 'okay', o, 'bad', b)
            redis.call('HINCRBY', QP .. 'agreement', g .. '|' .. o .. '|' .. b, 1)
          else
            redis.call('DEL', key)
          end
        end

        -- by = -1 takes one rating out of the counters into excludedRatings, 1 puts it back
        local function q_shift(emotion, source, value, by)
          local cell = emotion .. '|' .. source .. '|'
          redis.call('HINCRBY', QP .. 'counters', cell .. 'ratings', by)
          redis.call('HINCRBY', QP .. 'counters', cell .. value, by)
          redis.call('HINCRBY', QP .. 'quality', cell .. 'excludedRatings', -by)
        end

        -- a rating flagged on its own (given too fast) does not count, like an excluded rater's
        local function q_flagged(id, rater)
          return redis.call('HEXISTS', QP .. 'rating-flags', id .. '|' .. rater) == 1
        end

        -- after a rating was counted: an excluded rater's (or a flagged) rating leaves the counters again
        local function q_rating_added(id, rater, value, emotion, source)
          if q_excluded(rater) or q_flagged(id, rater) then q_shift(emotion, source, value, -1) else q_unit(id, value, 1) end
        end

        -- after a rating was subtracted from the counters (forget): an excluded rater's (or a flagged) never was in them
        local function q_rating_removed(id, rater, value, emotion, source)
          if q_excluded(rater) or q_flagged(id, rater) then q_shift(emotion, source, value, 1) else q_unit(id, value, -1) end
        end

        -- takes the rater's counted ratings out of the counters and agreement and excludes them from now on
        local function q_exclude(rater, at)
          for _, id in ipairs(redis.call('SMEMBERS', QP .. 'rated:' .. rater)) do
            local v = redis.call('HGET', QP .. 'ratings:' .. id, rater)
            local r = redis.call('HMGET', QP .. 'reply:' .. id, 'emotion', 'source')
            if v and r[1] and not q_flagged(id, rater) then
              local value = string.match(v, '^[^|]+')
              q_unit(id, value, -1)
              q_shift(r[1], r[2], value, -1)
            end
          end
          redis.call('SADD', QP .. 'excluded-raters', rater)
          redis.call('PUBLISH', QP .. 'events', cjson.encode({kind = 'CountersChanged', at = at}))
        end

        local function q_reply_added(emotion, source, json)
          redis.call('HINCRBY', QP .. 'quality', emotion .. '|' .. source .. '|words', q_words(json))
        end

        -- call before the reply's hash is deleted
        local function q_reply_removed(id, emotion, source)
          local json = redis.call('HGET', QP .. 'reply:' .. id, 'json')
          redis.call('HINCRBY', QP .. 'quality', emotion .. '|' .. source .. '|words', -q_words(json))
          redis.call('DEL', QP .. 'agree:' .. id)
        end

        local function q_forget_rater(rater)
          redis.call('SREM', QP .. 'excluded-raters', rater)
          redis.call('DEL', QP .. 'rater:' .. rater, QP .. 'checks:' .. rater, QP .. 'check-answers:' .. rater)
        end

        """;

    // ARGV: P, rater, check id, passed (1/0), failures to exclude, at
    // -> {recorded 1/0, passed, failed, excluded 1/0, newly excluded 1/0, ratings}
    public const string RecordAttentionCheck = Hooks + """
        local rater, check, passed, limit, at = ARGV[2], ARGV[3], ARGV[4], tonumber(ARGV[5]), ARGV[6]
        local rkey = QP .. 'rater:' .. rater
        local recorded, newly = 0, 0
        if redis.call('SADD', QP .. 'checks:' .. rater, check) == 1 then
          recorded = 1
          redis.call('HSET', QP .. 'check-answers:' .. rater, check, passed .. '|' .. at)
          redis.call('HINCRBY', rkey, passed == '1' and 'passed' or 'failed', 1)
          local failed = tonumber(redis.call('HGET', rkey, 'failed') or '0')
          if failed >= limit and not q_excluded(rater) then
            q_exclude(rater, at)
            newly = 1
          end
        end
        local q = redis.call('HMGET', rkey, 'passed', 'failed')
        return {recorded, tonumber(q[1] or '0'), tonumber(q[2] or '0'), q_excluded(rater) and 1 or 0, newly,
          redis.call('SCARD', QP .. 'rated:' .. rater)}
        """;

    // ARGV: P, rater -> {passed, failed, excluded 1/0, ratings}
    public const string RaterQuality = Hooks + """
        local q = redis.call('HMGET', QP .. 'rater:' .. ARGV[2], 'passed', 'failed')
        return {tonumber(q[1] or '0'), tonumber(q[2] or '0'), q_excluded(ARGV[2]) and 1 or 0, redis.call('SCARD', QP .. 'rated:' .. ARGV[2])}
        """;

    // ARGV: P -> {quality hash flat, agreement hash flat, excluded rater count, lengths hash flat}
    // A study begun before the lengths hash existed has counted ratings without length cells: the first snapshot
    // rebuilds the hash from every reply's counted ratings (agree:{id}), once, O(replies).
    public const string Snapshot = Hooks + """
        local P = ARGV[1]
        if redis.call('SET', P .. 'lengths-built', '1', 'NX') then
          redis.call('DEL', P .. 'lengths')
          for _, id in ipairs(redis.call('SMEMBERS', P .. 'replies')) do
            local c = redis.call('HMGET', P .. 'agree:' .. id, 'good', 'okay', 'bad')
            local good, other = tonumber(c[1] or '0'), tonumber(c[2] or '0') + tonumber(c[3] or '0')
            if good > 0 then q_length(id, 'good', good) end
            if other > 0 then q_length(id, 'other', other) end
          end
        end
        return {redis.call('HGETALL', P .. 'quality'), redis.call('HGETALL', P .. 'agreement'), redis.call('SCARD', P .. 'excluded-raters'),
          redis.call('HGETALL', P .. 'lengths')}
        """;
}
