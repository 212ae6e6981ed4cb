using System.Net;

namespace EmpathyBot.Channels.Teams;

/// <summary>The Bot Connector refused a call (after retries, for 429 and 5xx).</summary>
public sealed class ConnectorException(HttpStatusCode status, string method, string url, string body)
    : Exception($"Bot Connector answered {(int)status} {status} to {method} {url}: {body}")
{
    public HttpStatusCode Status { get; } = status;
}
