using EmpathyBot.Conversation.Flows;

namespace EmpathyBot.Conversation.Engine;

/// <summary>
/// Takes the summary buttons off every reply to a participant who may not see results (<see cref="StudyOptions.ShowResults"/>),
/// so no flow has to know the policy; the summary command itself is refused by the engine.
/// </summary>
public sealed class ResultsGate(ConversationEngine engine, Participants participants, ResultsAccess results) : IConversationEngine
{
    public async Task<TurnResult> HandleAsync(Turn turn, CancellationToken ct = default)
    {
        var result = await engine.HandleAsync(turn, ct);
        return await results.ShownToAsync(participants.KeyOf(turn), ct) ? result : ResultsAccess.WithoutSummary(result);
    }
}
