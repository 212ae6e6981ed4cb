namespace EmpathyBot.Conversation.Engine;

/// <summary>The typed commands and action names every channel understands.</summary>
public static class Commands
{
    public const string Consent = "consent";
    public const string Decline = "decline";
    public const string Respond = "respond";
    public const string Rate = "rate";
    public const string Summary = "summary";
    public const string Help = "help";
    public const string Menu = "menu";
    public const string ForgetMe = "forget me";
    public const string Appraisal = "appraisal";
    public const string Quiz = "quiz";

    /// <summary>Button only: the participant confirmed "forget me".</summary>
    public const string ForgetConfirmed = "forget confirmed";

    /// <summary>Button only: the rater's guess of who wrote the reply they just rated.</summary>
    public const string Guess = "guess";

    /// <summary>Button only: the participant chose not to be forgotten after all.</summary>
    public const string Keep = "keep";

    /// <summary>Button only: the short positive reflection offered in the debrief after a feelings check.</summary>
    public const string Reflect = "reflect";

    private static readonly string[] Typed = [Respond, Rate, Summary, Help, Menu, ForgetMe, Appraisal, Quiz];

    /// <summary>The command of a turn: its button's action, else its typed text's command.</summary>
    public static string? Of(Turn turn) => turn.Value?.GetValueOrDefault(Messages.ActionKeys.Action) ?? Parse(turn.Text);

    /// <summary>The command a typed text is, if it is exactly one (case, spaces and a leading slash ignored).</summary>
    public static string? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var normalised = string.Join(' ', text.Trim().TrimStart('/').ToLowerInvariant()
            .Split(' ', StringSplitOptions.RemoveEmptyEntries));
        if (normalised is "forget" or "forgetme" or "forget-me") normalised = ForgetMe;
        if (normalised is "start" or "hi" or "hello" or "?") normalised = Help;
        return Typed.Contains(normalised) ? normalised : null;
    }
}
