using EmpathyBot.Conversation.Messages;
using EmpathyBot.Core.Ports;

namespace EmpathyBot.Conversation.Flows;

/// <summary>Withdrawal: every record of the participant is deleted.</summary>
public sealed class ForgetFlow(IParticipantStore store)
{
    public async Task<Message> ForgetAsync(string participant, CancellationToken ct)
    {
        var result = await store.ForgetAsync(participant, ct);
        return Message.Text(
            $"Done. I deleted everything stored about you: {result.Replies} repl{(result.Replies == 1 ? "y" : "ies")}, " +
            $"{result.Ratings} rating{(result.Ratings == 1 ? "" : "s")} and your consent record. " +
            "If you write to me again, I will ask for your consent first.");
    }
}
