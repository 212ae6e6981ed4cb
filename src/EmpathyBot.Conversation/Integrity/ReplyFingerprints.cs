using EmpathyBot.Core.Integrity;

namespace EmpathyBot.Conversation.Integrity;

/// <summary>
/// Remembers each reply's <see cref="NearDuplicate.Fingerprint"/> by reply id, so a new reply is compared with the
/// replies before it without reading their texts again. A reply's text never changes under its id, so a remembered
/// fingerprint is never stale; one of a withdrawn reply is no longer asked for, because the store no longer lists it.
/// </summary>
public sealed class ReplyFingerprints
{
    // About 100 bytes per short reply with its entry: some megabytes at the bound.
    private readonly BoundedMemo<string, ulong[]> byReply = new(50_000, StringComparer.Ordinal);

    public bool TryGet(string replyId, out ulong[] fingerprint) => byReply.TryGet(replyId, out fingerprint);

    /// <summary>Remembers the fingerprint of a reply's text under its id, and returns it.</summary>
    public ulong[] Remember(string replyId, ulong[] fingerprint) => byReply.Remember(replyId, fingerprint);
}
