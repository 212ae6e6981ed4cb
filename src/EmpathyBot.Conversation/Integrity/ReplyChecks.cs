using EmpathyBot.Core.Integrity;
using EmpathyBot.Core.Ports;
using EmpathyBot.Core.Study;
using Microsoft.Extensions.Options;

namespace EmpathyBot.Conversation.Integrity;

/// <summary>
/// Checks a person's reply as it arrives (speed since the prompt was shown, paste, near-duplicates of the replies to the
/// same prompt stored so far) and stores it with what was measured, out of the pool when it is suspect and
/// <see cref="QualityOptions.ExcludeSuspectReplies"/> is on. The participant is not told: a flag they could see would teach
/// them to avoid it.
/// </summary>
public sealed class ReplyChecks(
    IReplyStore replies, IIntegrityStore integrity, ICardTimingStore timings, ReplyFingerprints fingerprints, IOptions<QualityOptions> options)
{
    public async Task<ReplyCheck> StoreAsync(Reply reply, bool pasted, CancellationToken ct)
    {
        var shown = reply.Author is { } author ? (await timings.GetCardTimingAsync(author, CardKinds.Reply, reply.PromptId, ct))?.ShownAt : null;
        var others = await FingerprintedAsync(await replies.GetReplyKeysForPromptAsync(reply.PromptId, ct), ct);
        var o = options.Value;
        // Computed once: the check compares it, and the next replies to the prompt are compared with it.
        var fingerprint = NearDuplicate.Fingerprint(reply.Text);
        var check = ReplyIntegrity.Check(reply, shown, pasted, others, new ReplyRules(o.MaxCharsPerSecond, o.DuplicateThreshold), fingerprint);
        await integrity.AddCheckedReplyAsync(ReplyIntegrity.Apply(reply, check, o.ExcludeSuspectReplies), check, ct);
        fingerprints.Remember(reply.Id, fingerprint);
        return check;
    }

    private async Task<List<(ReplyKey Key, ulong[] Fingerprint)>> FingerprintedAsync(IReadOnlyList<ReplyKey> keys, CancellationToken ct)
    {
        var others = new List<(ReplyKey, ulong[])>(keys.Count);
        foreach (var key in keys)
        {
            if (!fingerprints.TryGet(key.Id, out var fingerprint))
            {
                // Not compared on this host before: a contender's reply, or one stored by another instance.
                if (await replies.GetReplyAsync(key.Id, ct) is not { } stored) continue; // withdrawn meanwhile
                fingerprint = fingerprints.Remember(stored.Id, NearDuplicate.Fingerprint(stored.Text));
            }

            others.Add((key, fingerprint));
        }

        return others;
    }
}
