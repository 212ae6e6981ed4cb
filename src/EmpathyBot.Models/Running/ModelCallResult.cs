namespace EmpathyBot.Models.Running;

/// <summary>What one model call came to after the retry policy: a reply, or the error that ended it.</summary>
/// <param name="Attempts">Requests made, the first included.</param>
public sealed record ModelCallResult(ContenderReply? Reply, string? Error, int Attempts)
{
    public static ModelCallResult Succeeded(ContenderReply reply, int attempts) => new(reply, null, attempts);

    public static ModelCallResult Failed(string error, int attempts) => new(null, error, attempts);
}
