namespace EmpathyBot.Core.Study;

/// <summary>
/// Who wrote a reply to which prompt, without its text: what the near-duplicate check and the contender scheduler need
/// of every reply to a prompt, cheap enough to read on every turn.
/// </summary>
public sealed record ReplyKey(string Id, string PromptId, string Source, string? Author);
