using System.Text.Json.Serialization;

namespace EmpathyBot.Core.Ports;

/// <summary>
/// The ids a recruiting panel (Prolific, say) puts in the study link. They only label a participant for the
/// researcher: they never choose who the participant is, since anyone can type any id into a link.
/// </summary>
/// <param name="ParticipantId">The panel's id of the person (<c>PROLIFIC_PID</c>, or a generic <c>pid</c>).</param>
/// <param name="StudyId">The panel's study (<c>STUDY_ID</c>).</param>
/// <param name="SessionId">The panel's session (<c>SESSION_ID</c>).</param>
public sealed record ExternalIds(string? ParticipantId = null, string? StudyId = null, string? SessionId = null)
{
    public const int MaxLength = 64;

    public static ExternalIds None { get; } = new();

    [JsonIgnore]
    public bool IsEmpty => ParticipantId is null && StudyId is null && SessionId is null;

    /// <summary>Panel ids are short tokens of letters, digits, '-' and '_'; anything else is not one.</summary>
    public static bool IsWellFormed(string? value) =>
        value is { Length: > 0 and <= MaxLength } && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
