namespace EmpathyBot.Core.Ports;

/// <summary>What the bot put on a rating card it gave a rater: a reply from the pool or a gold item (attention check).</summary>
public enum RatingOfferKind
{
    Reply,
    Gold,
}
