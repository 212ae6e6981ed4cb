using System.Collections.Concurrent;

namespace EmpathyBot.Conversation;

/// <summary>
/// Values remembered by key for a hot path, for values that never go stale under their key (a keyed hash, a text's
/// fingerprint). Bounded: past <c>capacity</c> entries it starts over empty, which costs only computing the values
/// asked for next once more.
/// </summary>
internal sealed class BoundedMemo<TKey, TValue>(int capacity, IEqualityComparer<TKey>? comparer = null) where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, TValue> entries = new(comparer);

    public bool TryGet(TKey key, out TValue value) => entries.TryGetValue(key, out value!);

    /// <summary>Remembers <paramref name="value"/> under <paramref name="key"/>, and returns it.</summary>
    public TValue Remember(TKey key, TValue value)
    {
        if (entries.Count >= capacity) entries.Clear();
        return entries[key] = value;
    }
}
