using System.Security.Cryptography;
using System.Text;

namespace EmpathyBot.Core.Study;

/// <summary>
/// Hashes of text that are the same on every machine and run, unlike <see cref="string.GetHashCode()"/>, which is
/// randomised per process. Stored or reproduced choices depend on these values, so they must never change.
/// </summary>
public static class StableHash
{
    /// <summary>
    /// The classic 17/31 polynomial over UTF-16 code units: cheap, for seeds (the appraisal's item orders) and for
    /// spreading keys over a few partitions.
    /// </summary>
    public static int Polynomial(string text)
    {
        var hash = 17;
        foreach (var c in text) hash = unchecked((hash * 31) + c);
        return hash;
    }

    /// <summary>
    /// The first 8 bytes of the SHA-256 of the UTF-8 text, little-endian: evenly spread, for picking one of many
    /// (the baseline's reply) without a bias toward any.
    /// </summary>
    public static ulong Sha256(string text) =>
        BitConverter.ToUInt64(SHA256.HashData(Encoding.UTF8.GetBytes(text)), 0);
}
