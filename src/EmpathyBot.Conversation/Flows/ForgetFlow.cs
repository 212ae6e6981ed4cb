using EmpathyBot.Conversation.Engine;
using EmpathyBot.Conversation.Messages;
using EmpathyBot.Core.Ports;

namespace EmpathyBot.Conversation.Flows;

/// <summary>
/// Withdrawal: asked for first, with a button, since it cannot be undone; then every record of the participant is
/// deleted and they are told what went, kind by kind. Asking changes nothing, so an open prompt or card survives a "No".
/// </summary>
public sealed class ForgetFlow(IParticipantStore store)
{
    public static Message Confirm() => new(
        "Delete everything stored about you? This cannot be undone.",
        [
            new Heading("Delete everything about you?"),
            new Paragraph("This deletes your replies, the ratings you gave and received, the reply comparisons you made, " +
                "your quiz and feelings-check answers, your consent record and your participation record (the study-link ids " +
                "you came with, when you finished). It cannot be undone."),
        ],
        [
            MessageAction.Command("Yes, delete everything", Commands.ForgetConfirmed, ActionStyle.Destructive),
            MessageAction.Command("No, keep my data", Commands.Keep),
        ]);

    public static Message Kept(bool somethingOpen) => Menu.WithMenu(somethingOpen
        ? "Nothing was deleted. What you were doing is still open: answer it above, or choose another step."
        : "Nothing was deleted. What would you like to do?");

    public async Task<Message> ForgetAsync(string participant, CancellationToken ct)
    {
        var result = await store.ForgetAsync(participant, ct);
        // A second "forget me" racing the first finds nothing left.
        if (result == ForgetResult.Nothing) return Message.Text("Nothing is stored about you.");
        return Message.Text(
            $"Done. I deleted everything stored about you: {Describe(result)}. " +
            "If you write to me again, I will ask for your consent first.");
    }

    /// <summary>Every kind of record that was deleted, in plain words (for example "1 reply you wrote and your consent record").</summary>
    public static string Describe(ForgetResult result)
    {
        var parts = new List<string>();
        Add(result.Replies, "reply you wrote", "replies you wrote");
        Add(result.Ratings, "rating you gave", "ratings you gave");
        Add(result.RatingsOfTheirReplies, "rating other people gave your replies", "ratings other people gave your replies");
        Add(result.UnderstandingAnswers, "quiz answer", "quiz answers");
        Add(result.UnderstandingTests, "quiz score", "quiz scores");
        Add(result.AppraisalAnswers, "feelings-check answer", "feelings-check answers");
        Add(result.AttentionChecks, "attention-check answer", "attention-check answers");
        Add(result.Battles, "reply comparison you made", "reply comparisons you made");
        Add(result.BattlesOfTheirReplies, "comparison other people made of your replies", "comparisons other people made of your replies");
        Add(result.AuthorGuesses, "guess of who wrote a reply", "guesses of who wrote a reply");
        Add(result.ReplyChecks, "check stored with your reply (how fast it was typed, whether it was pasted or copied)",
            "checks stored with your replies (how fast they were typed, whether they were pasted or copied)");
        Add(result.CardTimings, "record of when a card was shown to you and answered", "records of when cards were shown to you and answered");
        if (result.ConversationState) parts.Add("where you were in our conversation");
        if (result.Consent) parts.Add("your consent record");
        if (result.ParticipantRecord) parts.Add("your participation record (the study-link ids you came with, when you finished)");
        return parts.Count <= 2 ? string.Join(" and ", parts) : string.Join(", ", parts[..^1]) + " and " + parts[^1];

        void Add(int count, string one, string many)
        {
            if (count > 0) parts.Add(count == 1 ? $"1 {one}" : $"{count} {many}");
        }
    }
}
