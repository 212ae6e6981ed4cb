using System.Runtime.CompilerServices;
using EmpathyBot.Core.Appraisal;
using EmpathyBot.Core.Ports;
using EmpathyBot.Core.Study;
using EmpathyBot.Core.Summary;

namespace EmpathyBot.Cli.Export;

/// <summary>
/// Every table of the study as the export writes it, each streamed from its store port. The participants table
/// comes last: it is built from what the tables before it saw.
/// </summary>
public sealed class StudyTables(
    IPromptStore prompts,
    IReplyStore replies,
    IRatingStore ratings,
    IQualityStore quality,
    IParticipantStore participants,
    IUnderstandingStore understanding,
    IAppraisalStore appraisal,
    ISourceAssignmentStore assignments,
    IParticipantRecordStore records,
    IBattleStore battles)
{
    private const string Who = "Pseudonymous participant key (a keyed hash of channel and user id; never the raw id), or a rater name from an imported file";
    private const string WhoOrContender = "Pseudonymous participant key for people; empty for contenders";

    public IReadOnlyList<ExportTable> All()
    {
        var activity = new ParticipantActivity();
        return
        [
            Prompts(), Replies(activity), Ratings(activity), Offers(activity), SourceAssignments(), AttentionChecks(activity),
            UnderstandingAnswers(activity), UnderstandingTests(activity), AppraisalAnswers(activity), Battles(activity), Participants(activity),
        ];
    }

    private static TableField F(string name, FieldType type, string description) => new(name, type, description);

    private ExportTable Prompts() => new("prompts", "Situations and utterances participants and contenders reply to",
        [
            F("id", FieldType.String, "Prompt id"),
            F("set", FieldType.String, "Prompt set the prompt belongs to"),
            F("emotion", FieldType.String, "Emotion label of the situation (never shown to participants)"),
            F("valence", FieldType.String, "positive or negative, from the emotion; empty for an unknown emotion"),
            F("situation", FieldType.String, "The situation described"),
            F("utterance", FieldType.String, "What the speaker says, the text participants reply to"),
        ],
        ["id"],
        ct => ExportTable.Map(prompts.ExportPromptsAsync(ct), p => [p.Id, p.Set, p.Emotion, ValenceOf(p.Emotion), p.Situation, p.Utterance], ct));

    private ExportTable Replies(ParticipantActivity activity) => new("replies", "Every reply, rated or not, by people and contenders, in the pool or excluded",
        [
            F("id", FieldType.String, "Reply id"),
            F("prompt_id", FieldType.String, "Prompt the reply answers"),
            F("source", FieldType.String, "human for people, else the contender's name"),
            F("text", FieldType.String, "The reply"),
            F("words", FieldType.Integer, "Whitespace-separated words in the reply"),
            F("author", FieldType.String, "Participant key of a person's reply; empty for contenders and imported replies"),
            F("created_at", FieldType.DateTime, "When the reply was stored (UTC)"),
            F("in_pool", FieldType.Boolean, "True when raters can be shown the reply"),
            F("excluded_reason", FieldType.String, "Why the reply is kept out of the rating pool; empty when it is in the pool"),
            F("model_name", FieldType.String, "Model that wrote a contender's reply"),
            F("template_hash", FieldType.String, "Hash of the prompt template the contender used"),
            F("cache_key", FieldType.String, "Reply cache key (model, template, prompt)"),
            F("latency_ms", FieldType.Number, "How long the model took, in milliseconds"),
            F("prompt_tokens", FieldType.Integer, "Tokens the model read"),
            F("completion_tokens", FieldType.Integer, "Tokens the model wrote"),
            F("finish_reason", FieldType.String, "Why the model stopped"),
        ],
        ["id"],
        ct => ExportTable.Map(replies.ExportRepliesAsync(ct), r =>
        {
            activity.Saw(r.Author, "replies", r.CreatedAt);
            var m = r.Model;
            return [r.Id, r.PromptId, r.Source, r.Text, (long)WordCount.Of(r.Text), r.Author, r.CreatedAt, r.InPool, r.ExcludedReason,
                m?.ModelName, m?.TemplateHash, m?.CacheKey, m?.LatencyMs, (long?)m?.PromptTokens, (long?)m?.CompletionTokens, m?.FinishReason];
        }, ct));

    private ExportTable Ratings(ParticipantActivity activity) => new("ratings", "Every rating a rater gave a reply",
        [
            F("reply_id", FieldType.String, "Rated reply"),
            F("prompt_id", FieldType.String, "Prompt of the rated reply"),
            F("source", FieldType.String, "Source of the rated reply (human or a contender)"),
            F("rater", FieldType.String, Who),
            F("rating", FieldType.String, "good, okay or bad"),
            F("rating_score", FieldType.Integer, "The rating as an ordinal score: bad 1, okay 2, good 3"),
            F("at", FieldType.DateTime, "When the rating was given (UTC)"),
            F("rater_excluded", FieldType.Boolean, "True when the rater is excluded (failed attention checks or straight-lining): their ratings do not count"),
        ],
        ["reply_id", "rater"],
        ct => ExportTable.Map(quality.ExportRatingRecordsAsync(ct), r =>
        {
            activity.Saw(r.Rater, "ratings", r.At);
            return [r.Reply.Id, r.Prompt.Id, r.Reply.Source, r.Rater, r.Value.ToWire(), (long)r.Value, r.At, r.RaterExcluded];
        }, ct));

    private ExportTable Offers(ParticipantActivity activity) => new("rating_offers", "What the bot put on each rater's rating cards",
        [
            F("rater", FieldType.String, Who),
            F("item_id", FieldType.String, "The reply id, or the gold item id of an attention check"),
            F("kind", FieldType.String, "reply, or gold for an attention check shown instead"),
        ],
        ["rater", "item_id"],
        ct => ExportTable.Map(ratings.ExportRatingOffersAsync(ct), o =>
        {
            activity.Saw(o.Rater, "rating_offers", null);
            return [o.Rater, o.ItemId, o.Kind == RatingOfferKind.Gold ? "gold" : "reply"];
        }, ct));

    private ExportTable SourceAssignments() => new("source_assignments",
        "Between-subjects rating (Rating:Design = betweenSubjects): the one source each rater was assigned and only ever offered",
        [
            F("rater", FieldType.String, Who),
            F("source", FieldType.String, "human for people's replies, else the contender's name"),
            F("assigned_at", FieldType.DateTime, "When the rater was assigned, with their first rating card (UTC)"),
        ],
        ["rater"],
        ct => ExportTable.Map(assignments.ExportSourceAssignmentsAsync(ct), a => [a.Rater, a.Source, a.At], ct));

    private ExportTable AttentionChecks(ParticipantActivity activity) => new("attention_checks", "Raters' answers to gold items (off-topic replies that should be rated bad)",
        [
            F("rater", FieldType.String, Who),
            F("check_id", FieldType.String, "Gold item id"),
            F("passed", FieldType.Boolean, "True when the rater rated the gold item bad"),
            F("at", FieldType.DateTime, "When the answer was given (UTC)"),
        ],
        ["rater", "check_id"],
        ct => ExportTable.Map(quality.ExportAttentionChecksAsync(ct), c =>
        {
            activity.Saw(c.Rater, "attention_checks", c.At);
            return [c.Rater, c.CheckId, c.Passed, c.At];
        }, ct));

    private ExportTable UnderstandingAnswers(ParticipantActivity activity) => new("understanding_answers", "Answers to emotion-understanding (quiz) items, by people and contenders",
        [
            F("id", FieldType.String, "Answer id"),
            F("source", FieldType.String, "human for people, else the contender's name"),
            F("participant", FieldType.String, WhoOrContender),
            F("set", FieldType.String, "Item set"),
            F("item_id", FieldType.String, "Item"),
            F("value_1", FieldType.Number, "Points (allocation) or rating (intensity) of option 1; empty when the answer was not usable"),
            F("value_2", FieldType.Number, "Points or rating of option 2"),
            F("value_3", FieldType.Number, "Points or rating of option 3"),
            F("value_4", FieldType.Number, "Points or rating of option 4"),
            F("score", FieldType.Number, "Distance to the standard (allocation) or EQ-Bench question score (intensity); empty when not scoreable"),
            F("at", FieldType.DateTime, "When the answer was given (UTC)"),
        ],
        ["id"],
        ct => ExportTable.Map(understanding.ExportUnderstandingAnswersAsync(ct), a =>
        {
            if (a.Values.Count > 4) throw new InvalidOperationException($"Understanding answer '{a.Id}' has {a.Values.Count} values; the export has columns for 4.");
            activity.Saw(a.Participant, "understanding_answers", a.At);
            return [a.Id, a.Source, a.Participant, a.Set, a.ItemId, .. Enumerable.Range(0, 4).Select(i => i < a.Values.Count ? (object?)a.Values[i] : null), a.Score, a.At];
        }, ct));

    private ExportTable UnderstandingTests(ParticipantActivity activity) => new("understanding_tests", "Completed emotion-understanding tests (quiz scores)",
        [
            F("id", FieldType.String, "Test id"),
            F("source", FieldType.String, "human for people, else the contender's name"),
            F("participant", FieldType.String, WhoOrContender),
            F("set", FieldType.String, "Item set"),
            F("items", FieldType.Integer, "Items answered"),
            F("score", FieldType.Number, "Test score"),
            F("at", FieldType.DateTime, "When the test was completed (UTC)"),
        ],
        ["id"],
        ct => ExportTable.Map(understanding.ExportUnderstandingTestsAsync(ct), t =>
        {
            activity.Saw(t.Participant, "understanding_tests", t.At);
            return [t.Id, t.Source, t.Participant, t.Set, (long)t.Items, t.Score, t.At];
        }, ct));

    private ExportTable AppraisalAnswers(ParticipantActivity activity) => new("appraisal_answers", "Completed PANAS answer sets (feelings checks), by people and contenders",
        [
            F("id", FieldType.String, "Answer set id"),
            F("source", FieldType.String, "human for people, else the contender's name"),
            F("participant", FieldType.String, WhoOrContender),
            F("condition", FieldType.String, "default (no situation) or evoked (after a situation)"),
            F("emotion", FieldType.String, "Emotion of the situation; empty for a default answer"),
            F("factor", FieldType.String, "Situation factor"),
            F("situation_set", FieldType.String, "Situation set"),
            F("situation_id", FieldType.String, "Situation"),
            F("pa", FieldType.Integer, "Positive affect: sum of the ten positive items"),
            F("na", FieldType.Integer, "Negative affect: sum of the ten negative items"),
            .. Enumerable.Range(1, PanasScale.ItemCount).Select(n => F($"item_{n:00}", FieldType.Integer, $"Answer to PANAS item {n} in the standard order (1-5)")),
            F("at", FieldType.DateTime, "When the answers were given (UTC)"),
        ],
        ["id"],
        ct => ExportTable.Map(appraisal.ExportAppraisalAnswersAsync(ct), a =>
        {
            if (a.Items.Count != PanasScale.ItemCount) throw new InvalidOperationException($"Appraisal answer '{a.Id}' has {a.Items.Count} items, not {PanasScale.ItemCount}.");
            activity.Saw(a.Participant, "appraisal_answers", a.At);
            return [a.Id, a.Source, a.Participant, a.Condition, a.Emotion, a.Factor, a.SituationSet, a.SituationId,
                (long)a.Score.Pa, (long)a.Score.Na, .. a.Items.Select(i => (object?)(long)i), a.At];
        }, ct));

    private ExportTable Battles(ParticipantActivity activity) => new("battles", "Every answered side-by-side comparison of two replies to one prompt",
        [
            F("battle_id", FieldType.String, "Battle id (the pair card's id)"),
            F("prompt_id", FieldType.String, "Prompt both replies answer"),
            F("source_a", FieldType.String, "Source of reply A (the source that sorts first)"),
            F("response_a_id", FieldType.String, "Reply A"),
            F("source_b", FieldType.String, "Source of reply B"),
            F("response_b_id", FieldType.String, "Reply B"),
            F("winner", FieldType.String, "a, b, tie or both_bad"),
            F("shown_left", FieldType.String, "a or b: the reply shown on the left (first) of the card; empty for an imported battle"),
            F("rater", FieldType.String, Who),
            F("offered_at", FieldType.DateTime, "When the card was shown (UTC); empty for an imported battle"),
            F("answered_at", FieldType.DateTime, "When the verdict was given, or imported (UTC)"),
            F("rater_excluded", FieldType.Boolean, "True when the rater is excluded (failed attention checks or straight-lining): their battles do not count"),
            F("too_fast", FieldType.Boolean, "True when the verdict came sooner than Rating:MinSecondsPerCard after the card was shown: stored, not counted"),
        ],
        ["battle_id"],
        ct => ExportTable.Map(battles.ExportBattlesAsync(ct), b =>
        {
            activity.Saw(b.Rater, "battles", b.AnsweredAt);
            return [b.Id, b.Prompt.Id, b.A.Source, b.A.Id, b.B.Source, b.B.Id, b.Winner.ToWire(),
                b.Left switch { BattleSide.A => "a", BattleSide.B => "b", _ => null }, b.Rater, b.OfferedAt, b.AnsweredAt, b.RaterExcluded, b.TooFast];
        }, ct));

    private ExportTable Participants(ParticipantActivity activity) => new("participants",
        "Everyone who consented or left a record: consent time, first and last activity, and how many records of each kind",
        [
            F("participant", FieldType.String, Who),
            F("consented_at", FieldType.DateTime, "When they consented (UTC); empty when no consent is stored (e.g. raters of an imported file)"),
            F("first_activity_at", FieldType.DateTime, "Their first timed record (UTC)"),
            F("last_activity_at", FieldType.DateTime, "Their last timed record (UTC): when they were last seen completing something"),
            .. ParticipantActivity.Kinds.Select(k => F(k, FieldType.Integer, $"Rows of the {k} table that are theirs")),
            F("channel", FieldType.String, "The channel they consented on (webchat, msteams, slack); empty when unknown"),
            F("external_id", FieldType.String, "The recruiting panel's id of the person from the study link (PROLIFIC_PID or pid); a label, never checked"),
            F("study_id", FieldType.String, "The panel's study id from the study link (STUDY_ID)"),
            F("session_id", FieldType.String, "The panel's session id from the study link (SESSION_ID)"),
            F("completed_at", FieldType.DateTime, "When they finished the protocol and got the completion code (UTC); empty when not finished"),
            F("completion_code", FieldType.String, "The completion code they were given"),
        ],
        ["participant"],
        ct => ParticipantRows(activity, ct));

    private async IAsyncEnumerable<object?[]> ParticipantRows(ParticipantActivity activity, [EnumeratorCancellation] CancellationToken ct)
    {
        if (records is null)
        {
            await foreach (var consent in participants.ExportConsentsAsync(ct)) activity.Consented(consent.Participant, consent.ConsentedAt);
        }
        else
        {
            await foreach (var record in records.ExportParticipantRecordsAsync(ct)) activity.Enrolled(record);
        }

        foreach (var row in activity.Rows()) yield return row;
    }

    private static string? ValenceOf(string emotion) =>
        Emotions.TryGet(emotion, out var e) ? e.Valence.ToString().ToLowerInvariant() : null;
}
