using EmpathyBot.Core.Ports;

namespace EmpathyBot.Conversation.Flows;

/// <summary>
/// Whether the next card (a rating or a pair card) is an attention check: a rater's first card at
/// <see cref="RatingOptions.FirstCardGoldRate"/>, later ones at <see cref="RatingOptions.GoldRate"/>.
/// </summary>
public static class GoldDraw
{
    public static bool Draw(RaterQuality quality, RatingOptions options)
    {
        var first = quality.Ratings == 0 && quality.GoldPassed + quality.GoldFailed == 0;
        var rate = first ? options.FirstCardGoldRate : options.GoldRate;
        return rate > 0 && Random.Shared.NextDouble() < rate;
    }
}
