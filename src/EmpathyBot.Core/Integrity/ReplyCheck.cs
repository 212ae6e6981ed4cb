namespace EmpathyBot.Core.Integrity;

/// <summary>What the bot measured about one person's reply when it arrived.</summary>
/// <param name="ShownAt">When the prompt was first shown to the participant; null when the bot has no record of it.</param>
/// <param name="Seconds">From <paramref name="ShownAt"/> to <paramref name="ReceivedAt"/>; null without a shown time.</param>
/// <param name="CharsPerSecond">Characters of the (trimmed) reply over <paramref name="Seconds"/>; null without a shown time.</param>
/// <param name="Pasted">The client said text was pasted into its send box (self-reported: it can flag, never clear).</param>
/// <param name="Similarity">Highest word 3-gram Jaccard similarity to another reply to the same prompt (0 when none).</param>
/// <param name="SimilarTo">The reply with that similarity; null when none was compared.</param>
/// <param name="Flags">Integrity flags (<see cref="ExclusionReasons.ReplyFlags"/> order); empty when none applies.</param>
public sealed record ReplyCheck(
    string ReplyId,
    string Participant,
    string PromptId,
    DateTimeOffset? ShownAt,
    DateTimeOffset ReceivedAt,
    double? Seconds,
    double? CharsPerSecond,
    bool Pasted,
    double Similarity,
    string? SimilarTo,
    IReadOnlyList<string> Flags);

/// <summary>What storing a checked reply did: whether it was added (false: the id existed) and, when added, its prompt's emotion.</summary>
public sealed record CheckedReply(bool Added, string? Emotion = null);
