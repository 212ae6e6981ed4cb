using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace EmpathyBot.Channels.Slack;

public enum SlackVerification
{
    Valid,
    MissingHeaders,
    StaleTimestamp,
    BadSignature,
}

/// <summary>Slack's v0 request signing: HMAC-SHA256 over <c>v0:{timestamp}:{raw body}</c>.</summary>
public sealed class SlackSignatureVerifier(TimeProvider time)
{
    public const string TimestampHeader = "X-Slack-Request-Timestamp";
    public const string SignatureHeader = "X-Slack-Signature";

    /// <summary>Older requests are rejected so a captured request cannot be replayed later.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    public SlackVerification Verify(string secret, string? timestamp, string? signature, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature))
        {
            return SlackVerification.MissingHeaders;
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return SlackVerification.StaleTimestamp;
        }

        var age = time.GetUtcNow().ToUnixTimeSeconds() - seconds;
        if (Math.Abs(age) > MaxAge.TotalSeconds)
        {
            return SlackVerification.StaleTimestamp;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(secret, timestamp, body));
        var actual = Encoding.ASCII.GetBytes(signature);
        return CryptographicOperations.FixedTimeEquals(expected, actual) ? SlackVerification.Valid : SlackVerification.BadSignature;
    }

    /// <summary>The <c>v0=...</c> signature Slack would send; also used by tests to sign their requests.</summary>
    public static string Sign(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes($"v0:{timestamp}:");
        var basestring = new byte[prefix.Length + body.Length];
        prefix.CopyTo(basestring, 0);
        body.CopyTo(basestring.AsSpan(prefix.Length));
        return "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), basestring));
    }
}
