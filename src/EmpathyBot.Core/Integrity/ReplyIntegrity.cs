using EmpathyBot.Core.Study;

namespace EmpathyBot.Core.Integrity;

/// <summary>Thresholds of the reply checks (section <c>Quality</c>).</summary>
/// <param name="MaxCharsPerSecond">Faster than this is flagged tooFast; 0 turns the check off.</param>
/// <param name="DuplicateThreshold">Similarity at or above which a reply is a near-duplicate.</param>
public sealed record ReplyRules(double MaxCharsPerSecond, double DuplicateThreshold);

/// <summary>
/// Checks one person's reply against the three signs that they did not write it themselves: typed faster than a
/// person types, pasted into the send box, or (nearly) the same text as another reply to the same prompt.
/// </summary>
public static class ReplyIntegrity
{
    private const double MinSeconds = 0.001;

    /// <param name="others">The other replies to the prompt, each with its <see cref="NearDuplicate.Fingerprint"/>.</param>
    /// <param name="fingerprint">The reply's own fingerprint when the caller has it already (it is computed otherwise).</param>
    public static ReplyCheck Check(Reply reply, DateTimeOffset? shownAt, bool pasted, IEnumerable<(ReplyKey Key, ulong[] Fingerprint)> others, ReplyRules rules,
        ulong[]? fingerprint = null)
    {
        double? seconds = shownAt is { } shown ? Math.Max(0, (reply.CreatedAt - shown).TotalSeconds) : null;
        // A reply in the same instant as its prompt counts as typed in a millisecond: too fast for any threshold.
        double? cps = seconds is { } s ? reply.Text.Length / Math.Max(s, MinSeconds) : null;
        var (similarity, similarTo) = Closest(reply, fingerprint ?? NearDuplicate.Fingerprint(reply.Text), others);

        var flags = new List<string>();
        if (similarTo is not null && similarity >= rules.DuplicateThreshold) flags.Add(ExclusionReasons.Duplicate);
        if (pasted) flags.Add(ExclusionReasons.Pasted);
        if (rules.MaxCharsPerSecond > 0 && cps > rules.MaxCharsPerSecond) flags.Add(ExclusionReasons.TooFast);
        return new ReplyCheck(reply.Id, reply.Author ?? "", reply.PromptId, shownAt, reply.CreatedAt, seconds, cps, pasted, similarity, similarTo, flags);
    }

    /// <summary>The most similar other reply to the same prompt: any contender's, or another person's.</summary>
    private static (double Similarity, string? Id) Closest(Reply reply, ulong[] grams, IEnumerable<(ReplyKey Key, ulong[] Fingerprint)> others)
    {
        (double Similarity, string? Id) best = (0, null);
        foreach (var (other, fingerprint) in others)
        {
            if (other.Id == reply.Id || other.PromptId != reply.PromptId) continue;
            if (Sources.IsHuman(other.Source) && other.Author == reply.Author) continue;
            var s = NearDuplicate.Similarity(grams, fingerprint);
            if (best.Id is null || s > best.Similarity) best = (s, other.Id);
        }

        return best;
    }

    /// <summary>The reply as stored: excluded for its first flag when suspect replies stay out of the pool.</summary>
    public static Reply Apply(Reply reply, ReplyCheck check, bool excludeSuspect) =>
        excludeSuspect && check.Flags.Count > 0 ? reply with { ExcludedReason = check.Flags[0] } : reply;
}
