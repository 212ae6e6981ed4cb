using EmpathyBot.Core.Ports;
using EmpathyBot.Core.Study;
using Microsoft.Extensions.Options;

namespace EmpathyBot.Conversation.Flows;

/// <summary>
/// Which reply a rater's next card offers, by <see cref="RatingOptions.Design"/>: any source (mixed), or only the one
/// source the rater was assigned with their first card (between subjects, the design of Welivita &amp; Pu). Replies
/// leave the pool at <see cref="RatingOptions.TargetPerReply"/> ratings, except under a protocol: its rate step owes
/// every rater their cards, so when no reply under the target is left for them, the least-rated ones beyond it are
/// offered rather than leaving the rater unable to finish (each person adds fewer ratings wanted than they give once
/// the contenders' replies are used up: 2 replies × 3 against 10 cards, say).
/// </summary>
public sealed class RatingPool(
    IRatingStore ratings, ISourceAssignmentStore assignments, IOptions<RatingOptions> options, IOptions<StudyOptions> study, TimeProvider clock)
{
    /// <summary>
    /// The reply for the rater's next card, and the id of the gold item shown instead when <paramref name="gold"/> (the
    /// reply then only lends the card its prompt); no reply when nothing is left. The store records the card as shown
    /// now, with its offer.
    /// </summary>
    public async Task<(Reply? Reply, string? GoldId)> NextAsync(string rater, bool gold, CancellationToken ct)
    {
        var next = await NextAsync(rater, gold, options.Value.TargetPerReply, ct);
        return next.Reply is null && study.Value.HasProtocol ? await NextAsync(rater, gold, int.MaxValue, ct) : next;
    }

    private async Task<(Reply? Reply, string? GoldId)> NextAsync(string rater, bool gold, int target, CancellationToken ct)
    {
        if (!options.Value.IsBetweenSubjects)
        {
            var goldId = gold ? ReplyIds.NewGold() : null;
            return (await ratings.NextReplyToRateAsync(rater, target, goldId, clock.GetUtcNow(), ct), goldId);
        }

        // Assigned once, with the first card; when the source has nothing left the rater is told so, as in the mixed design.
        var source = await assignments.AssignSourceAsync(rater, target, clock.GetUtcNow(), ct);
        if (source is null) return (null, null);
        var sourceGoldId = gold ? ReplyIds.NewGold() : null;
        return (await assignments.NextReplyFromSourceAsync(rater, source, target, sourceGoldId, clock.GetUtcNow(), ct), sourceGoldId);
    }
}
