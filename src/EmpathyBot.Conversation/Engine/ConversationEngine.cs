using EmpathyBot.Conversation.Flows;
using EmpathyBot.Conversation.Messages;
using EmpathyBot.Core.Ports;

namespace EmpathyBot.Conversation.Engine;

/// <summary>Routes a turn to its flow: consent first, then commands, buttons, or the awaited reply.</summary>
public sealed class ConversationEngine(
    Participants participants,
    IParticipantStore consents,
    StateAccessor states,
    ConsentFlow consent,
    RespondFlow respond,
    RateFlow rate,
    PairwiseFlow pairwise,
    RatingCards ratingCards,
    SummaryFlow summary,
    ForgetFlow forget,
    AppraisalFlow appraisal,
    UnderstandingFlow understanding,
    ProtocolGuide protocol,
    ResultsAccess results,
    AuthorGuessFlow guesses,
    CardClock clock) : IConversationEngine
{
    public async Task<TurnResult> HandleAsync(Turn turn, CancellationToken ct = default)
    {
        var participant = participants.KeyOf(turn);
        var command = Commands.Of(turn);

        // Consent and state in one read: a turn without a protocol routes on the state read here.
        var (consented, stored) = await consents.GetConsentAndStateAsync(participant, ct);
        if (consented is null)
        {
            // Nothing is stored before consent: not even state.
            return command switch
            {
                Commands.Consent => await AgreeAsync(turn, participant, ct),
                Commands.Decline => ConsentFlow.Decline(),
                Commands.ForgetMe or Commands.ForgetConfirmed => TurnResult.Of(Message.Text("Nothing is stored about you.")),
                _ => TurnResult.Of(consent.Card()),
            };
        }

        // The state read here serves the turn as it came in; a step the protocol starts after it reads the state again.
        var loaded = StateAccessor.Parse(stored);
        return protocol.Active
            ? await protocol.HandleAsync(turn, participant, loaded.State, t => RouteAsync(t, participant, ct, ReferenceEquals(t, turn) ? loaded : null), ct)
            : await RouteAsync(turn, participant, ct, loaded);
    }

    private async Task<TurnResult> AgreeAsync(Turn turn, string participant, CancellationToken ct)
    {
        var agreed = await consent.AcceptAsync(participant, turn, ct);
        return protocol.Active ? await protocol.BeginAsync(turn, participant, t => RouteAsync(t, participant, ct), ct) : agreed;
    }

    /// <summary>A consented participant's turn, on the free menu (or one step of the protocol, let through by <see cref="ProtocolGuide"/>).</summary>
    /// <param name="loaded">The state as read at the start of this turn; read now when null (a protocol step may have moved it).</param>
    private async Task<TurnResult> RouteAsync(Turn turn, string participant, CancellationToken ct, (ParticipantState State, long Version)? loaded = null)
    {
        var action = turn.Value?.GetValueOrDefault(ActionKeys.Action);
        var command = action ?? Commands.Parse(turn.Text);

        if (turn.Kind == TurnKind.ConversationStart) return TurnResult.Of(Menu.WithMenu("Welcome back! What would you like to do?"));

        var (state, version) = loaded ?? await states.LoadAsync(participant, ct);
        switch (command)
        {
            case Commands.Respond:
                return await AdvanceAsync(respond.StartAsync(participant, ct));
            case Commands.Rate when turn.Value?.ContainsKey(PairwiseFlow.PairKey) == true:
                return await pairwise.SubmitAsync(participant, turn.Value[PairwiseFlow.PairKey], turn.Value.GetValueOrDefault(PairwiseFlow.ChoiceKey), ct);
            case Commands.Rate when turn.Value?.ContainsKey(ActionKeys.Reply) == true:
                return await rate.SubmitAsync(participant, turn.Value[ActionKeys.Reply], turn.Value.GetValueOrDefault(ActionKeys.Rating), ct);
            case Commands.Guess when action is not null:
                return await guesses.SubmitAsync(participant, turn.Value!.GetValueOrDefault(ActionKeys.Reply), turn.Value!.GetValueOrDefault(ActionKeys.Guess), ct);
            case Commands.Rate:
                await ClearAsync(participant, state, version, ct);
                return await ratingCards.NextAsync(participant, ct);
            case Commands.Appraisal when turn.Value?.ContainsKey(AppraisalFlow.StepKey) == true:
                return await AdvanceAsync(appraisal.SubmitAsync(participant, state.Appraisal, turn.Value, null, ct));
            case Commands.Appraisal:
                return await AdvanceAsync(appraisal.StartAsync(ct));
            case Commands.Quiz when turn.Value?.ContainsKey(UnderstandingFlow.ItemKey) == true:
                return await AdvanceAsync(understanding.SubmitAsync(participant, state.Understanding, turn.Value, null, ct));
            case Commands.Quiz:
                return await AdvanceAsync(understanding.StartAsync(ct));
            case Commands.Summary when !await results.ShownToAsync(participant, ct):
                return TurnResult.Of(results.Refusal());
            case Commands.Summary:
                return TurnResult.Of(await summary.RenderAsync(turn.Value?.GetValueOrDefault(ActionKeys.Emotion), ct));
            case Commands.ForgetMe:
                return TurnResult.Of(ForgetFlow.Confirm());
            case Commands.ForgetConfirmed when action is not null:
                return TurnResult.Of(await forget.ForgetAsync(participant, ct));
            case Commands.Keep when action is not null:
                return TurnResult.Of(ForgetFlow.Kept(state != ParticipantState.Idle));
            case Commands.Consent:
                return TurnResult.Of(Menu.WithMenu("You have already agreed to take part. What would you like to do?"));
            case Commands.Decline:
                return ConsentFlow.AfterAgreeing();
            case Commands.Help:
                return TurnResult.Of(Menu.Help());
            case Commands.Menu:
                await ClearAsync(participant, state, version, ct);
                return TurnResult.Of(Menu.WithMenu("What would you like to do?"));
        }

        // Typed text answers whatever the participant is in the middle of.
        if (action is null && state.Appraisal is { } progress) return await AdvanceAsync(appraisal.SubmitAsync(participant, progress, null, turn.Text, ct));
        if (action is null && state.Understanding is { } open) return await AdvanceAsync(understanding.SubmitAsync(participant, open, null, turn.Text, ct));
        if (action is null && state.AwaitingReplyTo is { } promptId) return await AdvanceAsync(respond.SubmitAsync(participant, promptId, turn.Text, ct, turn.Pasted));

        return TurnResult.Of(action is null
            ? Menu.WithMenu("I did not understand that. Type respond, rate, quiz, appraisal, summary, help or forget me, or use a button.")
            : Menu.WithMenu($"That button ({action}) is not one I know. Choose another step.", Tone.Attention));

        // A flow step returns its reply and the participant's next state; the state is saved before the reply goes out.
        // The state and the showing of the card it waits on are written together, so that they share one commit (the
        // showing never depended on the save: a lost race leaves the newer state, and the first showing stands).
        async Task<TurnResult> AdvanceAsync(Task<(TurnResult Result, ParticipantState State)> step)
        {
            var (result, next) = await step;
            await Task.WhenAll(states.SaveAsync(participant, next, version, ct), clock.ShownAsync(participant, next, ct));
            return result;
        }
    }

    private async Task ClearAsync(string participant, ParticipantState state, long version, CancellationToken ct)
    {
        if (state != ParticipantState.Idle) await states.SaveAsync(participant, ParticipantState.Idle, version, ct);
    }
}
