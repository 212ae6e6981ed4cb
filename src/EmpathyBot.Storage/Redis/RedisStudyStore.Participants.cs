using EmpathyBot.Core.Ports;
using StackExchange.Redis;

namespace EmpathyBot.Storage.Redis;

public sealed partial class RedisStudyStore
{
    public Task RecordConsentAsync(string participant, DateTimeOffset at, CancellationToken ct = default) => Guard(() =>
        Db.StringSetAsync(keys.Consent(participant), Iso(at)));

    public Task<DateTimeOffset?> GetConsentAsync(string participant, CancellationToken ct = default) => Guard(async () =>
        ConsentOf(await Db.StringGetAsync(keys.Consent(participant))));

    private static DateTimeOffset? ConsentOf(RedisValue stored) => stored.IsNull ? null : ParseIso(stored!);

    public Task<(DateTimeOffset? ConsentedAt, VersionedState? State)> GetConsentAndStateAsync(string participant, CancellationToken ct = default) =>
        Guard(async () =>
        {
            // Both commands leave in one write to the socket and come back together: one round trip.
            var batch = Db.CreateBatch();
            var consent = batch.StringGetAsync(keys.Consent(participant));
            var state = batch.HashGetAsync(keys.State(participant), ["json", "version"]);
            batch.Execute();
            var (at, f) = (await consent, await state);
            return (ConsentOf(at), f[0].IsNull ? null : new VersionedState((string)f[0]!, (long)f[1]));
        });

    public Task<ForgetResult> ForgetAsync(string participant, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(participant);
        return Guard(async () =>
        {
            var n = (int[])(await EvalAsync(RedisScripts.Forget, participant, Iso(time.GetUtcNow())))!;
            return new ForgetResult(Replies: n[0], Ratings: n[1], Consent: n[2] > 0, RatingsOfTheirReplies: n[3], ConversationState: n[4] > 0,
                UnderstandingAnswers: n[5], UnderstandingTests: n[6], AppraisalAnswers: n[7], AttentionChecks: n[8], ParticipantRecord: n[9] > 0, Battles: n[10],
                BattlesOfTheirReplies: n[11], CardTimings: n[12], ReplyChecks: n[13], AuthorGuesses: n[14]);
        });
    }

    public Task<VersionedState?> GetStateAsync(string key, CancellationToken ct = default) => Guard(async () =>
    {
        var f = await Db.HashGetAsync(keys.State(key), ["json", "version"]);
        return f[0].IsNull ? null : new VersionedState((string)f[0]!, (long)f[1]);
    });

    public Task<bool> TrySaveStateAsync(string key, string json, long expectedVersion, CancellationToken ct = default) => Guard(async () =>
        (int)await Db.ScriptEvaluateAsync(RedisScripts.TrySaveState, [keys.State(key)], [keys.Prefix, key, json, expectedVersion]) == 1);

    public Task DeleteStateAsync(string key, CancellationToken ct = default) => Guard(() =>
        Db.KeyDeleteAsync(keys.State(key)));

    public Task<bool> TryClaimAsync(string key, TimeSpan ttl, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        if (ttl <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(ttl), ttl, "The claim lifetime must be positive.");
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var ms = Math.Max(1L, (long)Math.Ceiling(ttl.TotalMilliseconds));
        return Guard(async () =>
            (int)await Db.ScriptEvaluateAsync(RedisScripts.TryClaim, [keys.Claim(key)], [now, now + ms, ms]) == 1);
    }
}
