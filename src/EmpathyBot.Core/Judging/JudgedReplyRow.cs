using EmpathyBot.Core.Study;

namespace EmpathyBot.Core.Judging;

/// <summary>
/// One stored verdict with what the judging summary needs about its reply: source, emotion and the reply's counted
/// human ratings (raters excluded by attention checks left out, as in the counters).
/// </summary>
public sealed record JudgedReplyRow(
    string ReplyId, string Source, string Emotion, string Judge, int Repeat, RatingValue? Rating, int HumanGood, int HumanOkay, int HumanBad);
