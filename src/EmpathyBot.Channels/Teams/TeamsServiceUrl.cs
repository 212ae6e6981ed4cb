namespace EmpathyBot.Channels.Teams;

/// <summary>
/// Where the bot may send its replies. The service URL comes from the request body, and the bot POSTs to it (with a
/// connector token when auth is on), so it is checked like any other input: http(s) only, and in the unauthenticated
/// development mode only this machine, so an anonymous caller cannot make the bot send requests elsewhere.
/// </summary>
public static class TeamsServiceUrl
{
    /// <summary>Why the bot will not answer at <paramref name="serviceUrl"/>; null when it may.</summary>
    public static string? Refuses(string? serviceUrl, bool loopbackOnly)
    {
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            return "serviceUrl must be an absolute http or https URL.";
        if (!string.IsNullOrEmpty(uri.UserInfo))
            return "serviceUrl must not carry user information.";
        if (loopbackOnly && !uri.IsLoopback)
            return "Without Bot:MicrosoftAppId the bot answers only a serviceUrl on this machine (localhost, 127.0.0.1, ::1).";
        return null;
    }
}
