using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace EmpathyBot.Core.Study;

/// <summary>
/// The one rule for the ids the bot gives what people and contenders write. Every id has one shape, "r-" and 24 hex
/// digits, because the id travels in every rating card's button data where a rater can read it: a shape per source
/// would tell people's replies from a model's, and a gold item from either. A person's id is random, a gold item's
/// is made the same way (the store's record of what it offered to whom tells them apart), and a contender's is
/// derived from its cache key, so two writers racing on one key collide instead of duplicating.
/// </summary>
public static class ReplyIds
{
    private const string Prefix = "r-";
    private const int HexDigits = 24;

    /// <summary>Longest id a rating may name: ids made here are far shorter, imported ones are capped by this.</summary>
    public const int MaxLength = 128;

    /// <summary>A new id for something a person wrote (a reply or an appraisal answer).</summary>
    public static string NewHuman() => Prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(HexDigits / 2));

    /// <summary>A new id for a gold card: the same shape as every reply's.</summary>
    public static string NewGold() => NewHuman();

    /// <summary>The id of a contender's reply made under <paramref name="cacheKey"/> (a SHA-256 hex digest).</summary>
    public static string Contender(string cacheKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(cacheKey);
        return Prefix + cacheKey[..Math.Min(HexDigits, cacheKey.Length)];
    }

    /// <summary>
    /// True when <paramref name="id"/> could name a reply: not empty, at most <see cref="MaxLength"/> characters and
    /// free of control characters. What a participant posts is checked with this before it reaches the store.
    /// </summary>
    public static bool IsWellFormed([NotNullWhen(true)] string? id) =>
        !string.IsNullOrEmpty(id) && id.Length <= MaxLength && !id.Any(char.IsControl);
}
