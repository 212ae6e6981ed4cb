namespace EmpathyBot.Conversation.Engine;

public enum TurnKind
{
    /// <summary>Typed text, or a card action (then <see cref="Turn.Value"/> holds its data).</summary>
    Message,

    /// <summary>The bot was installed or added to a conversation: greet and ask for consent.</summary>
    ConversationStart,
}

/// <summary>
/// One inbound event, already authenticated, deduplicated and parsed by a channel adapter
/// (the SDK's turn context, without the channel details).
/// </summary>
/// <param name="Channel">"webchat", "msteams", "slack", ... — part of the participant key.</param>
/// <param name="UserId">The channel's raw user id; the engine hashes it and never stores it.</param>
/// <param name="Recruitment">The recruiting panel's ids the participant arrived with (web chat only); stored with them once they consent.</param>
/// <param name="Pasted">The client reports that text was pasted into its send box for this message. Self-reported: it can
/// only flag a reply, never clear one.</param>
public sealed record Turn(
    string Channel,
    string UserId,
    string ConversationId,
    TurnKind Kind,
    string? Text,
    IReadOnlyDictionary<string, string>? Value = null,
    string? ActivityId = null,
    EmpathyBot.Core.Ports.ExternalIds? Recruitment = null,
    bool Pasted = false);
