namespace EmpathyBot.Core.Study;

/// <summary>
/// The rating question and our definitions of empathy, in our own words. People read them on every rating card and
/// LLM judges read them in their prompt, from this one copy, so both are asked exactly the same thing.
/// </summary>
public static class EmpathyWording
{
    public const string RatingQuestion =
        "How empathetic is the response, compared to how you would have responded in the same situation?";

    /// <summary>The question of a pair card, answered A, B, Tie or Both bad.</summary>
    public const string PairQuestion = "Which reply is more empathetic?";

    public const string DefinitionsTitle = "What we mean by empathy";

    public static IReadOnlyList<(string Term, string Meaning)> Definitions { get; } =
    [
        ("Cognitive", "Understanding what the other person feels and why they feel it."),
        ("Affective", "Sharing in their feelings: being moved by what moves them."),
        ("Compassionate", "Caring about them and wanting to support or help."),
    ];

    /// <summary>The definitions as plain lines ("- Cognitive: ..."), for text prompts.</summary>
    public static string DefinitionsText => string.Join('\n', Definitions.Select(d => $"- {d.Term}: {d.Meaning}"));
}
