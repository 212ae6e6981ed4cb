using EmpathyBot.Conversation.Engine;
using EmpathyBot.Core.Ports;
using Microsoft.Extensions.Options;

namespace EmpathyBot.Conversation.Flows;

/// <summary>
/// Which card "rate" gives, by <see cref="RatingOptions.Mode"/>: a rating card, a pair card, or (both) the kind the rater
/// has answered fewer of, so each rater alternates; when that kind has nothing left for them, the other kind.
/// </summary>
public sealed class RatingCards(RateFlow rate, PairwiseFlow pairwise, IQualityStore raters, IBattleStore battles, IOptions<RatingOptions> options)
{
    public async Task<TurnResult> NextAsync(string participant, CancellationToken ct)
    {
        var mode = options.Value.Mode.ToLowerInvariant();
        if (mode == RatingModes.Absolute) return await rate.NextAsync(participant, ct);
        if (mode == RatingModes.Pairwise) return await pairwise.NextAsync(participant, ct);

        var ratings = (await raters.GetRaterQualityAsync(participant, ct)).Ratings;
        var pairs = await battles.CountAnsweredPairsAsync(participant, ct);
        Func<string, CancellationToken, Task<TurnResult>> first = pairs <= ratings ? pairwise.NextAsync : rate.NextAsync;
        Func<string, CancellationToken, Task<TurnResult>> second = pairs <= ratings ? rate.NextAsync : pairwise.NextAsync;
        var card = await first(participant, ct);
        return IsNothingLeft(card) ? await second(participant, ct) : card;
    }

    private static bool IsNothingLeft(TurnResult result) => result.Replies is [var only] && only.Summary == RateFlow.NothingLeft;
}
