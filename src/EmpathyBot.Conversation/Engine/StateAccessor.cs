using System.Text.Json;
using EmpathyBot.Core.Ports;

namespace EmpathyBot.Conversation.Engine;

/// <summary>Loads and saves participant state with optimistic concurrency (the SDK's ConversationState).</summary>
public sealed class StateAccessor(IConversationStateStore store)
{
    public async Task<(ParticipantState State, long Version)> LoadAsync(string participant, CancellationToken ct) =>
        Parse(await store.GetStateAsync(participant, ct));

    /// <summary>A stored state as loaded (read with the consent, say); none stored is <see cref="ParticipantState.Idle"/> at version 0.</summary>
    public static (ParticipantState State, long Version) Parse(VersionedState? stored) =>
        stored is null
            ? (ParticipantState.Idle, 0)
            : (JsonSerializer.Deserialize<ParticipantState>(stored.Json) ?? ParticipantState.Idle, stored.Version);

    /// <summary>Saves unless another instance changed the state since it was loaded; then the newer state wins.</summary>
    public Task<bool> SaveAsync(string participant, ParticipantState state, long version, CancellationToken ct) =>
        store.TrySaveStateAsync(participant, JsonSerializer.Serialize(state), version, ct);
}
