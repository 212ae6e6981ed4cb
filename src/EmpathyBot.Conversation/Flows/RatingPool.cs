using EmpathyBot.Core.Ports;
using EmpathyBot.Core.Study;
using Microsoft.Extensions.Options;

namespace EmpathyBot.Conversation.Flows;

/// <summary>
/// Which reply a rater's next card offers, by <see cref="RatingOptions.Design"/>: any source (mixed), or only the one
/// source the rater was assigned with their first card (between subjects, the design of Welivita &amp; Pu).
/// </summary>
public sealed class RatingPool(IRatingStore ratings, ISourceAssignmentStore assignments, IOptions<RatingOptions> options, TimeProvider clock)
{
    /// <summary>
    /// The reply for the rater's next card, and the id of the gold item shown instead when <paramref name="gold"/> (the
    /// reply then only lends the card its prompt); no reply when nothing is left.
    /// </summary>
    public async Task<(Reply? Reply, string? GoldId)> NextAsync(string rater, bool gold, CancellationToken ct)
    {
        var target = options.Value.TargetPerReply;
        if (!options.Value.IsBetweenSubjects)
        {
            var goldId = gold ? ReplyIds.NewGold() : null;
            return (await ratings.NextReplyToRateAsync(rater, target, goldId, ct), goldId);
        }

        // Assigned once, with the first card; when the source has nothing left the rater is told so, as in the mixed design.
        var source = await assignments.AssignSourceAsync(rater, target, clock.GetUtcNow(), ct);
        if (source is null) return (null, null);
        var sourceGoldId = gold ? ReplyIds.NewGold() : null;
        return (await assignments.NextReplyFromSourceAsync(rater, source, target, sourceGoldId, ct), sourceGoldId);
    }
}
