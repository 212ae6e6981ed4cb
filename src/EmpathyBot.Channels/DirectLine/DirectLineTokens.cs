using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using EmpathyBot.Core.Ports;
using Microsoft.Extensions.Options;

namespace EmpathyBot.Channels.DirectLine;

/// <summary>
/// The claims a token grants: one conversation, spoken in by one user. <paramref name="Recruitment"/> carries the
/// panel ids the page was opened with until the participant consents (the token is signed, so nothing is stored before).
/// </summary>
public sealed record DirectLineGrant(string ConversationId, string UserId, DateTimeOffset Expires, ExternalIds? Recruitment = null);

/// <summary>Issues and checks HMAC-signed Direct Line tokens (opaque to clients, as the service's are).</summary>
public sealed class DirectLineTokens(IOptions<DirectLineOptions> options, TimeProvider clock)
{
    /// <summary>Ids the server chooses start with this; ids a secret holder names start with <see cref="NamedUserPrefix"/>.</summary>
    public const string ServerUserPrefix = "web-";

    /// <summary>The prefix Azure's Direct Line requires of a user id named in a token request.</summary>
    public const string NamedUserPrefix = "dl_";

    private readonly byte[] key = options.Value.TokenSigningKey.Length > 0
        ? Encoding.UTF8.GetBytes(options.Value.TokenSigningKey)
        : RandomNumberGenerator.GetBytes(32);

    public int LifetimeSeconds => options.Value.TokenLifetimeSeconds;

    public string Issue(string conversationId, string userId, ExternalIds? recruitment = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        var grant = new DirectLineGrant(conversationId, userId, clock.GetUtcNow().AddSeconds(LifetimeSeconds),
            recruitment is { IsEmpty: false } ? recruitment : null);
        return SignedPayload.Sign(key, JsonSerializer.SerializeToUtf8Bytes(grant));
    }

    public DirectLineGrant? Validate(string? token)
    {
        var payload = SignedPayload.Verify(key, token);
        if (payload is null) return null;
        try
        {
            var grant = JsonSerializer.Deserialize<DirectLineGrant>(payload);
            return grant is { UserId.Length: > 0 } && grant.Expires > clock.GetUtcNow() ? grant : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static string NewConversationId() => System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));

    /// <summary>A fresh participant id nobody can guess or choose.</summary>
    public static string NewUserId() => ServerUserPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
