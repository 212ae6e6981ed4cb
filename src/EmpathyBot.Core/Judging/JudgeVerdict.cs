using EmpathyBot.Core.Study;

namespace EmpathyBot.Core.Judging;

/// <summary>
/// One LLM judge's answer about one reply. Never a human rating: it lives in its own store and only the judging
/// section of the summary reads it.
/// </summary>
/// <param name="Repeat">0 for the judge's first verdict on the reply, 1 for the second (test-retest), and so on.</param>
/// <param name="Rating">The parsed answer; null when the answer was unparseable (kept and counted, never guessed).</param>
/// <param name="Raw">The judge's answer as it came back.</param>
/// <param name="TemplateSha256">SHA-256 of the judge template file the prompt was rendered from.</param>
public sealed record JudgeVerdict(
    string ReplyId, string Judge, int Repeat, RatingValue? Rating, string Raw, string TemplateSha256, DateTimeOffset At);
