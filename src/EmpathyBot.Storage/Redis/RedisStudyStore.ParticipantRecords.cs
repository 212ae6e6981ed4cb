using System.Runtime.CompilerServices;
using EmpathyBot.Core.Appraisal;
using EmpathyBot.Core.Ports;
using EmpathyBot.Core.Study;
using StackExchange.Redis;

namespace EmpathyBot.Storage.Redis;

//   P record:{participant}   hash   channel, external_id, study_id, session_id, completed_at (ISO), completion_code
// Written at consent and deleted by the Forget script with the consent; read together with the consent so a record
// never outlives its consent in an export.
public sealed partial class RedisStudyStore
{
    // KEYS[1]: the record. ARGV: completed at, code -> 1 when this call completed the participant, 0 when they already had.
    private const string CompleteScript = """
        if redis.call('HSETNX', KEYS[1], 'completed_at', ARGV[1]) == 0 then return 0 end
        redis.call('HSET', KEYS[1], 'completion_code', ARGV[2])
        redis.call('HSETNX', KEYS[1], 'channel', '')
        return 1
        """;

    private static readonly RedisValue[] RecordFields = ["channel", "external_id", "study_id", "session_id", "completed_at", "completion_code"];

    private RedisKey Record(string participant) => keys.Prefix + "record:" + participant;

    public Task RecordEnrolmentAsync(string participant, string channel, ExternalIds ids, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(participant);
        return Guard(async () =>
        {
            var batch = Db.CreateTransaction();
            _ = batch.HashDeleteAsync(Record(participant), ["external_id", "study_id", "session_id"]);
            var fields = new List<HashEntry> { new("channel", channel) };
            if (ids.ParticipantId is { } x) fields.Add(new("external_id", x));
            if (ids.StudyId is { } s) fields.Add(new("study_id", s));
            if (ids.SessionId is { } se) fields.Add(new("session_id", se));
            _ = batch.HashSetAsync(Record(participant), fields.ToArray());
            await batch.ExecuteAsync();
        });
    }

    public Task<bool> RecordCompletionAsync(string participant, DateTimeOffset at, string code, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(participant);
        return Guard(async () => (int)await Db.ScriptEvaluateAsync(CompleteScript, [Record(participant)], [Iso(at), code]) == 1);
    }

    public async Task<ParticipantRecord?> GetParticipantRecordAsync(string participant, CancellationToken ct = default)
    {
        var consent = await GetConsentAsync(participant, ct);
        return consent is { } at ? await ReadRecordAsync(participant, at) : null;
    }

    public async IAsyncEnumerable<ParticipantRecord> ExportParticipantRecordsAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        await foreach (var consent in ExportConsentsAsync(ct))
        {
            yield return await ReadRecordAsync(consent.Participant, consent.ConsentedAt);
        }
    }

    private Task<ParticipantRecord> ReadRecordAsync(string participant, DateTimeOffset consentedAt) => Guard(async () =>
    {
        var f = await Db.HashGetAsync(Record(participant), RecordFields);
        string? S(int i) => f[i].IsNull ? null : (string)f[i]!;
        return new ParticipantRecord(participant, S(0) ?? "", consentedAt, new ExternalIds(S(1), S(2), S(3)),
            S(4) is { } done ? ParseIso(done) : null, S(5));
    });

    // ARGV: P, participant -> answered pair cards the bot gave them that were not attention checks
    private const string CountBattlesScript = """
        local n = 0
        for _, id in ipairs(redis.call('SMEMBERS', ARGV[1] .. 'battle-cards:' .. ARGV[2])) do
          local b = redis.call('HMGET', ARGV[1] .. 'battle:' .. id, 'winner', 'offered', 'gold')
          if b[1] and b[1] ~= '' and b[2] ~= '' and b[3] == '' then n = n + 1 end
        end
        return n
        """;

    public Task<ParticipantActivity> GetActivityAsync(string participant, CancellationToken ct = default) => Guard(async () =>
    {
        var replies = await Db.SetLengthAsync(keys.Prefix + "authored:" + participant);
        // Pair cards count like rating cards; a gold pair card is already counted among the attention checks.
        var ratings = await Db.SetLengthAsync(keys.Prefix + "rated:" + participant) + await Db.SetLengthAsync(keys.Prefix + "checks:" + participant)
            + (long)await EvalAsync(CountBattlesScript, participant);
        // One quiz stores a test per item set, under ids "<quiz>|<set>"; the participant's index holds them as "t:<id>".
        var quizzes = (await Db.SetMembersAsync(keys.Prefix + "u-by:" + participant))
            .Select(m => (string)m!).Where(m => m.StartsWith("t:", StringComparison.Ordinal))
            .Select(m => m[2..].Split('|')[0]).Distinct(StringComparer.Ordinal).Count();
        var appraisals = 0;
        foreach (var id in await Db.SetMembersAsync(keys.Prefix + "appraisal-by:" + participant))
        {
            if ((string?)await Db.HashGetAsync(keys.Prefix + "appraisal:" + (string)id!, "condition") == AppraisalConditions.Evoked) appraisals++;
        }

        var excluded = await Db.SetContainsAsync(keys.Prefix + "excluded-raters", participant);
        return new ParticipantActivity((int)replies, (int)ratings, quizzes, appraisals, excluded);
    });

    public Task<IReadOnlyList<SourceRatings>> GetRatingsBySourceAsync(string participant, CancellationToken ct = default) => Guard(async () =>
    {
        var counts = new SortedDictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var id in await Db.SetMembersAsync(keys.Prefix + "rated:" + participant))
        {
            var value = await Db.HashGetAsync(keys.Prefix + "ratings:" + (string)id!, participant);
            var source = await Db.HashGetAsync(keys.Reply((string)id!), "source");
            if (value.IsNull || source.IsNull || !RatingValues.TryParse(((string)value!).Split('|')[0], out var rating)) continue;
            if (!counts.TryGetValue((string)source!, out var c)) counts[(string)source!] = c = new int[3];
            c[rating == RatingValue.Good ? 0 : rating == RatingValue.Okay ? 1 : 2]++;
        }

        return (IReadOnlyList<SourceRatings>)counts.Select(kv => new SourceRatings(kv.Key, kv.Value[0], kv.Value[1], kv.Value[2])).ToArray();
    });

    // ARGV: P, participant -> flat {source A, source B, winner} of each answered pair card the bot gave them (not attention checks)
    private const string PairChoicesScript = """
        local out = {}
        for _, id in ipairs(redis.call('SMEMBERS', ARGV[1] .. 'battle-cards:' .. ARGV[2])) do
          local b = redis.call('HMGET', ARGV[1] .. 'battle:' .. id, 'sa', 'sb', 'winner', 'offered', 'gold')
          if b[3] and b[3] ~= '' and b[4] ~= '' and b[5] == '' then
            out[#out + 1] = b[1]
            out[#out + 1] = b[2]
            out[#out + 1] = b[3]
          end
        end
        return out
        """;

    public Task<IReadOnlyList<SourcePairChoices>> GetPairChoicesBySourceAsync(string participant, CancellationToken ct = default) => Guard(async () =>
    {
        var flat = (string[])(await EvalAsync(PairChoicesScript, participant))!;
        var counts = new SortedDictionary<string, (int Compared, int Chosen)>(StringComparer.Ordinal);
        for (var i = 0; i + 2 < flat.Length; i += 3)
        {
            BattleWinners.TryParse(flat[i + 2], out var winner);
            Count(flat[i], winner == BattleWinner.A);
            Count(flat[i + 1], winner == BattleWinner.B);
        }

        return (IReadOnlyList<SourcePairChoices>)counts.Select(kv => new SourcePairChoices(kv.Key, kv.Value.Compared, kv.Value.Chosen)).ToArray();

        void Count(string source, bool chosen)
        {
            var (compared, n) = counts.GetValueOrDefault(source);
            counts[source] = (compared + 1, n + (chosen ? 1 : 0));
        }
    });
}
