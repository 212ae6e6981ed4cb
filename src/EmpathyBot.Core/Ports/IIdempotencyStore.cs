namespace EmpathyBot.Core.Ports;

public interface IIdempotencyStore
{
    /// <summary>True the first time a key is claimed within <paramref name="ttl"/>; false for a re-delivery.</summary>
    Task<bool> TryClaimAsync(string key, TimeSpan ttl, CancellationToken ct = default);
}
