using System.Globalization;
using System.Runtime.CompilerServices;
using EmpathyBot.Core.Study;
using EmpathyBot.Core.Summary;
using EmpathyBot.Core.Ports;
using StackExchange.Redis;

namespace EmpathyBot.Storage.Redis;

public sealed partial class RedisStudyStore
{
    public Task<AttentionCheckOutcome> RecordAttentionCheckAsync(AttentionCheck check, int failuresToExclude, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(check);
        ArgumentException.ThrowIfNullOrEmpty(check.Rater);
        ArgumentException.ThrowIfNullOrEmpty(check.CheckId);
        ArgumentOutOfRangeException.ThrowIfLessThan(failuresToExclude, 1);
        return Guard(async () =>
        {
            var r = (long[])(await EvalAsync(RedisQualityScripts.RecordAttentionCheck,
                check.Rater, check.CheckId, check.Passed ? "1" : "0", failuresToExclude, Iso(check.At)))!;
            return new AttentionCheckOutcome(r[0] == 1, new RaterQuality(check.Rater, r[5], (int)r[1], (int)r[2], r[3] == 1), r[4] == 1);
        });
    }

    public Task<RaterQuality> GetRaterQualityAsync(string rater, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(rater);
        return Guard(async () =>
        {
            var r = (long[])(await EvalAsync(RedisQualityScripts.RaterQuality, rater))!;
            return new RaterQuality(rater, r[3], (int)r[0], (int)r[1], r[2] == 1);
        });
    }

    public Task<QualitySnapshot> GetQualityAsync(CancellationToken ct = default) => Guard(async () =>
    {
        var parts = (RedisResult[])(await EvalAsync(RedisQualityScripts.Snapshot))!;
        var cells = new Dictionary<(string Emotion, string Source), (long Words, long Excluded)>();
        var quality = (RedisResult[])parts[0]!;
        for (var i = 0; i + 1 < quality.Length; i += 2)
        {
            var field = (string)quality[i]!;
            int first = field.IndexOf('|'), last = field.LastIndexOf('|');
            if (first < 0 || last <= first) continue;
            var cell = (field[..first], field[(first + 1)..last]);
            var value = (long)quality[i + 1];
            var sum = cells.GetValueOrDefault(cell);
            cells[cell] = field[(last + 1)..] == "words" ? (sum.Words + value, sum.Excluded) : (sum.Words, sum.Excluded + value);
        }

        var profiles = new List<AgreementProfile>();
        var agreement = (RedisResult[])parts[1]!;
        for (var i = 0; i + 1 < agreement.Length; i += 2)
        {
            var units = (long)agreement[i + 1];
            var counts = ((string)agreement[i]!).Split('|').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
            if (units > 0 && counts.Length == 3) profiles.Add(new AgreementProfile(counts[0], counts[1], counts[2], units));
        }

        return new QualitySnapshot(
            cells.Where(c => c.Value.Words != 0 || c.Value.Excluded != 0)
                .Select(c => new QualityRow(c.Key.Emotion, c.Key.Source, c.Value.Words, c.Value.Excluded))
                .OrderBy(c => c.Emotion, StringComparer.Ordinal).ThenBy(c => c.Source, StringComparer.Ordinal).ToList(),
            profiles.OrderBy(p => p.Good).ThenBy(p => p.Okay).ThenBy(p => p.Bad).ToList(),
            (long)parts[2]) { Lengths = ReadLengths((RedisResult[])parts[3]!) };
    });

    public async IAsyncEnumerable<RatingRecord> ExportRatingRecordsAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        var excluded = await Guard(async () => (await Db.SetMembersAsync(keys.Prefix + "excluded-raters")).Select(v => (string)v!).ToHashSet(StringComparer.Ordinal));
        await foreach (var (reply, promptId, found, ratings) in ExportRepliesWithRatingsAsync(ct))
        {
            var prompt = found ?? new StudyPrompt(promptId, "", "", "", "");
            var rows = ratings.Select(r => new RatingRecord(prompt, reply, r.Rater, r.Value,
                DateTimeOffset.Parse(r.At, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind), excluded.Contains(r.Rater)));
            foreach (var row in rows.OrderBy(r => r.At).ThenBy(r => r.Rater, StringComparer.Ordinal)) yield return row;
        }
    }
}
