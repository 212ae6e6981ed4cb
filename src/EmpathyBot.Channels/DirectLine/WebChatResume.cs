using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using EmpathyBot.Conversation;
using Microsoft.Extensions.Options;

namespace EmpathyBot.Channels.DirectLine;

/// <summary>
/// The built-in page's long-lived credential to continue as the same participant: the server-chosen user id
/// and its issue time, signed with a key derived from <c>Study:ParticipantSecret</c>, so it survives restarts and
/// works on every instance that shares the store (they share that secret), and nobody can mint one for an id.
/// </summary>
public sealed class WebChatResume(IOptions<StudyOptions> study, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(365);

    // A key of its own, so a resume credential can never be mistaken for anything else signed with the secret.
    private readonly byte[] key = HMACSHA256.HashData(Encoding.UTF8.GetBytes(study.Value.ParticipantSecret), "empathybot web chat resume v1"u8);

    private sealed record Claims([property: JsonPropertyName("u")] string UserId, [property: JsonPropertyName("iat")] long IssuedAt);

    public string Issue(string userId) =>
        SignedPayload.Sign(key, JsonSerializer.SerializeToUtf8Bytes(new Claims(userId, clock.GetUtcNow().ToUnixTimeSeconds())));

    /// <summary>The user id a genuine, unexpired credential carries; null for anything else.</summary>
    public string? Verify(string? resume)
    {
        var payload = SignedPayload.Verify(key, resume);
        if (payload is null) return null;
        try
        {
            var claims = JsonSerializer.Deserialize<Claims>(payload);
            if (claims?.UserId is not { } user || !user.StartsWith(DirectLineTokens.ServerUserPrefix, StringComparison.Ordinal)) return null;
            var age = clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(claims.IssuedAt);
            return age >= TimeSpan.FromMinutes(-5) && age <= Lifetime ? user : null;
        }
        catch (Exception e) when (e is JsonException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }
}
