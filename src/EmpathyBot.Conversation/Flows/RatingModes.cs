namespace EmpathyBot.Conversation.Flows;

/// <summary>The values of <c>Rating:Mode</c>.</summary>
public static class RatingModes
{
    public const string Absolute = "absolute";
    public const string Pairwise = "pairwise";
    public const string Both = "both";
}
