using StackExchange.Redis;

namespace EmpathyBot.Storage.Redis;

public sealed partial class RedisStudyStore
{
    // Situation sets and understanding item sets are both named JSON documents, one hash per kind (name -> json);
    // the hash keys are properties of this class, never input.
    private Task SaveNamedSet(RedisKey hash, string name, string json)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(json);
        return Guard(() => Db.HashSetAsync(hash, name, json));
    }

    private Task<string?> GetNamedSet(RedisKey hash, string name) => Guard(async () =>
    {
        var value = await Db.HashGetAsync(hash, name);
        return value.IsNull ? null : (string?)value;
    });

    private Task<IReadOnlyList<string>> GetNamedSetNames(RedisKey hash) => Guard(async () =>
        (IReadOnlyList<string>)(await Db.HashKeysAsync(hash)).Select(k => (string)k!).Order(StringComparer.Ordinal).ToArray());
}
