namespace EmpathyBot.Conversation;

/// <summary>The fixed path through the study, and the texts and codes around it that the researcher owns.</summary>
public sealed partial class StudyOptions
{
    /// <summary>The steps every participant takes, in order, after consent; empty: the free menu.</summary>
    public List<ProtocolStep> Protocol { get; set; } = [];

    /// <summary>The consent text (relative to Data:Directory, or absolute).</summary>
    public string ConsentPath { get; set; } = "study/consent.md";

    /// <summary>The debrief shown when the protocol is done (relative to Data:Directory, or absolute).</summary>
    public string DebriefPath { get; set; } = "study/debrief.md";

    /// <summary>Who runs the study, as the consent and debrief name them.</summary>
    public string ResearcherName { get; set; } = "";

    /// <summary>How participants reach the researcher (an e-mail address, say).</summary>
    public string ResearcherContact { get; set; } = "";

    /// <summary>The code a participant gets on finishing the protocol, to claim their reward on the recruiting panel.</summary>
    public string CompletionCode { get; set; } = "";

    /// <summary>Where a finished participant goes, e.g. <c>https://app.prolific.com/submissions/complete?cc={code}</c>; empty: no button.</summary>
    public string CompletionUrl { get; set; } = "";

    public bool HasProtocol => Protocol.Count > 0;
}

/// <summary>One step of the protocol: what to do (respond, rate, quiz, appraisal) and how many times.</summary>
public sealed class ProtocolStep
{
    public string Step { get; set; } = "";

    public int? Count { get; set; }

    public int Times => Count ?? 1;
}
