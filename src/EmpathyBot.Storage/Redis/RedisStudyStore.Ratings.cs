using System.Runtime.CompilerServices;
using System.Text.Json;
using EmpathyBot.Core.Interchange;
using EmpathyBot.Core.Study;
using EmpathyBot.Core.Summary;
using EmpathyBot.Core.Ports;
using StackExchange.Redis;

namespace EmpathyBot.Storage.Redis;

public sealed partial class RedisStudyStore
{
    private const int ExportRepliesPerScript = 200;
    private const int ImportRowsPerScript = 1000;

    public Task<Reply?> NextReplyToRateAsync(string rater, int targetPerReply, string? goldId = null, DateTimeOffset? shownAt = null, CancellationToken ct = default) => Guard(async () =>
        targetPerReply <= 0
            ? null
            : ToReply((RedisValue)await EvalAsync(RedisScripts.NextReplyToRate, rater, targetPerReply, Random.Shared.Next(), goldId ?? "", "",
                shownAt is { } at ? Iso(at) : "")));

    public Task<RatingOutcome> AddRatingAsync(Rating rating, CancellationToken ct = default) => Guard(async () =>
        ToOutcome(await EvalAsync(RedisScripts.AddRating, rating.ReplyId, rating.Rater, rating.Value.ToWire(), Iso(rating.At))));

    private static RatingOutcome ToOutcome(RedisResult result) => (int)result switch
    {
        2 => RatingOutcome.Recorded,
        1 => RatingOutcome.AlreadyRated,
        -1 => RatingOutcome.NotOffered,
        _ => RatingOutcome.UnknownReply,
    };

    public Task<IReadOnlyList<CounterRow>> GetCountersAsync(CancellationToken ct = default) => Guard(async () =>
    {
        var cells = new Dictionary<(string Emotion, string Source), Dictionary<string, long>>();
        foreach (var entry in await Db.HashGetAllAsync(keys.Counters))
        {
            var field = (string)entry.Name!;
            var first = field.IndexOf('|');
            var last = field.LastIndexOf('|');
            if (first < 0 || last <= first) continue;
            var cell = (field[..first], field[(first + 1)..last]);
            if (!cells.TryGetValue(cell, out var metrics)) cells[cell] = metrics = new Dictionary<string, long>();
            metrics[field[(last + 1)..]] = (long)entry.Value;
        }

        return (IReadOnlyList<CounterRow>)cells
            .Select(c => new CounterRow(c.Key.Emotion, c.Key.Source, new SourceCounts(
                Get(c.Value, "replies"), Get(c.Value, "ratings"), Get(c.Value, "good"),
                Get(c.Value, "okay"), Get(c.Value, "bad"), Get(c.Value, "excluded"))))
            .OrderBy(r => r.Emotion, StringComparer.Ordinal).ThenBy(r => r.Source, StringComparer.Ordinal)
            .ToList();

        static long Get(Dictionary<string, long> metrics, string name) => metrics.GetValueOrDefault(name);
    });

    public async IAsyncEnumerable<RatingRow> ExportRatingsAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        await foreach (var (reply, promptId, prompt, ratings) in ExportRepliesWithRatingsAsync(ct))
        {
            foreach (var (rater, value, _) in ratings.OrderBy(r => r.At, StringComparer.Ordinal).ThenBy(r => r.Rater, StringComparer.Ordinal))
            {
                yield return new RatingRow(promptId, prompt?.Emotion ?? "", prompt?.Situation ?? "", prompt?.Utterance ?? "",
                    reply.Source, reply.Id, reply.Text, rater, value);
            }
        }
    }

    /// <summary>
    /// Every reply in id order with its prompt (null when missing) and its ratings as stored (At is the round-trip time text),
    /// fetched a chunk of replies per script call; the two exports differ only in what they make of it.
    /// </summary>
    private async IAsyncEnumerable<ExportedReply> ExportRepliesWithRatingsAsync([EnumeratorCancellation] CancellationToken ct)
    {
        var ids = await Guard(async () => (await Db.SetMembersAsync(keys.Replies)).Select(v => (string)v!).Order(StringComparer.Ordinal).ToArray());
        var prompts = new Dictionary<string, StudyPrompt?>(StringComparer.Ordinal);
        foreach (var chunk in ids.Chunk(ExportRepliesPerScript))
        {
            ct.ThrowIfCancellationRequested();
            var flat = (RedisResult[])(await Guard(() => EvalAsync(RedisScripts.ExportBatch, chunk.Select(id => (RedisValue)id).ToList())))!;
            for (var i = 0; i + 2 < flat.Length; i += 3)
            {
                var reply = ToReply((RedisValue)flat[i])!;
                var promptId = (string)flat[i + 1]!;
                if (!prompts.TryGetValue(promptId, out var prompt)) prompts[promptId] = prompt = await GetPromptAsync(promptId, ct);
                var ratings = (RedisResult[])flat[i + 2]!;
                var rows = new List<(string Rater, RatingValue Value, string At)>();
                for (var j = 0; j + 1 < ratings.Length; j += 2)
                {
                    var stored = (string)ratings[j + 1]!;
                    var bar = stored.IndexOf('|');
                    RatingValues.TryParse(stored[..bar], out var value);
                    rows.Add(((string)ratings[j]!, value, stored[(bar + 1)..]));
                }

                yield return new ExportedReply(reply, promptId, prompt, rows);
            }
        }
    }

    private readonly record struct ExportedReply(Reply Reply, string PromptId, StudyPrompt? Prompt, List<(string Rater, RatingValue Value, string At)> Ratings);

    public Task<ImportResult> ImportRatingsAsync(IReadOnlyList<RatingRow> rows, string promptSet, CancellationToken ct = default) => Guard(async () =>
    {
        int prompts = 0, replies = 0, ratings = 0, duplicates = 0;
        var now = time.GetUtcNow();
        foreach (var chunk in rows.Chunk(ImportRowsPerScript))
        {
            ct.ThrowIfCancellationRequested();
            var args = new List<RedisValue>(2 + chunk.Length * 9) { promptSet, Iso(now) };
            foreach (var row in chunk)
            {
                var reply = new Reply(row.ResponseId, row.PromptId, row.Source, row.Response, null, now);
                args.AddRange([row.PromptId, row.Emotion, row.Situation, row.Utterance, row.Source, row.ResponseId,
                    ReplyJson(reply), row.Rater, row.Rating.ToWire()]);
            }

            var counts = (int[])(await EvalAsync(RedisScripts.ImportRows, args))!;
            prompts += counts[0];
            replies += counts[1];
            ratings += counts[2];
            duplicates += counts[3];
        }

        return new ImportResult(rows.Count, ratings, duplicates, prompts, replies);
    });
}
