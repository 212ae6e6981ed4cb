using EmpathyBot.Core.Ports;
using EmpathyBot.Storage;
using EmpathyBot.Storage.Redis;

namespace EmpathyBot.Storage.Tests.Redis;

/// <summary>Redis stores for one test, each under a fresh key prefix so tests sharing a server never see each other's keys.</summary>
public sealed class RedisStores(RedisServerFixture redis, string tag)
{
    private readonly List<RedisKeys> prefixes = [];

    /// <summary>A fresh store on <paramref name="time"/> (the system clock when null).</summary>
    public Task<IStudyStore> CreateAsync(TimeProvider? time = null)
    {
        var keys = new RedisKeys(tag + Guid.NewGuid().ToString("N"));
        prefixes.Add(keys);
        return Task.FromResult<IStudyStore>(new RedisStudyStore(redis.Connection, keys, time));
    }

    public async Task DeleteKeysAsync()
    {
        var server = redis.Connection.GetServers()[0];
        var db = redis.Connection.GetDatabase();
        // The prefix holds glob metacharacters ({ and }), so match by a plain prefix check.
        await foreach (var key in server.KeysAsync(pattern: "*", pageSize: 1000))
        {
            if (prefixes.Any(p => key.ToString().StartsWith(p.Prefix, StringComparison.Ordinal))) await db.KeyDeleteAsync(key);
        }
    }
}
