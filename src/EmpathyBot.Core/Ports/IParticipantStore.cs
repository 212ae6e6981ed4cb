namespace EmpathyBot.Core.Ports;

/// <summary>What a withdrawal deleted, one member per kind of record, so the participant can be told all of it.</summary>
/// <param name="Replies">Replies the participant wrote (in the pool or excluded).</param>
/// <param name="Ratings">Ratings the participant gave.</param>
/// <param name="Consent">True when a consent record was deleted.</param>
/// <param name="RatingsOfTheirReplies">Ratings other people gave the participant's replies.</param>
/// <param name="ConversationState">True when the participant's conversation state (where they were in a flow) was deleted.</param>
/// <param name="UnderstandingAnswers">Answers to understanding (quiz) items.</param>
/// <param name="UnderstandingTests">Completed understanding tests (quiz scores).</param>
/// <param name="AppraisalAnswers">Completed appraisal (feelings check) answer sets.</param>
/// <param name="AttentionChecks">Answered attention checks.</param>
/// <param name="ParticipantRecord">True when their participant record (the recruiting panel's ids they arrived with, their completion time and code) was deleted.</param>
/// <param name="Battles">Pairwise verdicts the participant gave (their open pair cards and every battle of their replies go too).</param>
/// <param name="BattlesOfTheirReplies">Pairwise verdicts other raters gave on pairs showing one of the participant's replies.</param>
/// <param name="CardTimings">Cards shown to the participant whose showing (and answering) time was stored.</param>
/// <param name="ReplyChecks">Integrity checks stored with the participant's replies (speed, paste, nearest duplicate).</param>
/// <param name="AuthorGuesses">The participant's guesses of who wrote a reply they rated.</param>
public sealed record ForgetResult(
    int Replies,
    int Ratings,
    bool Consent,
    int RatingsOfTheirReplies,
    bool ConversationState,
    int UnderstandingAnswers,
    int UnderstandingTests,
    int AppraisalAnswers,
    int AttentionChecks,
    bool ParticipantRecord = false,
    int Battles = 0,
    int BattlesOfTheirReplies = 0,
    int CardTimings = 0,
    int ReplyChecks = 0,
    int AuthorGuesses = 0)
{
    public static readonly ForgetResult Nothing = new(0, 0, false, 0, false, 0, 0, 0, 0);
}

/// <summary>A participant as the study knows them: the pseudonymous key and when they consented.</summary>
public sealed record ParticipantConsent(string Participant, DateTimeOffset ConsentedAt);

public interface IParticipantStore
{
    /// <summary>Every consent record, ordered by participant key, streamed for the full export.</summary>
    IAsyncEnumerable<ParticipantConsent> ExportConsentsAsync(CancellationToken ct = default);

    Task RecordConsentAsync(string participant, DateTimeOffset at, CancellationToken ct = default);

    Task<DateTimeOffset?> GetConsentAsync(string participant, CancellationToken ct = default);

    /// <summary>
    /// The consent time and the conversation state stored under the participant's key, read together: every turn
    /// needs both, so one read (one round trip) instead of two.
    /// </summary>
    Task<(DateTimeOffset? ConsentedAt, VersionedState? State)> GetConsentAndStateAsync(string participant, CancellationToken ct = default);

    /// <summary>
    /// Deletes every record of the participant in one atomic step (replies and every rating of them, their ratings,
    /// consent, conversation state, understanding answers and tests, appraisal answers, attention checks), corrects
    /// every counter those records fed, and reports how many of each kind went.
    /// </summary>
    Task<ForgetResult> ForgetAsync(string participant, CancellationToken ct = default);
}
