namespace EmpathyBot.Channels.Auth;

/// <summary>
/// What a valid Bot Framework token vouches for: the channels its signing key is endorsed for and the service URL
/// the channel named in it. Null parts are not vouched for by this kind of token (emulator tokens) and not checked.
/// </summary>
public sealed record TokenScope(IReadOnlyList<string>? Endorsements, string? ServiceUrl)
{
    /// <summary>Why an activity with this channel and service URL is not covered by the token; null when it is.</summary>
    public string? Refuses(string? channelId, string? serviceUrl)
    {
        if (Endorsements is not null && (string.IsNullOrEmpty(channelId) || !Endorsements.Contains(channelId, StringComparer.Ordinal)))
            return $"signing key is not endorsed for channel '{channelId}'";
        if (ServiceUrl is not null && !string.Equals(ServiceUrl, serviceUrl, StringComparison.OrdinalIgnoreCase))
            return "token serviceurl does not match the activity's serviceUrl";
        return null;
    }
}
