using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using EmpathyBot.Core.Integrity;
using EmpathyBot.Core.Study;
using StackExchange.Redis;

namespace EmpathyBot.Storage.Redis;

public sealed partial class RedisStudyStore
{
    public Task<CheckedReply> AddCheckedReplyAsync(Reply reply, ReplyCheck check, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(reply);
        ArgumentNullException.ThrowIfNull(check);
        if (check.ReplyId != reply.Id) throw new ArgumentException($"The check is for reply '{check.ReplyId}', not '{reply.Id}'.", nameof(check));
        return Guard(async () =>
        {
            var result = (RedisResult[])(await EvalAsync(RedisIntegrityScripts.AddCheckedReply,
                reply.Id, reply.PromptId, reply.Source, reply.Author ?? "", reply.InPool ? "1" : "0",
                ReplyJson(reply), reply.Model?.CacheKey ?? "", Iso(reply.CreatedAt), JsonSerializer.Serialize(check, Json)))!;
            return (int)result[0] switch
            {
                1 => new CheckedReply(true, (string?)result[1]),
                0 => new CheckedReply(false),
                _ => throw new ArgumentException($"Reply '{reply.Id}' refers to unknown prompt '{reply.PromptId}'.", nameof(reply)),
            };
        });
    }

    public async Task<CheckedRating> AddCheckedRatingAsync(Rating rating, RatingRules rules, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(rating);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentException.ThrowIfNullOrEmpty(rating.Rater);
        // The first showing stands, so reading it before the script cannot race with another write.
        var shown = (await GetCardTimingAsync(rating.Rater, CardKinds.Rating, rating.ReplyId, ct))?.ShownAt;
        var tooFast = rules.IsTooFast(shown, rating.At);
        var seconds = shown is { } s ? (rating.At - s).TotalSeconds : 0;
        return await Guard(async () =>
        {
            var r = (RedisResult[])(await EvalAsync(RedisIntegrityScripts.AddCheckedRating, rating.ReplyId, rating.Rater, rating.Value.ToWire(),
                Iso(rating.At), tooFast ? "1" : "0", seconds.ToString("R", CultureInfo.InvariantCulture), rules.StraightLineRun))!;
            return new CheckedRating(ToOutcome(r[0]), (long)r[1] == 1, (long)r[2] == 1,
                r.Length > 3 ? (string?)r[3] : null, r.Length > 4 ? (string?)r[4] : null);
        });
    }

    public Task<AuthorGuessOutcome> RecordAuthorGuessAsync(AuthorGuess guess, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(guess);
        ArgumentException.ThrowIfNullOrEmpty(guess.Rater);
        if (!AuthorGuesses.IsKnown(guess.Guess)) throw new ArgumentException($"'{guess.Guess}' is not an author guess.", nameof(guess));
        return Guard(async () => (int)await EvalAsync(RedisIntegrityScripts.RecordAuthorGuess, guess.ReplyId, guess.Rater, guess.Guess, Iso(guess.At)) switch
        {
            2 => AuthorGuessOutcome.Recorded,
            1 => AuthorGuessOutcome.AlreadyGuessed,
            _ => AuthorGuessOutcome.NotRated,
        });
    }

    public Task<IntegritySnapshot> GetIntegrityAsync(CancellationToken ct = default) => Guard(async () =>
    {
        var parts = (RedisResult[])(await EvalAsync(RedisIntegrityScripts.Snapshot))!;
        var reasons = (RedisResult[])parts[0]!;
        var replies = new List<ExcludedReplyRow>();
        for (var i = 0; i + 1 < reasons.Length; i += 2)
        {
            var field = (string)reasons[i]!;
            int first = field.IndexOf('|'), second = first < 0 ? -1 : field.IndexOf('|', first + 1);
            if (second < 0 || (long)reasons[i + 1] <= 0) continue;
            replies.Add(new ExcludedReplyRow(field[..first], field[(first + 1)..second], field[(second + 1)..], (long)reasons[i + 1]));
        }

        var flat = (RedisResult[])parts[3]!;
        var guesses = new List<AuthorGuessRow>();
        for (var i = 0; i + 1 < flat.Length; i += 2)
        {
            var f = ((string)flat[i]!).Split('|');
            if (f.Length < 4 || !RatingValues.TryParse(f[^1], out var value)) continue;
            guesses.Add(new AuthorGuessRow(f[0], string.Join('|', f[1..^2]), f[^2], (int)value, (long)flat[i + 1]));
        }

        return new IntegritySnapshot(
            replies.OrderBy(r => r.Emotion, StringComparer.Ordinal).ThenBy(r => r.Source, StringComparer.Ordinal)
                .ThenBy(r => r.Reason, StringComparer.Ordinal).ToList(),
            IntegritySnapshot.RaterReasons((long)parts[1], (long)parts[2]),
            guesses.OrderBy(g => g.Emotion, StringComparer.Ordinal).ThenBy(g => g.Source, StringComparer.Ordinal)
                .ThenBy(g => g.Guess, StringComparer.Ordinal).ThenBy(g => g.Value).ToList());
    });

    public async IAsyncEnumerable<ReplyCheck> ExportReplyChecksAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        var entries = await Guard(() => Db.HashGetAllAsync(keys.Prefix + "reply-checks"));
        foreach (var entry in entries.OrderBy(e => (string)e.Name!, StringComparer.Ordinal))
        {
            ct.ThrowIfCancellationRequested();
            yield return JsonSerializer.Deserialize<ReplyCheck>((string)entry.Value!, Json)
                ?? throw new InvalidOperationException($"The stored check of reply '{entry.Name}' is not valid JSON.");
        }
    }

    public async IAsyncEnumerable<RatingFlag> ExportRatingFlagsAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        var rows = (await Guard(() => Db.HashGetAllAsync(keys.Prefix + "rating-flags"))).Select(e =>
        {
            var (reply, rater) = SplitPair((string)e.Name!);
            var value = (string)e.Value!;
            var bar = value.IndexOf('|');
            return new RatingFlag(reply, rater, value[..bar], double.Parse(value[(bar + 1)..], CultureInfo.InvariantCulture));
        });
        foreach (var row in rows.OrderBy(r => r.Rater, StringComparer.Ordinal).ThenBy(r => r.ReplyId, StringComparer.Ordinal))
        {
            ct.ThrowIfCancellationRequested();
            yield return row;
        }
    }

    public async IAsyncEnumerable<AuthorGuess> ExportAuthorGuessesAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        var rows = (await Guard(() => Db.HashGetAllAsync(keys.Prefix + "guesses"))).Select(e =>
        {
            var (reply, rater) = SplitPair((string)e.Name!);
            var value = (string)e.Value!;
            var bar = value.IndexOf('|');
            return new AuthorGuess(rater, reply, value[..bar], ParseIso(value[(bar + 1)..]));
        });
        foreach (var row in rows.OrderBy(r => r.Rater, StringComparer.Ordinal).ThenBy(r => r.ReplyId, StringComparer.Ordinal))
        {
            ct.ThrowIfCancellationRequested();
            yield return row;
        }
    }

    /// <summary>"{replyId}|{rater}": a rater key has no bar, so the last one separates them.</summary>
    private static (string Reply, string Rater) SplitPair(string field)
    {
        var bar = field.LastIndexOf('|');
        return (field[..bar], field[(bar + 1)..]);
    }
}
