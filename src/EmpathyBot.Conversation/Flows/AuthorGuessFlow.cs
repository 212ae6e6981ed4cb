using EmpathyBot.Conversation.Engine;
using EmpathyBot.Conversation.Messages;
using EmpathyBot.Core.Integrity;
using EmpathyBot.Core.Ports;
using EmpathyBot.Core.Study;
using Microsoft.Extensions.Options;

namespace EmpathyBot.Conversation.Flows;

/// <summary>
/// With <see cref="RatingOptions.AskAuthorGuess"/>, the message after a rating asks who the rater thinks wrote the reply.
/// A guess counts only for a reply the rater has rated from their own card, once; after an attention check the same
/// question is asked (so the cards stay alike) and the answer is not stored, as such a card has no author to guess.
/// With <see cref="RatingOptions.RevealSource"/> the author is revealed after the guess, not before it.
/// </summary>
public sealed class AuthorGuessFlow(IRatingStore ratings, IReplyStore replies, IIntegrityStore integrity, IOptions<RatingOptions> options, TimeProvider clock)
{
    public const string Question = "Who do you think wrote this reply?";

    /// <summary>The thanks after a rating, with the guess buttons when guesses are asked for.</summary>
    public Message AfterRating(string replyId, Message thanks)
    {
        if (!options.Value.AskAuthorGuess) return thanks;
        MessageAction Choice(string title, string guess) => new(title, new Dictionary<string, string>
        {
            [ActionKeys.Action] = Commands.Guess,
            [ActionKeys.Reply] = replyId,
            [ActionKeys.Guess] = guess,
        });

        return new Message($"{thanks.Summary} {Question}", [.. thanks.Blocks, new Paragraph(Question)],
        [
            Choice("A person", AuthorGuesses.Person),
            Choice("An AI", AuthorGuesses.Ai),
            Choice("Not sure", AuthorGuesses.NotSure),
        ]);
    }

    public async Task<TurnResult> SubmitAsync(string participant, string? replyId, string? guess, CancellationToken ct)
    {
        if (!options.Value.AskAuthorGuess) return Say("This study does not ask who wrote a reply, so nothing was stored.", Tone.Attention);
        if (!ReplyIds.IsWellFormed(replyId) || !AuthorGuesses.IsKnown(guess))
            return Say("That answer could not be read; please use the A person, An AI or Not sure buttons.", Tone.Attention);

        var offer = await ratings.GetOfferAsync(participant, replyId, ct);
        if (offer == RatingOfferKind.Gold) return Say("Thanks for your answer.", Tone.Good);
        if (offer is null) return Say("That reply was not given to you to rate, so your answer was not stored.", Tone.Attention);

        return await integrity.RecordAuthorGuessAsync(new AuthorGuess(participant, replyId, guess!, clock.GetUtcNow()), ct) switch
        {
            AuthorGuessOutcome.Recorded => Say("Thanks for your answer." + await RevealAsync(replyId, ct), Tone.Good),
            AuthorGuessOutcome.AlreadyGuessed => Say("You already answered that for this reply; your first answer stands."),
            _ => Say("Please rate the reply first; your answer was not stored."),
        };
    }

    private async Task<string> RevealAsync(string replyId, CancellationToken ct) =>
        options.Value.RevealSource && await replies.GetReplyAsync(replyId, ct) is { } reply ? $" It was written by {SourceNames.Describe(reply.Source)}." : "";

    private static TurnResult Say(string text, Tone tone = Tone.Normal) => new([], new Message(text, [new Paragraph(text, tone)],
    [
        MessageAction.Command("Rate another", Commands.Rate, ActionStyle.Positive),
        MessageAction.Command("Summary", Commands.Summary),
        MessageAction.Command("Menu", Commands.Menu),
    ]));
}
