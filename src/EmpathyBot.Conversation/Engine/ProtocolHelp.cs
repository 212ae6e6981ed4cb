using EmpathyBot.Conversation.Messages;

namespace EmpathyBot.Conversation.Engine;

/// <summary>"help" while a protocol runs: its steps in order and where the participant is, instead of the free menu's commands.</summary>
public static class ProtocolHelp
{
    /// <summary>The steps of the study and where the participant is, instead of the free menu's commands.</summary>
    public static Message For(IReadOnlyList<ProtocolStep> protocol, ProtocolPosition position)
    {
        var steps = protocol.Select((s, i) => new Fact(
            $"{i + 1}. {StepName(s)}" + (i < position.Index ? " (done)" : i == position.Index ? " (now)" : ""), StepText(s, position.RateUnit))).ToList();
        steps.Add(new Fact(Commands.ForgetMe, "Delete everything stored about you, at any time."));
        var where = position.Complete ? "You have finished every step." : $"You are at step {position.Index + 1} of {position.Steps}.";
        return new Message($"This study has {position.Steps} steps, taken in order. {where} Type forget me to withdraw at any time.",
            [new Heading("The steps of this study"), new Facts(steps), new Paragraph(where + " You can stop at any time.", Tone.Subtle)],
            position.Complete ? [] : [MessageAction.Command("Continue", position.Step, ActionStyle.Positive)]);
    }

    private static string StepName(ProtocolStep step) => step.Step switch
    {
        Commands.Respond => "Write replies",
        Commands.Rate => "Rate replies",
        Commands.Quiz => "Emotion quiz",
        _ => "Feelings check",
    };

    /// <param name="rateUnit">"rating" counts rated replies; "card" counts cards when pair cards count too.</param>
    private static string StepText(ProtocolStep step, string rateUnit) => step.Step switch
    {
        Commands.Respond => $"Read what someone shares and write the reply you would give ({Times(step, "reply", "replies")}).",
        Commands.Rate => $"Rate replies without knowing whether a person or an AI wrote them ({(rateUnit == "card" ? Times(step, "card", "cards") : Times(step, "reply", "replies"))}).",
        Commands.Quiz => "Read short stories and dialogues and judge how the people in them feel.",
        _ => "Say how you feel, imagine a situation, and say how you feel again.",
    };

    private static string Times(ProtocolStep step, string one, string many) => step.Times == 1 ? $"1 {one}" : $"{step.Times} {many}";
}
