using System.Globalization;
using EmpathyBot.Core.Ports;
using StackExchange.Redis;

namespace EmpathyBot.Storage.Redis;

public sealed partial class RedisStudyStore
{
    public Task RecordConsentAsync(string participant, DateTimeOffset at, CancellationToken ct = default) => Guard(() =>
        Db.StringSetAsync(keys.Consent(participant), Iso(at)));

    public Task<DateTimeOffset?> GetConsentAsync(string participant, CancellationToken ct = default) => Guard(async () =>
    {
        var value = await Db.StringGetAsync(keys.Consent(participant));
        return value.IsNull
            ? (DateTimeOffset?)null
            : DateTimeOffset.Parse((string)value!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
    });

    public Task<ForgetResult> ForgetAsync(string participant, CancellationToken ct = default) => Guard(async () =>
    {
        var counts = (int[])(await EvalAsync(RedisScripts.Forget, participant, Iso(DateTimeOffset.UtcNow)))!;
        await EvalAsync(ForgetAppraisalScript, participant);
        await EvalAsync(ForgetUnderstandingScript, participant);
        return new ForgetResult(counts[0], counts[1], counts[2] > 0);
    });

    public Task<VersionedState?> GetStateAsync(string key, CancellationToken ct = default) => Guard(async () =>
    {
        var f = await Db.HashGetAsync(keys.State(key), ["json", "version"]);
        return f[0].IsNull ? null : new VersionedState((string)f[0]!, (long)f[1]);
    });

    public Task<bool> TrySaveStateAsync(string key, string json, long expectedVersion, CancellationToken ct = default) => Guard(async () =>
        (int)await Db.ScriptEvaluateAsync(RedisScripts.TrySaveState, [keys.State(key)], [keys.Prefix, key, json, expectedVersion]) == 1);

    public Task DeleteStateAsync(string key, CancellationToken ct = default) => Guard(() =>
        Db.KeyDeleteAsync(keys.State(key)));

    public Task<bool> TryClaimAsync(string key, TimeSpan ttl, CancellationToken ct = default) => Guard(() =>
        Db.StringSetAsync(keys.Claim(key), 1, ttl, When.NotExists));
}
