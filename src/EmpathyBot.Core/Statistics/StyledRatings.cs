namespace EmpathyBot.Core.Statistics;

/// <summary>A style-controlled Bradley-Terry fit: ratings with the length covariate held at 0, and its coefficient (natural log-odds).</summary>
public sealed record StyledRatings(IReadOnlyDictionary<string, double> Ratings, double Coefficient);
