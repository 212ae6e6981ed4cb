using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using EmpathyBot.Core.Appraisal;
using EmpathyBot.Core.Ports;
using EmpathyBot.Core.Study;
using StackExchange.Redis;

namespace EmpathyBot.Storage.Redis;

// The full export. Most record kinds have no index of all their keys (only per participant or per cell), so the
// export walks the keyspace with SCAN (never KEYS, which blocks the server), sorts the ids and fetches the
// records a pipelined chunk at a time.
public sealed partial class RedisStudyStore
{
    private const int ExportKeysPerChunk = 500;

    public async IAsyncEnumerable<ParticipantConsent> ExportConsentsAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        foreach (var chunk in (await ScanIdsAsync("consent:", ct)).Chunk(ExportKeysPerChunk))
        {
            var values = await Guard(() => Task.WhenAll(chunk.Select(p => Db.StringGetAsync(keys.Consent(p)))));
            for (var i = 0; i < chunk.Length; i++)
            {
                if (!values[i].IsNull) yield return new ParticipantConsent(chunk[i], ParseIso((string)values[i]!));
            }
        }
    }

    public async IAsyncEnumerable<StudyPrompt> ExportPromptsAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        foreach (var chunk in (await ScanIdsAsync("prompt:", ct)).Chunk(ExportKeysPerChunk))
        {
            var rows = await Guard(() => Task.WhenAll(chunk.Select(id => Db.HashGetAsync(keys.Prompt(id), PromptHashFields))));
            foreach (var f in rows.Where(f => !f[0].IsNull)) yield return new StudyPrompt(f[0]!, f[1]!, f[2]!, f[3]!, f[4]!);
        }
    }

    public async IAsyncEnumerable<Reply> ExportRepliesAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        var ids = await Guard(async () => (await Db.SetMembersAsync(keys.Replies)).Select(v => (string)v!).Order(StringComparer.Ordinal).ToArray());
        await foreach (var reply in JsonRecordsAsync<Reply>(ids, id => keys.Reply(id), ct)) yield return reply;
    }

    public async IAsyncEnumerable<RatingOffer> ExportRatingOffersAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        foreach (var rater in await ScanIdsAsync("offers:", ct))
        {
            var entries = await Guard(() => Db.HashGetAllAsync(keys.Offers(rater)));
            foreach (var entry in entries.OrderBy(e => (string)e.Name!, StringComparer.Ordinal))
            {
                var kind = (string?)entry.Value == "gold" ? RatingOfferKind.Gold : RatingOfferKind.Reply;
                yield return new RatingOffer(rater, (string)entry.Name!, kind);
            }
        }
    }

    public async IAsyncEnumerable<AttentionCheck> ExportAttentionChecksAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        foreach (var rater in await ScanIdsAsync("checks:", ct))
        {
            var ids = await Guard(() => Db.SetMembersAsync(keys.Prefix + "checks:" + rater));
            var answers = (await Guard(() => Db.HashGetAllAsync(keys.Prefix + "check-answers:" + rater)))
                .ToDictionary(e => (string)e.Name!, e => (string)e.Value!, StringComparer.Ordinal);
            foreach (var id in ids.Select(v => (string)v!).Order(StringComparer.Ordinal))
            {
                // A check answered before answers were kept has no outcome to export; saying so beats dropping it.
                if (!answers.TryGetValue(id, out var stored))
                    throw new InvalidOperationException($"Attention check '{id}' of rater '{rater}' has no stored outcome (recorded by an older version).");
                var bar = stored.IndexOf('|');
                yield return new AttentionCheck(rater, id, stored[..bar] == "1", ParseIso(stored[(bar + 1)..]));
            }
        }
    }

    public async IAsyncEnumerable<UnderstandingAnswer> ExportUnderstandingAnswersAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        var ids = await ScanIdsAsync("u-answer:", ct);
        await foreach (var answer in JsonRecordsAsync<UnderstandingAnswer>(ids, id => keys.Prefix + "u-answer:" + id, ct)) yield return answer;
    }

    public async IAsyncEnumerable<UnderstandingTest> ExportUnderstandingTestsAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        var ids = await ScanIdsAsync("u-test:", ct);
        await foreach (var test in JsonRecordsAsync<UnderstandingTest>(ids, id => keys.Prefix + "u-test:" + id, ct)) yield return test;
    }

    public async IAsyncEnumerable<AppraisalAnswer> ExportAppraisalAnswersAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        var ids = await ScanIdsAsync("appraisal:", ct);
        await foreach (var answer in JsonRecordsAsync<AppraisalAnswer>(ids, id => keys.Prefix + "appraisal:" + id, ct)) yield return answer;
    }

    /// <summary>The records kept as JSON in the <c>json</c> field of one hash per id, in the order of <paramref name="ids"/>.</summary>
    private async IAsyncEnumerable<T> JsonRecordsAsync<T>(IReadOnlyList<string> ids, Func<string, RedisKey> key, [EnumeratorCancellation] CancellationToken ct)
    {
        foreach (var chunk in ids.Chunk(ExportKeysPerChunk))
        {
            ct.ThrowIfCancellationRequested();
            var jsons = await Guard(() => Task.WhenAll(chunk.Select(id => Db.HashGetAsync(key(id), "json"))));
            for (var i = 0; i < chunk.Length; i++)
            {
                if (jsons[i].IsNull) continue; // forgotten between the scan and the read
                yield return JsonSerializer.Deserialize<T>((string)jsons[i]!, Json)
                    ?? throw new InvalidOperationException($"The stored record '{chunk[i]}' is not valid JSON.");
            }
        }
    }

    /// <summary>The ids after <c>P{kind}</c> of every matching key on every primary, ordinal-sorted.</summary>
    private async Task<IReadOnlyList<string>> ScanIdsAsync(string kind, CancellationToken ct)
    {
        var head = keys.Prefix + kind;
        var pattern = EscapeGlob(head) + "*";
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var server in redis.GetServers().Where(s => s.IsConnected && !s.IsReplica))
        {
            await foreach (var key in server.KeysAsync(Db.Database, pattern, pageSize: ExportKeysPerChunk).WithCancellation(ct))
            {
                ids.Add(((string)key!)[head.Length..]);
            }
        }

        return ids.Order(StringComparer.Ordinal).ToArray();
    }

    private static string EscapeGlob(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '*' or '?' or '[' or ']' or '\\') escaped.Append('\\');
            escaped.Append(c);
        }

        return escaped.ToString();
    }

    private static DateTimeOffset ParseIso(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
