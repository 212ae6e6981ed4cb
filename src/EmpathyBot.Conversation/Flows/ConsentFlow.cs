using EmpathyBot.Conversation.Engine;
using EmpathyBot.Conversation.Messages;
using EmpathyBot.Core.Ports;

namespace EmpathyBot.Conversation.Flows;

/// <summary>First contact: nothing is stored until the participant agrees. The text is the researcher's (<see cref="StudyOptions.ConsentPath"/>).</summary>
public sealed class ConsentFlow(IParticipantStore store, IParticipantRecordStore records, StudyTexts texts, TimeProvider clock)
{
    /// <summary>Agreeing confirms the age limit too, so the button says so.</summary>
    public const string AgreeTitle = "I am 18 or older and agree";

    public Message Card() => new(
        "Welcome to EmpathyBot. Please read how we use your answers and agree to take part.",
        texts.Consent,
        [
            MessageAction.Command(AgreeTitle, Commands.Consent, ActionStyle.Positive),
            MessageAction.Command("No thanks", Commands.Decline),
        ]);

    /// <summary>Records the consent, then (never before) the channel and the panel ids the participant came with.</summary>
    public async Task<TurnResult> AcceptAsync(string participant, Turn turn, CancellationToken ct)
    {
        await store.RecordConsentAsync(participant, clock.GetUtcNow(), ct);
        await records.RecordEnrolmentAsync(participant, turn.Channel, turn.Recruitment ?? ExternalIds.None, ct);
        return TurnResult.Of(Menu.WithMenu("Thank you for taking part! Choose what to do first."));
    }

    public static TurnResult Decline() => TurnResult.Of(Message.Text(
        "No problem: nothing was stored. If you change your mind, just write to me again."));

    /// <summary>"No thanks" from someone who already agreed: how to stop and how to withdraw.</summary>
    public static TurnResult AfterAgreeing()
    {
        const string text = "You have already agreed to take part, and you can stop at any time: just leave this chat. " +
            "To withdraw, type \"forget me\" (or use the button) and everything stored about you is deleted.";
        return TurnResult.Of(new Message(text, [new Paragraph(text)],
            [MessageAction.Command("Forget me", Commands.ForgetMe, ActionStyle.Destructive), .. Menu.Actions]));
    }
}
