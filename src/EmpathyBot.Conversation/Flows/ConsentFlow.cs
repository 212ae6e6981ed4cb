using EmpathyBot.Conversation.Engine;
using EmpathyBot.Conversation.Messages;
using EmpathyBot.Core.Ports;

namespace EmpathyBot.Conversation.Flows;

/// <summary>First contact: nothing is stored until the participant agrees.</summary>
public sealed class ConsentFlow(IParticipantStore store, TimeProvider clock)
{
    public static Message Card() => new(
        "Welcome to EmpathyBot. Please read how we use your answers and agree to take part.",
        [
            new Heading("Welcome to EmpathyBot"),
            new Paragraph("This is a research study comparing how empathetic people's and AI models' replies are."),
            new Facts(
            [
                new Fact("What we collect", "The replies you write, the ratings you give, quiz answers, and the time you agreed. Your chat account is stored only as a keyed hash, never by name or id."),
                new Fact("How we use it", "To compare people and AI models, per emotion. Results are reported only in aggregate; your replies may be shown, anonymously, to other raters."),
                new Fact("How to withdraw", "Type \"forget me\" at any time and everything stored about you is deleted."),
            ]),
            new Paragraph("Nothing is stored until you agree.", Tone.Subtle),
        ],
        [
            MessageAction.Command("I agree", Commands.Consent, ActionStyle.Positive),
            MessageAction.Command("No thanks", Commands.Decline),
        ]);

    public async Task<TurnResult> AcceptAsync(string participant, CancellationToken ct)
    {
        await store.RecordConsentAsync(participant, clock.GetUtcNow(), ct);
        return TurnResult.Of(Menu.WithMenu("Thank you for taking part! Choose what to do first."));
    }

    public static TurnResult Decline() => TurnResult.Of(Message.Text(
        "No problem: nothing was stored. If you change your mind, just write to me again."));
}
