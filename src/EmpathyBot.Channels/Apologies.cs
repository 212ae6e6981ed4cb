using EmpathyBot.Core.Ports;
using Microsoft.Extensions.Logging;

namespace EmpathyBot.Channels;

/// <summary>What a channel answers when a turn cannot be completed, in the same words on every channel.</summary>
public static class Apologies
{
    public const string StoreUnavailable = "Sorry, the study store is unavailable right now; please try again shortly.";

    public const string Failure = "Something went wrong on our side; it has been logged. Please try again.";

    /// <summary>
    /// The honest apology for <paramref name="error"/>: an outage of the store is expected now and then and logged as a
    /// warning; anything else is a fault to look at, logged as an error and not passed off as an outage.
    /// </summary>
    public static string For(Exception error, ILogger logger, string channel)
    {
        if (error is StoreUnavailableException)
        {
            logger.LogWarning(error, "Study store unavailable during a {Channel} turn", channel);
            return StoreUnavailable;
        }

        logger.LogError(error, "{Channel} turn failed", channel);
        return Failure;
    }
}
