using EmpathyBot.Core.Study;
using EmpathyBot.Core.Ports;

namespace EmpathyBot.Storage.Redis;

public sealed partial class RedisStudyStore
{
    public Task<RatingOfferKind?> GetOfferAsync(string rater, string itemId, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(rater);
        ArgumentException.ThrowIfNullOrEmpty(itemId);
        return Guard(async () => (string?)await Db.HashGetAsync(keys.Offers(rater), itemId) switch
        {
            "reply" => RatingOfferKind.Reply,
            "gold" => RatingOfferKind.Gold,
            _ => (RatingOfferKind?)null,
        });
    }

    public Task<RatingOutcome> AddOfferedRatingAsync(Rating rating, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(rating);
        ArgumentException.ThrowIfNullOrEmpty(rating.Rater);
        return Guard(async () =>
            ToOutcome(await EvalAsync(RedisScripts.AddOfferedRating, rating.ReplyId, rating.Rater, rating.Value.ToWire(), Iso(rating.At))));
    }
}
