namespace EmpathyBot.Core.Statistics;

/// <summary>The Bradley-Terry likelihood has no finite maximum for these data; the message says why in plain words.</summary>
public sealed class NoMaximumLikelihoodException(string message) : InvalidOperationException(message);
