using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace EmpathyBot.Channels.DirectLine;

/// <summary>
/// The <c>base64url(payload).base64url(HMAC-SHA256(key, first part))</c> form of Direct Line tokens and web chat
/// resume credentials: opaque to clients, and worthless to anyone without the key.
/// </summary>
internal static class SignedPayload
{
    // Far above any credential we issue; a longer one is refused before any decoding or hashing.
    private const int MaxLength = 2048;

    public static string Sign(byte[] key, byte[] payload)
    {
        var encoded = Base64Url.EncodeToString(payload);
        return encoded + "." + Base64Url.EncodeToString(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(encoded)));
    }

    /// <summary>The payload when the signature matches (compared in constant time); null for anything else.</summary>
    public static byte[]? Verify(byte[] key, string? signed)
    {
        if (string.IsNullOrEmpty(signed) || signed.Length > MaxLength || !Ascii.IsValid(signed)) return null;
        var dot = signed.IndexOf('.');
        if (dot <= 0) return null;
        var encoded = signed[..dot];
        try
        {
            var expected = HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(encoded));
            return CryptographicOperations.FixedTimeEquals(expected, Base64Url.DecodeFromChars(signed.AsSpan(dot + 1)))
                ? Base64Url.DecodeFromChars(encoded)
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
