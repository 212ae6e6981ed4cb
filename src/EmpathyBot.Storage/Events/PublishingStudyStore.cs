using EmpathyBot.Core.Interchange;
using EmpathyBot.Core.Study;
using EmpathyBot.Core.Summary;
using EmpathyBot.Storage.Abstractions;

namespace EmpathyBot.Storage.Events;

/// <summary>
/// Publishes study events for a store that does not announce its own writes (SQLite). The Redis store
/// publishes inside its scripts instead, atomically with the write and without an extra round trip.
/// </summary>
public sealed partial class PublishingStudyStore(IStudyStore inner, IStudyEvents events, TimeProvider time) : IStudyStore
{
    public IStudyStore Inner => inner;

    public async Task<bool> AddReplyAsync(Reply reply, CancellationToken ct = default)
    {
        var added = await inner.AddReplyAsync(reply, ct);
        if (added)
        {
            var prompt = await inner.GetPromptAsync(reply.PromptId, ct);
            await events.PublishAsync(new StudyEvent(StudyEventKind.ReplyAdded, reply.Id, prompt?.Emotion, reply.Source, null, time.GetUtcNow()), ct);
        }

        return added;
    }

    public async Task<RatingOutcome> AddRatingAsync(Rating rating, CancellationToken ct = default) =>
        await AnnounceAsync(rating, await inner.AddRatingAsync(rating, ct), ct);

    public async Task<RatingOutcome> AddOfferedRatingAsync(Rating rating, CancellationToken ct = default) =>
        await AnnounceAsync(rating, await inner.AddOfferedRatingAsync(rating, ct), ct);

    private async Task<RatingOutcome> AnnounceAsync(Rating rating, RatingOutcome outcome, CancellationToken ct)
    {
        if (outcome == RatingOutcome.Recorded && await inner.GetReplyAsync(rating.ReplyId, ct) is { } reply)
        {
            var prompt = await inner.GetPromptAsync(reply.PromptId, ct);
            await events.PublishAsync(new StudyEvent(StudyEventKind.RatingRecorded, reply.Id, prompt?.Emotion, reply.Source,
                rating.Value.ToWire(), time.GetUtcNow()), ct);
        }

        return outcome;
    }

    public async Task<ImportResult> ImportRatingsAsync(IReadOnlyList<RatingRow> rows, string promptSet, CancellationToken ct = default)
    {
        var result = await inner.ImportRatingsAsync(rows, promptSet, ct);
        if (result.NewRatings + result.NewReplies + result.NewPrompts > 0) await CountersChangedAsync(ct);
        return result;
    }

    public async Task<ForgetResult> ForgetAsync(string participant, CancellationToken ct = default)
    {
        var result = await inner.ForgetAsync(participant, ct);
        if (result.Replies + result.Ratings > 0) await CountersChangedAsync(ct);
        return result;
    }

    private Task CountersChangedAsync(CancellationToken ct) =>
        events.PublishAsync(new StudyEvent(StudyEventKind.CountersChanged, null, null, null, null, time.GetUtcNow()), ct);

    public Task<bool> PingAsync(CancellationToken ct = default) => inner.PingAsync(ct);

    public Task<int> UpsertPromptsAsync(IReadOnlyCollection<StudyPrompt> prompts, CancellationToken ct = default) => inner.UpsertPromptsAsync(prompts, ct);

    public Task<StudyPrompt?> GetPromptAsync(string promptId, CancellationToken ct = default) => inner.GetPromptAsync(promptId, ct);

    public Task<IReadOnlyList<StudyPrompt>> GetPromptsAsync(string set, CancellationToken ct = default) => inner.GetPromptsAsync(set, ct);

    public Task<IReadOnlyDictionary<string, int>> GetPromptSetsAsync(CancellationToken ct = default) => inner.GetPromptSetsAsync(ct);

    public Task<StudyPrompt?> NextPromptToAnswerAsync(string set, string participant, CancellationToken ct = default) =>
        inner.NextPromptToAnswerAsync(set, participant, ct);

    public Task RecordConsentAsync(string participant, DateTimeOffset at, CancellationToken ct = default) => inner.RecordConsentAsync(participant, at, ct);

    public Task<DateTimeOffset?> GetConsentAsync(string participant, CancellationToken ct = default) => inner.GetConsentAsync(participant, ct);

    public Task<Reply?> GetReplyAsync(string replyId, CancellationToken ct = default) => inner.GetReplyAsync(replyId, ct);

    public Task<IReadOnlyList<Reply>> GetRepliesForPromptAsync(string promptId, CancellationToken ct = default) => inner.GetRepliesForPromptAsync(promptId, ct);

    public Task<Reply?> FindReplyByCacheKeyAsync(string cacheKey, CancellationToken ct = default) => inner.FindReplyByCacheKeyAsync(cacheKey, ct);

    public Task<IReadOnlyList<string>> PromptsWithoutReplyFromAsync(string set, string source, CancellationToken ct = default) =>
        inner.PromptsWithoutReplyFromAsync(set, source, ct);

    public Task RecordModelFailureAsync(ModelFailure failure, CancellationToken ct = default) => inner.RecordModelFailureAsync(failure, ct);

    public Task<IReadOnlyList<ModelFailure>> GetModelFailuresAsync(string source, CancellationToken ct = default) => inner.GetModelFailuresAsync(source, ct);

    public Task<Reply?> NextReplyToRateAsync(string rater, int targetPerReply, string? goldId = null, CancellationToken ct = default) =>
        inner.NextReplyToRateAsync(rater, targetPerReply, goldId, ct);

    public Task<RatingOfferKind?> GetOfferAsync(string rater, string itemId, CancellationToken ct = default) => inner.GetOfferAsync(rater, itemId, ct);

    public Task<IReadOnlyList<CounterRow>> GetCountersAsync(CancellationToken ct = default) => inner.GetCountersAsync(ct);

    public IAsyncEnumerable<RatingRow> ExportRatingsAsync(CancellationToken ct = default) => inner.ExportRatingsAsync(ct);

    public Task<VersionedState?> GetStateAsync(string key, CancellationToken ct = default) => inner.GetStateAsync(key, ct);

    public Task<bool> TrySaveStateAsync(string key, string json, long expectedVersion, CancellationToken ct = default) =>
        inner.TrySaveStateAsync(key, json, expectedVersion, ct);

    public Task DeleteStateAsync(string key, CancellationToken ct = default) => inner.DeleteStateAsync(key, ct);

    public Task<bool> TryClaimAsync(string key, TimeSpan ttl, CancellationToken ct = default) => inner.TryClaimAsync(key, ttl, ct);
}
