using EmpathyBot.Conversation.Engine;
using EmpathyBot.Conversation.Messages;
using EmpathyBot.Core.Ports;
using Microsoft.Extensions.Options;

namespace EmpathyBot.Conversation.Flows;

/// <summary>
/// The end of the protocol: the researcher's debrief, how the rater rated each source (only now, so no rating was
/// unblinded during the study), a short mood repair after a feelings check, and the completion code with a button
/// back to the recruiting panel. The first completion's time is stored.
/// </summary>
public sealed class CompletionFlow(
    IParticipantRecordStore records, IParticipantActivityStore activities, StudyTexts texts,
    IOptions<StudyOptions> study, IOptions<RatingOptions> rating, TimeProvider clock)
{
    public async Task<Message> CompleteAsync(string participant, ParticipantActivity done, CancellationToken ct)
    {
        await records.RecordCompletionAsync(participant, clock.GetUtcNow(), study.Value.CompletionCode, ct);
        var blocks = new List<MessageBlock>(texts.Debrief);
        if (rating.Value.RevealAtEnd && await RevealAsync(participant, ct) is { } reveal) blocks.AddRange(reveal);
        var actions = new List<MessageAction>();
        if (done.Appraisals > 0)
        {
            blocks.Add(new Paragraph("The feelings check asked you to imagine something upsetting. Before you go, you can take a minute for a short positive reflection."));
            actions.Add(MessageAction.Command("A moment of reflection", Commands.Reflect));
        }

        blocks.AddRange(CodeBlocks());
        actions.AddRange(LinkActions());
        return new Message($"{StudyTexts.PlainText(texts.Debrief)} {CodeText()}", blocks, actions);
    }

    /// <summary>A brief positive-reflection exercise; nothing the participant thinks of is asked for or stored.</summary>
    public Message Reflection()
    {
        const string text = "Take a minute for yourself. Think of a moment recently when something went well, or when someone was kind to you. " +
            "Picture it in detail: where you were, who was there, what was said. Notice how it feels, and stay with that feeling for a few slow breaths.";
        return new Message($"{text} {CodeText()}",
            [new Heading("A moment of reflection"), new Paragraph(text), new Paragraph("There is nothing to type: this is just for you.", Tone.Subtle), .. CodeBlocks()],
            LinkActions());
    }

    private string CodeText() => study.Value.CompletionCode.Length == 0
        ? "You have finished the study. Thank you!"
        : $"You have finished the study. Your completion code is {study.Value.CompletionCode}.";

    private IEnumerable<MessageBlock> CodeBlocks()
    {
        yield return new Heading("You have finished the study");
        yield return study.Value.CompletionCode.Length == 0
            ? new Paragraph("Thank you for taking part!", Tone.Good)
            : new Paragraph($"Your completion code: {study.Value.CompletionCode}", Tone.Good);
        if (CompletionLink.For(study.Value) is not null)
            yield return new Paragraph("Use the button below to return to the recruiting site and confirm that you finished.", Tone.Subtle);
    }

    private IReadOnlyList<MessageAction> LinkActions() =>
        CompletionLink.For(study.Value) is { } url ? [MessageAction.OpenUrl("Finish and return", url)] : [];

    /// <summary>
    /// "you rated 3 of 4 Good, ..." per source of the replies the rater rated, and on pair cards how often they chose
    /// each source's reply; null when they answered neither kind.
    /// </summary>
    private async Task<IEnumerable<MessageBlock>?> RevealAsync(string participant, CancellationToken ct)
    {
        var bySource = await activities.GetRatingsBySourceAsync(participant, ct);
        var pairs = await activities.GetPairChoicesBySourceAsync(participant, ct);
        if (bySource.Count == 0 && pairs.Count == 0) return null;
        var blocks = new List<MessageBlock>
        {
            new Heading("How you rated"),
            new Paragraph("Now that you have finished, here is who wrote the replies you rated, and how you rated them."),
        };
        if (bySource.Count > 0)
        {
            blocks.Add(new Facts(bySource.Select(s => new Fact(
                $"Replies by {SourceNames.Describe(s.Source)}",
                $"you rated {s.Good} of {s.Total} Good, {s.Okay} Okay and {s.Bad} Bad")).ToArray()));
        }

        if (pairs.Count > 0)
        {
            blocks.Add(new Facts(pairs.Select(s => new Fact(
                $"Compared replies by {SourceNames.Describe(s.Source)}",
                $"you chose them {s.Chosen} of {s.Compared} times they were one of the two")).ToArray()));
        }

        return blocks;
    }
}
