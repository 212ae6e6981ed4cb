using EmpathyBot.Conversation.Engine;
using EmpathyBot.Conversation.Integrity;
using EmpathyBot.Conversation.Messages;
using EmpathyBot.Core.Ports;
using EmpathyBot.Core.Study;
using Microsoft.Extensions.Options;

namespace EmpathyBot.Conversation.Flows;

/// <summary>
/// Side-by-side rating (Chatbot Arena style): a prompt and two replies to it from two sources, shown as A (left) and
/// B (right) in a random placement the store keeps, and "Which reply is more empathetic?" with A / B / Tie / Both bad,
/// styled alike so no answer looks preferred. Authors stay hidden until the verdict is stored. The store records each
/// card it gives, so only a card given to this rater counts, once. Gold cards put one of our attention-check replies
/// (it answers nothing) on one side: picking it, or calling it a tie, fails the check; picking the real reply or
/// "both bad" passes. Checks feed the same rater exclusion as gold rating cards.
/// </summary>
public sealed class PairwiseFlow(IBattleStore battles, IQualityStore raters, IOptions<RatingOptions> options, GoldItems gold, TimeProvider clock)
{
    /// <summary>Action data key of the card id.</summary>
    public const string PairKey = "pair";

    /// <summary>Action data key of the choice: left, right, tie or both_bad.</summary>
    public const string ChoiceKey = "choice";

    public const string Question = EmpathyWording.PairQuestion;

    public async Task<TurnResult> NextAsync(string participant, CancellationToken ct)
    {
        var quality = await raters.GetRaterQualityAsync(participant, ct);
        // Excluded raters are not told; they simply get no more cards, as on the rating cards.
        if (quality.Excluded) return TurnResult.Of(Menu.WithMenu(RateFlow.NothingLeft));

        var goldId = GoldDraw.Draw(quality, options.Value) ? ReplyIds.NewGold() : null;
        var card = await battles.NextPairAsync(participant, goldId, ct);
        if (card is null) return TurnResult.Of(Menu.WithMenu(RateFlow.NothingLeft));
        if (card.Gold is { } side)
        {
            var text = gold.Issue(goldId!, card.Prompt.Id, clock.GetUtcNow()).Text;
            card = side == BattleSide.A ? card with { A = card.A with { Text = text } } : card with { B = card.B with { Text = text } };
        }

        return TurnResult.Of(Card(card));
    }

    public async Task<TurnResult> SubmitAsync(string participant, string? cardId, string? choiceText, CancellationToken ct)
    {
        if (!ReplyIds.IsWellFormed(cardId) || ParseChoice(choiceText) is not { } choice)
        {
            return TurnResult.Of(Menu.WithMenu("That answer could not be read; please use the A, B, Tie or Both bad buttons.", Tone.Attention));
        }

        var answer = await battles.AnswerPairAsync(participant, cardId, choice, clock.GetUtcNow(), RatingOptionsRules.Of(options.Value), ct);
        return answer.Outcome switch
        {
            PairAnswerOutcome.Recorded when answer.Offer!.Gold is { } goldSide => await GoldAnsweredAsync(participant, answer.Offer, goldSide, choice, ct),
            PairAnswerOutcome.Recorded => new TurnResult([], Thanks(choice, Reveal(answer.Offer!))),
            PairAnswerOutcome.AlreadyAnswered => TurnResult.Of(Menu.WithMenu("You already compared these replies; your first answer stands and nothing was changed.")),
            _ => TurnResult.Of(Menu.WithMenu(
                "Those replies were not given to you to compare, so the answer was not stored. Choose 'Rate replies' to get a card of your own.", Tone.Attention)),
        };
    }

    private static PairChoice? ParseChoice(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "left" => PairChoice.Left,
        "right" => PairChoice.Right,
        "tie" => PairChoice.Tie,
        "both_bad" => PairChoice.BothBad,
        _ => null,
    };

    private async Task<TurnResult> GoldAnsweredAsync(string participant, PairOffer offer, BattleSide goldSide, PairChoice choice, CancellationToken ct)
    {
        var goldShownLeft = goldSide == offer.Left;
        var passed = choice == PairChoice.BothBad || (choice == PairChoice.Left && !goldShownLeft) || (choice == PairChoice.Right && goldShownLeft);
        await raters.RecordAttentionCheckAsync(new AttentionCheck(participant, offer.Id, passed, clock.GetUtcNow()), options.Value.GoldFailuresToExclude, ct);
        return new TurnResult([], Thanks(choice, $" That one was an attention check: reply {(goldShownLeft ? "A" : "B")} does not answer what was said."));
    }

    private string Reveal(PairOffer offer)
    {
        if (!options.Value.RevealSource) return "";
        var (left, right) = offer.Left == BattleSide.A ? (offer.SourceA, offer.SourceB) : (offer.SourceB, offer.SourceA);
        return $" Reply A was written by {SourceNames.Describe(left)}, reply B by {SourceNames.Describe(right)}.";
    }

    /// <summary>The pair card: both replies quoted alike, A on the left (first), B on the right (second).</summary>
    public static Message Card(PairCard card)
    {
        MessageAction Choice(string title, string choice) => new(title, new Dictionary<string, string>
        {
            [ActionKeys.Action] = Commands.Rate,
            [PairKey] = card.Id,
            [ChoiceKey] = choice,
        });

        var blocks = new List<MessageBlock> { new Heading("Compare two replies") };
        if (card.Prompt.Situation.Length > 0) blocks.Add(new Quote("What happened", card.Prompt.Situation));
        blocks.Add(new Quote("They said", card.Prompt.Utterance));
        blocks.Add(new Quote("Reply A", card.LeftReply.Text));
        blocks.Add(new Quote("Reply B", card.RightReply.Text));
        blocks.Add(new Paragraph(Question));
        blocks.Add(EmpathyDefinitions.Block);
        return new Message($"{Question} Reply A: \"{card.LeftReply.Text}\" Reply B: \"{card.RightReply.Text}\"", blocks,
        [
            Choice("A", "left"),
            Choice("B", "right"),
            Choice("Tie", "tie"),
            Choice("Both bad", "both_bad"),
        ]);
    }

    private static Message Thanks(PairChoice choice, string after)
    {
        var said = choice switch
        {
            PairChoice.Left => "reply A is more empathetic",
            PairChoice.Right => "reply B is more empathetic",
            PairChoice.Tie => "the two replies are equally empathetic",
            _ => "both replies are bad",
        };
        var text = $"Thanks, you said {said}.{after}";
        return new Message(text, [new Paragraph(text, Tone.Good)],
        [
            MessageAction.Command("Rate another", Commands.Rate, ActionStyle.Positive),
            MessageAction.Command("Summary", Commands.Summary),
            MessageAction.Command("Menu", Commands.Menu),
        ]);
    }
}
