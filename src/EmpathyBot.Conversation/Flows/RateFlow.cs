using EmpathyBot.Conversation.Engine;
using EmpathyBot.Conversation.Messages;
using EmpathyBot.Core.Study;
using EmpathyBot.Core.Ports;
using Microsoft.Extensions.Options;

namespace EmpathyBot.Conversation.Flows;

/// <summary>
/// Blind rating: a prompt and one reply whose author stays hidden until the rating is stored. At
/// <see cref="RatingOptions.GoldRate"/> the card shows a gold item instead (same card, never a rater's first);
/// raters who fail <see cref="RatingOptions.GoldFailuresToExclude"/> of them are excluded from the summary.
/// </summary>
public sealed class RateFlow(IRatingStore ratings, IReplyStore replies, IPromptStore prompts, IQualityStore raters, IOptions<RatingOptions> options, GoldItems gold, TimeProvider clock)
{
    private const string NothingLeft = "There is nothing left for you to rate right now. Thank you! Try again later, or write a reply yourself.";

    public async Task<TurnResult> NextAsync(string participant, CancellationToken ct)
    {
        var quality = await raters.GetRaterQualityAsync(participant, ct);
        // Excluded raters are not told; they simply get no more cards, so they stop spending the pool.
        if (quality.Excluded) return TurnResult.Of(Menu.WithMenu(NothingLeft));

        var reply = await ratings.NextReplyToRateAsync(participant, options.Value.TargetPerReply, ct);
        var prompt = reply is null ? null : await prompts.GetPromptAsync(reply.PromptId, ct);
        if (reply is null || prompt is null) return TurnResult.Of(Menu.WithMenu(NothingLeft));

        var goldRate = options.Value.GoldRate;
        if (quality.Ratings > 0 && goldRate > 0 && Random.Shared.NextDouble() < goldRate)
        {
            return TurnResult.Of(Card(prompt, gold.Issue(participant, prompt.Id, clock.GetUtcNow())));
        }

        return TurnResult.Of(Card(prompt, reply));
    }

    public async Task<TurnResult> SubmitAsync(string participant, string? replyId, string? ratingText, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(replyId) || !RatingValues.TryParse(ratingText, out var value))
        {
            return TurnResult.Of(Menu.WithMenu("That rating could not be read; please use the Good, Okay or Bad buttons.", Tone.Attention));
        }

        var reply = await replies.GetReplyAsync(replyId, ct);
        if (reply is null && gold.IsGold(participant, replyId)) return await GoldAnsweredAsync(participant, replyId, value, ct);
        if (reply is null) return TurnResult.Of(Menu.WithMenu("That reply is no longer in the study, so the rating was not stored."));
        if (reply.Author == participant)
        {
            return TurnResult.Of(Menu.WithMenu("You cannot rate your own reply, so the rating was not stored.", Tone.Attention));
        }

        var outcome = await ratings.AddRatingAsync(new Rating(replyId, participant, value, clock.GetUtcNow()), ct);
        return outcome switch
        {
            RatingOutcome.Recorded => new TurnResult([], Thanks(value, options.Value.RevealSource ? $" It was written by {SourceNames.Describe(reply.Source)}." : "")),
            RatingOutcome.AlreadyRated => AlreadyRated(),
            _ => TurnResult.Of(Menu.WithMenu("That reply is no longer in the study, so the rating was not stored.")),
        };
    }

    private async Task<TurnResult> GoldAnsweredAsync(string participant, string checkId, RatingValue value, CancellationToken ct)
    {
        var passed = value == RatingValue.Bad;
        var outcome = await raters.RecordAttentionCheckAsync(
            new AttentionCheck(participant, checkId, passed, clock.GetUtcNow()), options.Value.GoldFailuresToExclude, ct);
        if (!outcome.Recorded) return AlreadyRated();
        return new TurnResult([], Thanks(value, " That one was an attention check: a reply that does not answer what was said."));
    }

    private static TurnResult AlreadyRated() =>
        TurnResult.Of(Menu.WithMenu("You already rated this reply; your first rating stands and nothing was changed."));

    private static Message Card(StudyPrompt prompt, Reply reply)
    {
        MessageAction Choice(string title, RatingValue value, ActionStyle style) => new(title, new Dictionary<string, string>
        {
            [ActionKeys.Action] = Commands.Rate,
            [ActionKeys.Reply] = reply.Id,
            [ActionKeys.Rating] = value.ToWire(),
        }, style);

        var blocks = new List<MessageBlock> { new Heading("Rate a reply") };
        if (prompt.Situation.Length > 0) blocks.Add(new Quote("What happened", prompt.Situation));
        blocks.Add(new Quote("They said", prompt.Utterance));
        blocks.Add(new Quote("The reply", reply.Text));
        blocks.Add(new Paragraph(EmpathyDefinitions.RatingQuestion));
        blocks.Add(EmpathyDefinitions.Block);
        return new Message($"Rate this reply: \"{reply.Text}\" {EmpathyDefinitions.RatingQuestion}", blocks,
        [
            Choice("Good", RatingValue.Good, ActionStyle.Positive),
            Choice("Okay", RatingValue.Okay, ActionStyle.Default),
            Choice("Bad", RatingValue.Bad, ActionStyle.Destructive),
        ]);
    }

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
