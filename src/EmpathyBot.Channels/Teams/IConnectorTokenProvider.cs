namespace EmpathyBot.Channels.Teams;

/// <summary>Bearer tokens for calls to the Bot Connector service; null when auth is off (local clients need none).</summary>
public interface IConnectorTokenProvider
{
    Task<string?> GetTokenAsync(CancellationToken ct);
}
