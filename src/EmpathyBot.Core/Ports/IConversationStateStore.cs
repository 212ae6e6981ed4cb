namespace EmpathyBot.Core.Ports;

/// <summary>Opaque per-conversation state with a version for optimistic concurrency.</summary>
public sealed record VersionedState(string Json, long Version);

public interface IConversationStateStore
{
    Task<VersionedState?> GetStateAsync(string key, CancellationToken ct = default);

    /// <summary>Saves when the stored version still equals <paramref name="expectedVersion"/> (0 = absent); false on a conflict.</summary>
    Task<bool> TrySaveStateAsync(string key, string json, long expectedVersion, CancellationToken ct = default);

    Task DeleteStateAsync(string key, CancellationToken ct = default);
}
