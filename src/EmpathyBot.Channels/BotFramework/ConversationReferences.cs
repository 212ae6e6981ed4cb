using System.Text.Json;
using EmpathyBot.Core.Ports;

namespace EmpathyBot.Channels.BotFramework;

/// <summary>
/// Conversation references per participant, kept in the study store's conversation state under
/// <c>ref:&lt;participant key&gt;</c> so every host instance can send proactive messages.
/// A personal chat wins over a group chat or channel: proactive notes are meant for one person.
/// </summary>
public sealed class ConversationReferences(IConversationStateStore store)
{
    public static string KeyOf(string participant) => "ref:" + participant;

    public async Task<ConversationReference?> GetAsync(string participant, CancellationToken ct)
    {
        var stored = await store.GetStateAsync(KeyOf(participant), ct);
        return stored is null ? null : JsonSerializer.Deserialize<ConversationReference>(stored.Json);
    }

    /// <summary>Saves the reference unless it is already stored (or a personal one would be replaced by a group one).</summary>
    public async Task SaveAsync(string participant, ConversationReference reference, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var stored = await store.GetStateAsync(KeyOf(participant), ct);
            var current = stored is null ? null : JsonSerializer.Deserialize<ConversationReference>(stored.Json);
            if (current == reference || (current is { IsPersonal: true } && !reference.IsPersonal)) return;
            if (await store.TrySaveStateAsync(KeyOf(participant), JsonSerializer.Serialize(reference), stored?.Version ?? 0, ct)) return;
        }
    }

    public Task DeleteAsync(string participant, CancellationToken ct) => store.DeleteStateAsync(KeyOf(participant), ct);
}
