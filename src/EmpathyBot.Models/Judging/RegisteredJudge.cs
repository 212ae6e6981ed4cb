using EmpathyBot.Models.Configuration;
using EmpathyBot.Models.Running;

namespace EmpathyBot.Models.Judging;

/// <summary>A configured judge: its settings and its chat entry, which goes through the retry policy and its own gate like a contender.</summary>
public sealed record RegisteredJudge(JudgeOptions Options, RegisteredContender Chat, IRawPromptContender Model)
{
    public string Id => Options.Id;
}
