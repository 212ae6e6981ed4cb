namespace EmpathyBot.Conversation.Messages;

public enum ActionStyle
{
    Default,
    Positive,
    Destructive,
}

/// <summary>
/// A button. Its <see cref="Data"/> comes back verbatim (plus any inputs) as <see cref="Engine.Turn.Value"/>; a button with a
/// <see cref="Url"/> opens that address instead and sends nothing back.
/// </summary>
public sealed record MessageAction(string Title, IReadOnlyDictionary<string, string> Data, ActionStyle Style = ActionStyle.Default)
{
    public string? Url { get; init; }

    public static MessageAction OpenUrl(string title, string url) =>
        new(title, new Dictionary<string, string>(), ActionStyle.Positive) { Url = url };

    public static MessageAction Command(string title, string command, ActionStyle style = ActionStyle.Default) =>
        new(title, new Dictionary<string, string> { [ActionKeys.Action] = command }, style);
}

/// <summary>Keys of action data the engine understands.</summary>
public static class ActionKeys
{
    public const string Action = "action";
    public const string Reply = "reply";
    public const string Rating = "rating";
    public const string Emotion = "emotion";
    public const string Guess = "guess";
}
