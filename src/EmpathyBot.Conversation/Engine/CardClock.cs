using EmpathyBot.Core.Integrity;
using EmpathyBot.Core.Ports;

namespace EmpathyBot.Conversation.Engine;

/// <summary>
/// Records when the card a participant is now waiting on was shown: a prompt to reply to, a quiz item, a feelings-check
/// questionnaire. The first showing stands, so a card shown again (after a problem, or on a later visit) keeps its time.
/// </summary>
public sealed class CardClock(ICardTimingStore timings, TimeProvider clock)
{
    public async Task ShownAsync(string participant, ParticipantState state, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (state.AwaitingReplyTo is { } prompt) await timings.CardShownAsync(participant, CardKinds.Reply, prompt, now, ct);
        if (state.Understanding is { } quiz && quiz.Index < quiz.Items.Count) await timings.CardShownAsync(participant, CardKinds.Quiz, QuizItem(quiz), now, ct);
        if (state.Appraisal is { } appraisal) await timings.CardShownAsync(participant, CardKinds.Appraisal, AppraisalItem(appraisal), now, ct);
    }

    public Task AnsweredAsync(string participant, string kind, string item, CancellationToken ct) =>
        timings.CardAnsweredAsync(participant, kind, item, clock.GetUtcNow(), ct);

    /// <summary>The quiz item on the card: the same id as the stored answer.</summary>
    public static string QuizItem(UnderstandingProgress quiz) => $"{quiz.TestId}|{quiz.Index}";

    /// <summary>One questionnaire pass (before or after the situation): the unit one stored appraisal answer covers.</summary>
    public static string AppraisalItem(AppraisalProgress appraisal) => $"{appraisal.PassId ?? "pass"}|{appraisal.Step}";
}
