using EmpathyBot.Core.Integrity;
using EmpathyBot.Core.Interchange;
using EmpathyBot.Core.Study;
using EmpathyBot.Core.Summary;
using EmpathyBot.Core.Ports;

namespace EmpathyBot.Storage.Events;

/// <summary>
/// Publishes study events for a store that does not announce its own writes (SQLite): it stands in only for the
/// ports whose writes change the live summary. The Redis store publishes inside its scripts instead, atomically
/// with the write and without an extra round trip.
/// </summary>
public sealed partial class PublishingStudyStore(IStudyStore inner, IStudyEvents events, TimeProvider time)
    : IReplyStore, IRatingStore, IParticipantStore, IQualityStore, IBattleStore
{
    public async Task<bool> AddReplyAsync(Reply reply, CancellationToken ct = default) =>
        await AnnounceAsync(reply, await inner.AddReplyAsync(reply, ct), ct);

    /// <summary>Announces a reply the write did not label: its prompt is read for the event.</summary>
    private async Task<bool> AnnounceAsync(Reply reply, bool added, CancellationToken ct)
    {
        if (added) await ReplyAddedAsync(reply, (await inner.GetPromptAsync(reply.PromptId, ct))?.Emotion, ct);
        return added;
    }

    private Task ReplyAddedAsync(Reply reply, string? emotion, CancellationToken ct) =>
        events.PublishAsync(new StudyEvent(StudyEventKind.ReplyAdded, reply.Id, emotion, reply.Source, null, time.GetUtcNow()), ct);

    public async Task<RatingOutcome> AddRatingAsync(Rating rating, CancellationToken ct = default) =>
        await AnnounceAsync(rating, await inner.AddRatingAsync(rating, ct), ct);

    public async Task<RatingOutcome> AddOfferedRatingAsync(Rating rating, CancellationToken ct = default) =>
        await AnnounceAsync(rating, await inner.AddOfferedRatingAsync(rating, ct), ct);

    /// <summary>Announces a rating the write did not label: its reply and prompt are read for the event.</summary>
    private async Task<RatingOutcome> AnnounceAsync(Rating rating, RatingOutcome outcome, CancellationToken ct)
    {
        if (outcome == RatingOutcome.Recorded && await inner.GetReplyAsync(rating.ReplyId, ct) is { } reply)
        {
            await RatingRecordedAsync(rating, (await inner.GetPromptAsync(reply.PromptId, ct))?.Emotion, reply.Source, ct);
        }

        return outcome;
    }

    private Task RatingRecordedAsync(Rating rating, string? emotion, string? source, CancellationToken ct) =>
        events.PublishAsync(new StudyEvent(StudyEventKind.RatingRecorded, rating.ReplyId, emotion, source, rating.Value.ToWire(), time.GetUtcNow()), ct);

    public async Task<ImportResult> ImportRatingsAsync(IReadOnlyList<RatingRow> rows, string promptSet, CancellationToken ct = default)
    {
        var result = await inner.ImportRatingsAsync(rows, promptSet, ct);
        if (result.NewRatings + result.NewReplies + result.NewPrompts > 0) await CountersChangedAsync(ct);
        return result;
    }

    public async Task<ForgetResult> ForgetAsync(string participant, CancellationToken ct = default)
    {
        var result = await inner.ForgetAsync(participant, ct);
        if (result.Replies + result.Ratings + result.Battles > 0) await CountersChangedAsync(ct);
        return result;
    }

    private Task CountersChangedAsync(CancellationToken ct) =>
        events.PublishAsync(new StudyEvent(StudyEventKind.CountersChanged, null, null, null, null, time.GetUtcNow()), ct);

    public Task RecordConsentAsync(string participant, DateTimeOffset at, CancellationToken ct = default) => inner.RecordConsentAsync(participant, at, ct);

    public Task<DateTimeOffset?> GetConsentAsync(string participant, CancellationToken ct = default) => inner.GetConsentAsync(participant, ct);

    public Task<(DateTimeOffset? ConsentedAt, VersionedState? State)> GetConsentAndStateAsync(string participant, CancellationToken ct = default) =>
        inner.GetConsentAndStateAsync(participant, ct);

    public Task<Reply?> GetReplyAsync(string replyId, CancellationToken ct = default) => inner.GetReplyAsync(replyId, ct);

    public Task<IReadOnlyList<ReplyKey>> GetReplyKeysForPromptAsync(string promptId, CancellationToken ct = default) => inner.GetReplyKeysForPromptAsync(promptId, ct);

    public Task<Reply?> FindReplyByCacheKeyAsync(string cacheKey, CancellationToken ct = default) => inner.FindReplyByCacheKeyAsync(cacheKey, ct);

    public Task<IReadOnlyList<string>> PromptsWithoutReplyFromAsync(string set, string source, CancellationToken ct = default) =>
        inner.PromptsWithoutReplyFromAsync(set, source, ct);

    public Task RecordModelFailureAsync(ModelFailure failure, CancellationToken ct = default) => inner.RecordModelFailureAsync(failure, ct);

    public Task<IReadOnlyList<ModelFailure>> GetModelFailuresAsync(string source, CancellationToken ct = default) => inner.GetModelFailuresAsync(source, ct);

    public Task<Reply?> NextReplyToRateAsync(string rater, int targetPerReply, string? goldId = null, DateTimeOffset? shownAt = null, CancellationToken ct = default) =>
        inner.NextReplyToRateAsync(rater, targetPerReply, goldId, shownAt, ct);

    public Task<RatingOfferKind?> GetOfferAsync(string rater, string itemId, CancellationToken ct = default) => inner.GetOfferAsync(rater, itemId, ct);

    public Task<IReadOnlyList<CounterRow>> GetCountersAsync(CancellationToken ct = default) => inner.GetCountersAsync(ct);

    public IAsyncEnumerable<RatingRow> ExportRatingsAsync(CancellationToken ct = default) => inner.ExportRatingsAsync(ct);

    public async Task<AttentionCheckOutcome> RecordAttentionCheckAsync(AttentionCheck check, int failuresToExclude, CancellationToken ct = default)
    {
        var outcome = await inner.RecordAttentionCheckAsync(check, failuresToExclude, ct);
        // An exclusion takes a rater's past ratings out of many cells at once.
        if (outcome.NewlyExcluded) await CountersChangedAsync(ct);
        return outcome;
    }

    public Task<RaterQuality> GetRaterQualityAsync(string rater, CancellationToken ct = default) => inner.GetRaterQualityAsync(rater, ct);

    public Task<QualitySnapshot> GetQualityAsync(CancellationToken ct = default) => inner.GetQualityAsync(ct);

    public IAsyncEnumerable<RatingRecord> ExportRatingRecordsAsync(CancellationToken ct = default) => inner.ExportRatingRecordsAsync(ct);

    public IAsyncEnumerable<Reply> ExportRepliesAsync(CancellationToken ct = default) => inner.ExportRepliesAsync(ct);

    public IAsyncEnumerable<RatingOffer> ExportRatingOffersAsync(CancellationToken ct = default) => inner.ExportRatingOffersAsync(ct);

    public IAsyncEnumerable<ParticipantConsent> ExportConsentsAsync(CancellationToken ct = default) => inner.ExportConsentsAsync(ct);

    public IAsyncEnumerable<AttentionCheck> ExportAttentionChecksAsync(CancellationToken ct = default) => inner.ExportAttentionChecksAsync(ct);

    public Task<PairCard?> NextPairAsync(string rater, string? goldId = null, CancellationToken ct = default) => inner.NextPairAsync(rater, goldId, ct);

    public async Task<PairAnswer> AnswerPairAsync(
        string rater, string cardId, PairChoice choice, DateTimeOffset at, RatingRules? rules = null, CancellationToken ct = default)
    {
        var answer = await inner.AnswerPairAsync(rater, cardId, choice, at, rules, ct);
        if (answer.Outcome == PairAnswerOutcome.Recorded && answer.Offer?.Gold is null) await CountersChangedAsync(ct);
        return answer;
    }

    public Task<long> CountAnsweredPairsAsync(string rater, CancellationToken ct = default) => inner.CountAnsweredPairsAsync(rater, ct);

    public IAsyncEnumerable<BattleRecord> ExportBattlesAsync(CancellationToken ct = default) => inner.ExportBattlesAsync(ct);

    public async Task<BattleImportResult> ImportBattlesAsync(IReadOnlyList<BattleRow> rows, string promptSet, CancellationToken ct = default)
    {
        var result = await inner.ImportBattlesAsync(rows, promptSet, ct);
        if (result.NewBattles + result.NewReplies + result.NewPrompts > 0) await CountersChangedAsync(ct);
        return result;
    }
}
