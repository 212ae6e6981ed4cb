using System.Runtime.CompilerServices;
using EmpathyBot.Core.Ports;

namespace EmpathyBot.Cli.Export;

/// <summary>The integrity tables of the export: card timings, reply checks, flagged ratings and author guesses.</summary>
public sealed class IntegrityTables(ICardTimingStore timings, IIntegrityStore integrity)
{
    private const string Who = "Pseudonymous participant key (a keyed hash of channel and user id; never the raw id)";

    public IReadOnlyList<ExportTable> All() => [CardTimings(), ReplyChecks(), RatingFlags(), AuthorGuesses()];

    private static TableField F(string name, FieldType type, string description) => new(name, type, description);

    private ExportTable CardTimings() => new("card_timings", "When each card was first shown to a participant and when they answered it",
        [
            F("participant", FieldType.String, Who),
            F("kind", FieldType.String, "reply (a prompt to reply to), rating, quiz or appraisal (one feelings-check questionnaire)"),
            F("item_id", FieldType.String, "Prompt id (reply), reply or gold item id (rating), answer id (quiz), pass and step (appraisal)"),
            F("shown_at", FieldType.DateTime, "When the card was first shown (UTC)"),
            F("answered_at", FieldType.DateTime, "When the card was answered (UTC); empty while unanswered"),
            F("seconds", FieldType.Number, "From shown to answered, in seconds; empty while unanswered"),
        ],
        ["participant", "kind", "item_id"],
        ct => ExportTable.Map(timings.ExportCardTimingsAsync(ct), t => [t.Participant, t.Kind, t.ItemId, t.ShownAt, t.AnsweredAt,
            t.AnsweredAt is { } a ? (a - t.ShownAt).TotalSeconds : null], ct));

    private ExportTable ReplyChecks() => new("reply_checks", "What was measured about each person's reply when it arrived",
        [
            F("reply_id", FieldType.String, "Reply id"),
            F("participant", FieldType.String, Who),
            F("prompt_id", FieldType.String, "Prompt the reply answers"),
            F("shown_at", FieldType.DateTime, "When the prompt was first shown (UTC); empty when unknown"),
            F("received_at", FieldType.DateTime, "When the reply arrived (UTC)"),
            F("seconds", FieldType.Number, "From prompt shown to reply received, in seconds"),
            F("chars_per_second", FieldType.Number, "Characters of the reply over those seconds"),
            F("pasted", FieldType.Boolean, "True when the web chat reported text pasted into its send box (self-reported by the client)"),
            F("similarity", FieldType.Number, "Highest word 3-gram Jaccard similarity to another reply to the same prompt"),
            F("similar_to", FieldType.String, "The reply with that similarity; empty when there was none to compare"),
            F("flags", FieldType.String, "Integrity flags, space-separated: duplicate, pasted, tooFast; empty when none"),
        ],
        ["reply_id"],
        ct => ExportTable.Map(integrity.ExportReplyChecksAsync(ct), c => [c.ReplyId, c.Participant, c.PromptId, c.ShownAt, c.ReceivedAt, c.Seconds,
            c.CharsPerSecond, c.Pasted, c.Similarity, c.SimilarTo, string.Join(' ', c.Flags)], ct));

    private ExportTable RatingFlags() => new("rating_flags", "Ratings that are stored but do not count, and why",
        [
            F("reply_id", FieldType.String, "Rated reply"),
            F("rater", FieldType.String, Who),
            F("flag", FieldType.String, "tooFast: given sooner than Rating:MinSecondsPerCard after the card was shown"),
            F("seconds", FieldType.Number, "From the card shown to the rating, in seconds"),
        ],
        ["reply_id", "rater"],
        ct => ExportTable.Map(integrity.ExportRatingFlagsAsync(ct), f => [f.ReplyId, f.Rater, f.Flag, f.Seconds], ct));

    private ExportTable AuthorGuesses() => new("author_guesses", "Raters' guesses of who wrote a reply they had just rated",
        [
            F("rater", FieldType.String, Who),
            F("reply_id", FieldType.String, "The rated reply"),
            F("guess", FieldType.String, "person, ai or unsure"),
            F("at", FieldType.DateTime, "When the guess was given (UTC)"),
        ],
        ["rater", "reply_id"],
        ct => ExportTable.Map(integrity.ExportAuthorGuessesAsync(ct), g => [g.Rater, g.ReplyId, g.Guess, g.At], ct));
}
