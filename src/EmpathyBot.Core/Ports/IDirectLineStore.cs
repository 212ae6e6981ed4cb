namespace EmpathyBot.Core.Ports;

/// <summary>
/// The bounds every Direct Line write enforces, so open transcripts cannot grow the store without end.
/// </summary>
/// <param name="MaxConversations">Live conversations kept at most; opening one more is refused.</param>
/// <param name="MaxActivities">Activities kept per conversation; the oldest go first.</param>
/// <param name="MaxBytes">Serialized activity bytes kept per conversation; the oldest go first (the newest always stays).</param>
/// <param name="IdleTimeout">A conversation untouched for this long is gone: reads and writes no longer find it.</param>
public sealed record DirectLineLimits(int MaxConversations, int MaxActivities, long MaxBytes, TimeSpan IdleTimeout);

/// <summary>Serialized activities after a watermark, oldest first, and the watermark that includes them.</summary>
public sealed record DirectLineActivitySet(IReadOnlyList<byte[]> Activities, long Watermark);

/// <summary>
/// Direct Line transcripts (the web chat's conversations) in the study store, so a restarted host or another
/// instance behind a load balancer continues the same conversation. Times come from the caller's clock.
/// </summary>
public interface IDirectLineStore
{
    /// <summary>
    /// Creates the conversation, or marks it active when it is live. Expired conversations are removed first;
    /// false when <see cref="DirectLineLimits.MaxConversations"/> live ones remain.
    /// </summary>
    Task<bool> OpenConversationAsync(string conversationId, DateTimeOffset now, DirectLineLimits limits, CancellationToken ct = default);

    /// <summary>Marks a live conversation active; false when it is unknown or expired.</summary>
    Task<bool> TouchConversationAsync(string conversationId, DateTimeOffset now, DirectLineLimits limits, CancellationToken ct = default);

    /// <summary>
    /// Appends one serialized activity and marks the conversation active; returns its sequence number (the
    /// watermark that includes it), or null when the conversation is unknown or expired.
    /// </summary>
    Task<long?> AppendActivityAsync(string conversationId, byte[] activity, DateTimeOffset now, DirectLineLimits limits, CancellationToken ct = default);

    /// <summary>The activities after <paramref name="watermark"/>; null when the conversation is unknown or expired.</summary>
    Task<DirectLineActivitySet?> GetActivitiesAsync(string conversationId, long watermark, DateTimeOffset now, DirectLineLimits limits, CancellationToken ct = default);
}
