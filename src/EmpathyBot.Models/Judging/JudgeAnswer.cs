namespace EmpathyBot.Models.Judging;

/// <summary>What a judge answered to one rendered question: the raw text and what it parses to, or the error that ended the call.</summary>
/// <param name="Raw">The answer as it came back; null when every attempt failed.</param>
/// <param name="Attempts">Requests made, the first included.</param>
public sealed record JudgeAnswer<T>(string? Raw, T Parsed, string? Error, int Attempts);
