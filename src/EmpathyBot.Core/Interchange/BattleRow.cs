using EmpathyBot.Core.Study;

namespace EmpathyBot.Core.Interchange;

/// <summary>One line of the battles CSV: a prompt, two replies to it from two sources, and one rater's verdict.</summary>
public sealed record BattleRow(
    string PromptId,
    string Emotion,
    string Situation,
    string Utterance,
    string SourceA,
    string ResponseAId,
    string ResponseA,
    string SourceB,
    string ResponseBId,
    string ResponseB,
    string Rater,
    BattleWinner Winner);
