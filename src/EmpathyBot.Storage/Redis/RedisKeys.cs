using StackExchange.Redis;

namespace EmpathyBot.Storage.Redis;

/// <summary>
/// Builds the key prefix. The configured prefix becomes a hash tag (<c>{empathybot}:</c>) so every key of
/// one study lands in one Redis Cluster slot: the Lua scripts touch many keys and must run on one node.
/// </summary>
public sealed class RedisKeys
{
    public const string DefaultPrefix = "empathybot";

    public RedisKeys(string? keyPrefix)
    {
        var name = string.IsNullOrWhiteSpace(keyPrefix) ? DefaultPrefix : keyPrefix.Trim().TrimEnd(':');
        Prefix = name.Contains('{') ? name + ":" : "{" + name + "}:";
    }

    public string Prefix { get; }

    /// <summary>Passed as KEYS[1] to every script so the client routes it to the study's slot.</summary>
    public RedisKey Counters => Prefix + "counters";

    public RedisChannel Events => RedisChannel.Literal(Prefix + "events");

    public RedisKey Reply(string id) => Prefix + "reply:" + id;

    public RedisKey Prompt(string id) => Prefix + "prompt:" + id;

    public RedisKey Consent(string participant) => Prefix + "consent:" + participant;

    public RedisKey State(string key) => Prefix + "state:" + key;

    public RedisKey Claim(string key) => Prefix + "claim:" + key;

    public RedisKey Sets => Prefix + "sets";

    public RedisKey Replies => Prefix + "replies";

    public RedisKey Failures(string source) => Prefix + "failures:" + source;

    public RedisKey Offers(string rater) => Prefix + "offers:" + rater;
}
