using EmpathyBot.Core.Ports;

namespace EmpathyBot.Storage.Sqlite;

public sealed partial class SqliteStudyStore
{
    private const int PurgeEveryClaims = 512;
    private int claimsSincePurge;

    public Task<VersionedState?> GetStateAsync(string key, CancellationToken ct = default) => Lookup(c =>
        Query(c, "SELECT json, version FROM conversation_state WHERE key = $k;",
            r => new VersionedState(r.GetString(0), r.GetInt64(1)), null, ("$k", key)).FirstOrDefault(), ct);

    public Task<bool> TrySaveStateAsync(string key, string json, long expectedVersion, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(json);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);

        // Single statements: the version check and the write are one atomic step, no read-then-write.
        return Write((c, tx) => expectedVersion == 0
            ? Execute(c, "INSERT INTO conversation_state (key, json, version) VALUES ($k, $j, 1) ON CONFLICT (key) DO NOTHING;",
                tx, ("$k", key), ("$j", json)) == 1
            : Execute(c, "UPDATE conversation_state SET json = $j, version = version + 1 WHERE key = $k AND version = $v;",
                tx, ("$k", key), ("$j", json), ("$v", expectedVersion)) == 1, ct);
    }

    public Task DeleteStateAsync(string key, CancellationToken ct = default) =>
        Write((c, tx) => Execute(c, "DELETE FROM conversation_state WHERE key = $k;", tx, ("$k", key)), ct);

    public Task<bool> TryClaimAsync(string key, TimeSpan ttl, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        if (ttl <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(ttl), ttl, "The claim lifetime must be positive.");

        return Write((c, tx) =>
        {
            var now = NowTicks;
            if (++claimsSincePurge >= PurgeEveryClaims)
            {
                claimsSincePurge = 0;
                Execute(c, "DELETE FROM idempotency WHERE expires_at <= $now;", tx, ("$now", now));
            }

            // An expired claim is taken over in place; a live one leaves the row untouched (0 changes).
            return Execute(c, """
                INSERT INTO idempotency (key, expires_at) VALUES ($k, $exp)
                ON CONFLICT (key) DO UPDATE SET expires_at = excluded.expires_at WHERE idempotency.expires_at <= $now;
                """, tx, ("$k", key), ("$exp", now + ttl.Ticks), ("$now", now)) == 1;
        }, ct);
    }
}
