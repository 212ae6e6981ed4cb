using System.Text.Json;
using EmpathyBot.Core.Study;
using EmpathyBot.Core.Ports;
using EmpathyBot.Core.Summary;
using StackExchange.Redis;

namespace EmpathyBot.Storage.Redis;

public sealed partial class RedisStudyStore
{
    public Task<bool> AddReplyAsync(Reply reply, CancellationToken ct = default) => Guard(async () =>
    {
        var outcome = (int)await EvalAsync(RedisScripts.AddReply,
            reply.Id, reply.PromptId, reply.Source, reply.Author ?? "", reply.InPool ? "1" : "0",
            ReplyJson(reply), reply.Model?.CacheKey ?? "", Iso(reply.CreatedAt));
        return outcome switch
        {
            1 => true,
            0 => false,
            _ => throw new ArgumentException($"Reply '{reply.Id}' refers to unknown prompt '{reply.PromptId}'.", nameof(reply)),
        };
    });

    public Task<Reply?> GetReplyAsync(string replyId, CancellationToken ct = default) => Guard(async () =>
        ToReply(await Db.HashGetAsync(keys.Reply(replyId), "json")));

    public Task<IReadOnlyList<ReplyKey>> GetReplyKeysForPromptAsync(string promptId, CancellationToken ct = default) => Guard(async () =>
    {
        var flat = (RedisValue[])(await EvalAsync(RedisScripts.GetReplyKeysForPrompt, promptId))!;
        var keys = new List<ReplyKey>(flat.Length / 3);
        for (var i = 0; i + 2 < flat.Length; i += 3)
        {
            var author = (string?)flat[i + 2];
            keys.Add(new ReplyKey((string)flat[i]!, promptId, (string)flat[i + 1]!, string.IsNullOrEmpty(author) ? null : author));
        }

        return (IReadOnlyList<ReplyKey>)keys;
    });

    public Task<Reply?> FindReplyByCacheKeyAsync(string cacheKey, CancellationToken ct = default) => Guard(async () =>
        ToReply((RedisValue)await EvalAsync(RedisScripts.FindReplyByCacheKey, cacheKey)));

    public Task<IReadOnlyList<string>> PromptsWithoutReplyFromAsync(string set, string source, CancellationToken ct = default) => Guard(async () =>
    {
        var ids = (string[])(await EvalAsync(RedisScripts.PromptsWithoutReplyFrom, set, source))!;
        return (IReadOnlyList<string>)ids.Order(StringComparer.Ordinal).ToList();
    });

    public Task RecordModelFailureAsync(ModelFailure failure, CancellationToken ct = default) => Guard(() =>
        Db.HashSetAsync(keys.Failures(failure.Source), failure.PromptId, JsonSerializer.Serialize(failure, Json)));

    public Task<IReadOnlyList<ModelFailure>> GetModelFailuresAsync(string source, CancellationToken ct = default) => Guard(async () =>
    {
        var entries = await Db.HashValuesAsync(keys.Failures(source));
        return (IReadOnlyList<ModelFailure>)entries.Select(e => JsonSerializer.Deserialize<ModelFailure>((string)e!, Json)!)
            .OrderBy(f => f.PromptId, StringComparer.Ordinal).ToList();
    });

    /// <summary>
    /// The reply as stored: the Reply record plus <c>Words</c>, its length counted once here (<see cref="WordCount"/>) so
    /// the scripts' length and word counters agree with the export and the SQLite store for every kind of whitespace.
    /// </summary>
    private static string ReplyJson(Reply reply)
    {
        var node = JsonSerializer.SerializeToNode(reply, Json)!.AsObject();
        node["Words"] = WordCount.Of(reply.Text);
        return node.ToJsonString(Json);
    }

    private static Reply? ToReply(RedisValue json) =>
        json.IsNull ? null : JsonSerializer.Deserialize<Reply>((string)json!, Json);
}
