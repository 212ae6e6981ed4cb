namespace EmpathyBot.Services.Privacy;

/// <summary>Section <c>Privacy</c>: how many people a published figure about people must rest on.</summary>
public sealed class PrivacyOptions
{
    public const string Section = "Privacy";

    /// <summary>
    /// People's appraisal (PANAS) and quiz figures appear only for groups of at least this many distinct people, in
    /// the summary, the live stream, chat and the report; smaller groups are left out of every figure.
    /// </summary>
    public int MinGroupSize { get; set; } = 5;
}
