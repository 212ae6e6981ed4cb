using EmpathyBot.Core.Ports;

namespace EmpathyBot.Host.Endpoints;

/// <summary>
/// The recruiting panel's ids from the study link (<c>PROLIFIC_PID</c>, <c>STUDY_ID</c>, <c>SESSION_ID</c>, or a
/// generic <c>pid</c>), as the page forwards them. Anyone can type any value into a link, so they only label the
/// participant; a value that is not a plain id is left out with a warning and never stops the chat.
/// </summary>
public static class RecruitmentQuery
{
    public const string ProlificPid = "PROLIFIC_PID";
    public const string StudyId = "STUDY_ID";
    public const string SessionId = "SESSION_ID";
    public const string Pid = "pid";

    public static ExternalIds Read(IQueryCollection query, ILogger logger)
    {
        string? Take(string name)
        {
            if (!query.TryGetValue(name, out var values)) return null;
            var value = values.ToString();
            if (ExternalIds.IsWellFormed(value)) return value;
            logger.LogWarning("Ignored the study link's {Name}: not 1 to {Max} letters, digits, '-' or '_' ({Length} characters)",
                name, ExternalIds.MaxLength, value.Length);
            return null;
        }

        return new ExternalIds(Take(ProlificPid) ?? Take(Pid), Take(StudyId), Take(SessionId));
    }
}
