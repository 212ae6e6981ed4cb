using EmpathyBot.Conversation.Messages;
using EmpathyBot.Core.Study;

namespace EmpathyBot.Conversation.Flows;

/// <summary>The definitions raters can open on every rating card, in our own words.</summary>
public static class EmpathyDefinitions
{
    public const string RatingQuestion = EmpathyWording.RatingQuestion;

    // The wording lives in Core so LLM judges are shown the very same definitions.
    public static Expandable Block { get; } = new(EmpathyWording.DefinitionsTitle,
    [
        new Facts(EmpathyWording.Definitions.Select(d => new Fact(d.Term, d.Meaning)).ToList()),
    ]);
}
