using System.ComponentModel.DataAnnotations;
using EmpathyBot.Core.Ports;

namespace EmpathyBot.Channels.DirectLine;

/// <summary>Section <c>DirectLine</c>: the Direct Line 3.0-compatible endpoint behind the built-in web chat.</summary>
public sealed class DirectLineOptions
{
    public const string Section = "DirectLine";

    /// <summary>The largest activity a client may post (the Azure service's limit); larger ones get 413.</summary>
    public const int MaxActivityBytes = 256 * 1024;

    /// <summary>
    /// When set, <c>POST /v3/directline/tokens/generate</c> and <c>POST /conversations</c> require
    /// <c>Authorization: Bearer {Secret}</c> or a token (as the Azure Direct Line service does).
    /// Empty: they are open, which is right for a study served from this host.
    /// </summary>
    public string Secret { get; set; } = "";

    /// <summary>Key that signs tokens. Empty: a random key per process (tokens die with it).</summary>
    public string TokenSigningKey { get; set; } = "";

    [Range(60, 86400)]
    public int TokenLifetimeSeconds { get; set; } = 3600;

    /// <summary>Activities kept per conversation (in the study store) for polling and reconnects; older ones are dropped.</summary>
    [Range(50, 100000)]
    public int HistoryLimit { get; set; } = 200;

    /// <summary>Serialized bytes kept per conversation; the oldest activities go first. At least one activity's limit.</summary>
    [Range(typeof(long), "262144", "1073741824", ErrorMessage = "DirectLine:MaxConversationBytes must be between 262144 (one activity) and 1073741824.")]
    public long MaxConversationBytes { get; set; } = 1L << 20;

    /// <summary>
    /// Open conversations the store keeps at most; a new one beyond it is refused (503) until idle ones expire.
    /// A conversation is idle after <see cref="TokenLifetimeSeconds"/> without a post, reconnect or token refresh.
    /// </summary>
    [Range(1, 10_000_000, ErrorMessage = "DirectLine:MaxConversations must be between 1 and 10000000.")]
    public int MaxConversations { get; set; } = 5000;

    /// <summary>Interval of empty keep-alive frames on the WebSocket stream.</summary>
    [Range(1, 600)]
    public int KeepAliveSeconds { get; set; } = 15;

    public string BotId { get; set; } = "empathybot";

    public string BotName { get; set; } = "EmpathyBot";

    public DirectLineLimits Limits() =>
        new(MaxConversations, HistoryLimit, MaxConversationBytes, TimeSpan.FromSeconds(TokenLifetimeSeconds));
}
