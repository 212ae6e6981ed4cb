namespace EmpathyBot.Core.Judging;

/// <summary>Which verdict of a judge: the reply and the repeat (0 = first).</summary>
public readonly record struct VerdictKey(string ReplyId, int Repeat);
