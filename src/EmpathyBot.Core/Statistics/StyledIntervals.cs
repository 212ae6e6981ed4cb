namespace EmpathyBot.Core.Statistics;

/// <summary>Bootstrap intervals of a style-controlled fit, and the full-data length coefficient.</summary>
public sealed record StyledIntervals(IReadOnlyDictionary<string, RatingInterval> Ratings, double Coefficient);
