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
public sealed class ReplyChecks(IReplyStore replies, IIntegrityStore integrity, ICardTimingStore timings, IOptions<QualityOptions> options)
{
    public async Task<ReplyCheck> StoreAsync(Reply reply, bool pasted, CancellationToken ct)
    {
        var shown = reply.Author is { } author ? (await timings.GetCardTimingAsync(author, CardKinds.Reply, reply.PromptId, ct))?.ShownAt : null;
        var others = await replies.GetRepliesForPromptAsync(reply.PromptId, ct);
        var o = options.Value;
        var check = ReplyIntegrity.Check(reply, shown, pasted, others, new ReplyRules(o.MaxCharsPerSecond, o.DuplicateThreshold));
        await integrity.AddCheckedReplyAsync(ReplyIntegrity.Apply(reply, check, o.ExcludeSuspectReplies), check, ct);
        return check;
    }
}
