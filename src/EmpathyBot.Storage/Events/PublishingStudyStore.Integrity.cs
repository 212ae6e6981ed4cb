using EmpathyBot.Core.Integrity;
using EmpathyBot.Core.Ports;
using EmpathyBot.Core.Study;

namespace EmpathyBot.Storage.Events;

public sealed partial class PublishingStudyStore : IIntegrityStore
{
    public async Task<CheckedReply> AddCheckedReplyAsync(Reply reply, ReplyCheck check, CancellationToken ct = default)
    {
        var result = await inner.AddCheckedReplyAsync(reply, check, ct);
        // The write names the prompt's emotion: nothing more is read to announce it.
        if (result.Added) await ReplyAddedAsync(reply, result.Emotion, ct);
        return result;
    }

    public async Task<CheckedRating> AddCheckedRatingAsync(Rating rating, RatingRules rules, CancellationToken ct = default)
    {
        var result = await inner.AddCheckedRatingAsync(rating, rules, ct);
        // The write names the rated reply's emotion and source: nothing more is read to announce it.
        if (result.Outcome == RatingOutcome.Recorded) await RatingRecordedAsync(rating, result.Emotion, result.Source, ct);

        // An exclusion takes a rater's past ratings out of many cells at once.
        if (result.NewlyExcluded) await CountersChangedAsync(ct);
        return result;
    }

    public async Task<AuthorGuessOutcome> RecordAuthorGuessAsync(AuthorGuess guess, CancellationToken ct = default)
    {
        var outcome = await inner.RecordAuthorGuessAsync(guess, ct);
        if (outcome == AuthorGuessOutcome.Recorded) await CountersChangedAsync(ct);
        return outcome;
    }

    public Task<IntegritySnapshot> GetIntegrityAsync(CancellationToken ct = default) => inner.GetIntegrityAsync(ct);

    public IAsyncEnumerable<ReplyCheck> ExportReplyChecksAsync(CancellationToken ct = default) => inner.ExportReplyChecksAsync(ct);

    public IAsyncEnumerable<RatingFlag> ExportRatingFlagsAsync(CancellationToken ct = default) => inner.ExportRatingFlagsAsync(ct);

    public IAsyncEnumerable<AuthorGuess> ExportAuthorGuessesAsync(CancellationToken ct = default) => inner.ExportAuthorGuessesAsync(ct);
}
