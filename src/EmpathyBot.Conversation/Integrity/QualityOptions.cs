using System.ComponentModel.DataAnnotations;

namespace EmpathyBot.Conversation.Integrity;

/// <summary>Section <c>Quality</c>: checks of people's replies.</summary>
public sealed class QualityOptions
{
    public const string Section = "Quality";

    /// <summary>
    /// Word 3-gram Jaccard similarity to another reply to the same prompt (a contender's or another person's) at or
    /// above which a reply is a near-duplicate.
    /// </summary>
    [Range(0.01, 1.0)]
    public double DuplicateThreshold { get; set; } = 0.8;

    /// <summary>
    /// Characters per second (from the prompt shown to the reply received) above which a reply is flagged tooFast; 0 = off.
    /// 15 is about 150 words a minute sustained, with no time to read the prompt: faster than all but competition typists.
    /// </summary>
    [Range(0.0, 1000.0)]
    public double MaxCharsPerSecond { get; set; } = 15;

    /// <summary>Keep flagged replies (tooFast, pasted, duplicate) out of the blind pool; false only flags them.</summary>
    public bool ExcludeSuspectReplies { get; set; } = true;
}
