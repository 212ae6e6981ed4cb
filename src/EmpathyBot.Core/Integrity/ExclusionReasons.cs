namespace EmpathyBot.Core.Integrity;

/// <summary>
/// Why a reply is kept out of the blind pool, as the summary groups it. Replies excluded by the integrity checks carry
/// the code itself as their reason; every other stored reason comes from the contender reveal filter (self-identification
/// as an AI, a model or vendor name, a refusal, an empty reply) and groups as <see cref="Reveal"/>.
/// </summary>
public static class ExclusionReasons
{
    public const string Reveal = "reveal";
    public const string Duplicate = "duplicate";
    public const string Pasted = "pasted";
    public const string TooFast = "tooFast";

    /// <summary>The integrity flags in the order the first one found becomes the reply's reason.</summary>
    public static IReadOnlyList<string> ReplyFlags { get; } = [Duplicate, Pasted, TooFast];

    public static string CategoryOf(string excludedReason) =>
        ReplyFlags.Contains(excludedReason, StringComparer.Ordinal) ? excludedReason : Reveal;
}
