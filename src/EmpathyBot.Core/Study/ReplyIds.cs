using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace EmpathyBot.Core.Study;

/// <summary>
/// The one rule for the ids the bot gives what people and contenders write. A person's id is random; a gold
/// item's is made the same way on purpose, so nothing in a card tells an attention check from a real reply (the
/// store's record of what it offered to whom tells them apart); a contender's is derived from its cache key, so
/// two writers racing on one key collide instead of duplicating.
/// </summary>
public static class ReplyIds
{
    private const string HumanPrefix = "h-";
    private const string ContenderPrefix = "m-";
    private const int RandomBytes = 8;
    private const int CacheKeyChars = 24;

    /// <summary>Longest id a rating may name: ids made here are far shorter, imported ones are capped by this.</summary>
    public const int MaxLength = 128;

    /// <summary>A new id for something a person wrote (a reply or an appraisal answer).</summary>
    public static string NewHuman() => HumanPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(RandomBytes));

    /// <summary>A new id for a gold card: the same shape as a person's reply.</summary>
    public static string NewGold() => NewHuman();

    /// <summary>
    /// A new id for a gold card among replies of <paramref name="source"/> only (between-subjects rating): shaped like
    /// that source's ids, so a check does not stand out among a contender's replies either.
    /// </summary>
    public static string NewGoldLike(string source) => Sources.IsHuman(source)
        ? NewHuman()
        : ContenderPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(CacheKeyChars / 2));

    /// <summary>The id of a contender's reply made under <paramref name="cacheKey"/> (a SHA-256 hex digest).</summary>
    public static string Contender(string cacheKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(cacheKey);
        return ContenderPrefix + cacheKey[..Math.Min(CacheKeyChars, cacheKey.Length)];
    }

    /// <summary>
    /// True when <paramref name="id"/> could name a reply: not empty, at most <see cref="MaxLength"/> characters and
    /// free of control characters. What a participant posts is checked with this before it reaches the store.
    /// </summary>
    public static bool IsWellFormed([NotNullWhen(true)] string? id) =>
        !string.IsNullOrEmpty(id) && id.Length <= MaxLength && !id.Any(char.IsControl);
}
