using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace EmpathyBot.Channels.Work;

/// <summary>What a channel endpoint tells the sender when the work queue did not take a turn: when to send it again.</summary>
public static class QueueFull
{
    /// <summary>
    /// A full queue at the default bound drains in about a second at the rate a host answers turns, so a sender that
    /// waits this long usually finds room; Teams and Web Chat honour Retry-After.
    /// </summary>
    public const int RetryAfterSeconds = 1;

    public static void TellRetryAfter(HttpResponse response) =>
        response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
}
