using EmpathyBot.Core.Ports;

namespace EmpathyBot.Conversation.Engine;

/// <summary>
/// Where a participant stands in the protocol, derived from what they have stored: a step of a kind is done once
/// their records of that kind reach the counts of every step of that kind up to it.
/// </summary>
/// <param name="Index">The current step (0-based); equals <see cref="Steps"/> when every step is done.</param>
/// <param name="Done">Units of the current step already done.</param>
public sealed record ProtocolPosition(int Index, int Steps, string Step, int Done, int Required)
{
    public bool Complete => Index >= Steps;

    /// <summary>What a unit of the rate step is called: "rating", or "card" when pair cards count too.</summary>
    public string RateUnit { get; init; } = "rating";

    public static ProtocolPosition Locate(IReadOnlyList<ProtocolStep> protocol, ParticipantActivity activity)
    {
        var needed = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < protocol.Count; i++)
        {
            var step = protocol[i];
            var before = needed.GetValueOrDefault(step.Step);
            needed[step.Step] = before + step.Times;
            var done = Count(activity, step.Step) - before;
            if (done < step.Times) return new ProtocolPosition(i, protocol.Count, step.Step, Math.Max(0, done), step.Times);
        }

        return new ProtocolPosition(protocol.Count, protocol.Count, "", 0, 0);
    }

    private static int Count(ParticipantActivity activity, string step) => step switch
    {
        Commands.Respond => activity.Replies,
        // An excluded rater gets no more cards and is not told why (RateFlow): the rate steps they have left are
        // waived, so they can still finish the study (methods §1.6).
        Commands.Rate => activity.RaterExcluded ? int.MaxValue : activity.Ratings,
        Commands.Quiz => activity.Quizzes,
        Commands.Appraisal => activity.Appraisals,
        _ => 0,
    };

    /// <summary>"Step 2 of 4 · rating 3 of 10", or "Step 3 of 4 · quiz" for a step done once.</summary>
    public string Line()
    {
        var head = $"Step {Index + 1} of {Steps} · {(Step == Commands.Rate ? RateUnit : Unit(Step))}";
        return Required > 1 ? $"{head} {Done + 1} of {Required}" : head;
    }

    private static string Unit(string step) => step switch
    {
        Commands.Respond => "reply",
        Commands.Rate => "rating",
        Commands.Quiz => "quiz",
        _ => "feelings check",
    };
}
