namespace EmpathyBot.Conversation.Flows;

/// <summary>The recruiting panel's completion address with the completion code filled in.</summary>
public static class CompletionLink
{
    public const string CodePlaceholder = "{code}";

    /// <summary>The address, or null when none is set.</summary>
    public static string? For(StudyOptions options) => options.CompletionUrl.Length == 0
        ? null
        : options.CompletionUrl.Replace(CodePlaceholder, Uri.EscapeDataString(options.CompletionCode), StringComparison.Ordinal);
}
