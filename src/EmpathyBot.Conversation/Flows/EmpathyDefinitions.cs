using EmpathyBot.Conversation.Messages;

namespace EmpathyBot.Conversation.Flows;

/// <summary>The definitions raters can open on every rating card, in our own words.</summary>
public static class EmpathyDefinitions
{
    public const string RatingQuestion =
        "How empathetic is the response, compared to how you would have responded in the same situation?";

    public static Expandable Block { get; } = new("What we mean by empathy",
    [
        new Facts(
        [
            new Fact("Cognitive", "Understanding what the other person feels and why they feel it."),
            new Fact("Affective", "Sharing in their feelings: being moved by what moves them."),
            new Fact("Compassionate", "Caring about them and wanting to support or help."),
        ]),
    ]);
}
