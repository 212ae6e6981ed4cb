using EmpathyBot.Conversation.Engine;
using EmpathyBot.Conversation.Integrity;
using EmpathyBot.Conversation.Messages;
using EmpathyBot.Core.Study;
using EmpathyBot.Core.Ports;
using EmpathyBot.Core.Integrity;
using Microsoft.Extensions.Options;

namespace EmpathyBot.Conversation.Flows;

/// <summary>
/// Blind rating: a prompt and one reply whose author stays hidden (named after the rating is stored only with
/// <see cref="RatingOptions.RevealSource"/>). The store records
/// what each card offers its rater, and a rating counts only for a card the bot gave that rater. A rater's first
/// card is a gold item at <see cref="RatingOptions.FirstCardGoldRate"/>, later ones at <see cref="RatingOptions.GoldRate"/>;
/// raters who fail <see cref="RatingOptions.GoldFailuresToExclude"/> of them are excluded from the summary.
/// </summary>
public sealed class RateFlow(IRatingStore ratings, IReplyStore replies, IPromptStore prompts, IQualityStore raters, IOptions<RatingOptions> options, GoldItems gold, TimeProvider clock,
    RatingPool pool, IIntegrityStore integrity, ICardTimingStore timings, AuthorGuessFlow guesses)
{
    public const string NothingLeft = "There is nothing left for you to rate right now. Thank you! Try again later, or write a reply yourself.";

    public async Task<TurnResult> NextAsync(string participant, CancellationToken ct)
    {
        var quality = await raters.GetRaterQualityAsync(participant, ct);
        // Excluded raters are not told; they simply get no more cards, so they stop spending the pool.
        if (quality.Excluded) return TurnResult.Of(Menu.WithMenu(NothingLeft));

        // The card's showing is recorded with its offer, in the pool's write.
        var (reply, goldId) = await pool.NextAsync(participant, GoldDraw.Draw(quality, options.Value), ct);
        var prompt = reply is null ? null : await prompts.GetPromptAsync(reply.PromptId, ct);
        if (reply is null || prompt is null) return TurnResult.Of(Menu.WithMenu(NothingLeft));

        return TurnResult.Of(Card(prompt, goldId is null ? reply : gold.Issue(goldId, prompt.Id, clock.GetUtcNow())));
    }

    public async Task<TurnResult> SubmitAsync(string participant, string? replyId, string? ratingText, CancellationToken ct)
    {
        if (!ReplyIds.IsWellFormed(replyId) || !RatingValues.TryParse(ratingText, out var value))
        {
            return TurnResult.Of(Menu.WithMenu("That rating could not be read; please use the Good, Okay or Bad buttons.", Tone.Attention));
        }

        // Too fast or completing a straight line, the rating is stored and the rater thanked as usual: telling them would teach them to evade.
        // A reply gone from the study comes back as UnknownReply; the reply itself is read only to name its author.
        // The write checks the offer itself, so the offer is read only when it refused one: an attention check's id
        // is not a reply offered to rate, and nothing of it was stored.
        var rules = RatingOptionsRules.Of(options.Value);
        return (await integrity.AddCheckedRatingAsync(new Rating(replyId, participant, value, clock.GetUtcNow()), rules, ct)).Outcome switch
        {
            RatingOutcome.Recorded => new TurnResult([], guesses.AfterRating(replyId, Thanks(value, await RevealAsync(replyId, ct)))),
            RatingOutcome.AlreadyRated => AlreadyRated(),
            RatingOutcome.NotOffered when await ratings.GetOfferAsync(participant, replyId, ct) == RatingOfferKind.Gold =>
                await GoldAnsweredAsync(participant, replyId, value, ct),
            RatingOutcome.NotOffered => NotOffered(),
            _ => NoLongerInStudy(),
        };
    }

    private static TurnResult NoLongerInStudy() =>
        TurnResult.Of(Menu.WithMenu("That reply is no longer in the study, so the rating was not stored."));

    // Anyone can post any reply id; only the cards this rater was given count, so a rating cannot be aimed.
    private static TurnResult NotOffered() => TurnResult.Of(Menu.WithMenu(
        "That reply was not given to you to rate, so the rating was not stored. Choose 'Rate replies' to get a card of your own.", Tone.Attention));

    private async Task<TurnResult> GoldAnsweredAsync(string participant, string checkId, RatingValue value, CancellationToken ct)
    {
        var passed = value == RatingValue.Bad;
        var check = new AttentionCheck(participant, checkId, passed, clock.GetUtcNow());
        var outcome = await raters.RecordAttentionCheckAsync(check, options.Value.GoldFailuresToExclude, ct);
        if (!outcome.Recorded) return AlreadyRated();
        await timings.CardAnsweredAsync(participant, CardKinds.Rating, checkId, check.At, ct);
        // Blind by default: a check answers like any card, so raters cannot learn which cards are checks.
        var reveal = options.Value.RevealSource && !options.Value.AskAuthorGuess;
        return new TurnResult([], guesses.AfterRating(checkId, Thanks(value, reveal ? " That one was an attention check: a reply that does not answer what was said." : "")));
    }

    private static TurnResult AlreadyRated() =>
        TurnResult.Of(Menu.WithMenu("You already rated this reply; your first rating stands and nothing was changed."));

    private static Message Card(StudyPrompt prompt, Reply reply)
    {
        MessageAction Choice(string title, RatingValue value) => new(title, new Dictionary<string, string>
        {
            [ActionKeys.Action] = Commands.Rate,
            [ActionKeys.Reply] = reply.Id,
            [ActionKeys.Rating] = value.ToWire(),
        });

        var blocks = new List<MessageBlock> { new Heading("Rate a reply") };
        if (prompt.Situation.Length > 0) blocks.Add(new Quote("What happened", prompt.Situation));
        blocks.Add(new Quote("They said", prompt.Utterance));
        blocks.Add(new Quote("The reply", reply.Text));
        blocks.Add(new Paragraph(EmpathyDefinitions.RatingQuestion));
        blocks.Add(EmpathyDefinitions.Block);
        return new Message($"Rate this reply: \"{reply.Text}\" {EmpathyDefinitions.RatingQuestion}", blocks,
        [
            // One style for all three: a coloured Good or Bad would nudge the rating.
            Choice("Good", RatingValue.Good),
            Choice("Okay", RatingValue.Okay),
            Choice("Bad", RatingValue.Bad),
        ]);
    }

    /// <summary>Who wrote the reply, after the rating, when <see cref="RatingOptions.RevealSource"/> is on (and no author guess is asked first).</summary>
    private async Task<string> RevealAsync(string replyId, CancellationToken ct) =>
        options.Value.RevealSource && !options.Value.AskAuthorGuess && await replies.GetReplyAsync(replyId, ct) is { } reply
            ? $" It was written by {SourceNames.Describe(reply.Source)}."
            : "";

    private static Message Thanks(RatingValue value, string after)
    {
        var text = $"Thanks, you rated this reply {value}.{after}";
        return new Message(text, [new Paragraph(text, Tone.Good)],
        [
            MessageAction.Command("Rate another", Commands.Rate, ActionStyle.Positive),
            MessageAction.Command("Summary", Commands.Summary),
            MessageAction.Command("Menu", Commands.Menu),
        ]);
    }
}
