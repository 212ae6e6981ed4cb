using EmpathyBot.Conversation.Flows;
using EmpathyBot.Conversation.Messages;
using EmpathyBot.Core.Ports;
using Microsoft.Extensions.Options;

namespace EmpathyBot.Conversation.Engine;

/// <summary>
/// Leads a consented participant through <see cref="StudyOptions.Protocol"/>: each turn is let through only when it
/// belongs to the current step (or is always allowed: help, forget me, no thanks), buttons for other steps are taken
/// off every card, each card carries the progress line, and when a step's unit is done the next card follows. Where a
/// participant stands is read from their stored records, so it survives restarts and holds across instances.
/// </summary>
public sealed class ProtocolGuide(
    IOptions<StudyOptions> options,
    IOptions<RatingOptions> rating,
    IParticipantActivityStore activities,
    StateAccessor states,
    CompletionFlow completion,
    RespondFlow respond,
    AppraisalFlow appraisal,
    UnderstandingFlow understanding)
{
    private static readonly string[] Anytime = [Commands.Help, Commands.ForgetMe, Commands.ForgetConfirmed, Commands.Keep, Commands.Decline];

    public bool Active => options.Value.HasProtocol;

    /// <summary>Runs a turn of a consented participant; <paramref name="route"/> is the engine's own handling of a turn.</summary>
    /// <param name="state">The participant's state as read at the start of the turn: it holds until a step is routed.</param>
    public async Task<TurnResult> HandleAsync(Turn turn, string participant, ParticipantState state, Func<Turn, Task<TurnResult>> route, CancellationToken ct)
    {
        var command = Commands.Of(turn);
        var (position, done) = await LocateAsync(participant, ct);
        if (command is Commands.ForgetConfirmed) return await route(turn);
        if (command is Commands.Help) return TurnResult.Of(ProtocolHelp.For(options.Value.Protocol, position));
        if (command is not null && Anytime.Contains(command)) return Settle(Restrict(await route(turn), position), position);
        if (position.Complete) return await FinishedAsync(turn, participant, command, done, route, ct);
        if (turn.Kind == TurnKind.ConversationStart || command is Commands.Menu or Commands.Consent)
            return await CurrentCardAsync(turn, participant, state, position, new Paragraph(turn.Kind == TurnKind.ConversationStart
                ? "Welcome back! Here is where you left off."
                : "This study has a fixed order of steps; here is your current one."), route, ct);
        if (command is not null && command != position.Step || command is null && turn.Value?.ContainsKey(ActionKeys.Action) == true)
            return await CurrentCardAsync(turn, participant, state, position, new Paragraph(
                "That is not the next step of this study; the steps come in a fixed order. Please continue here.", Tone.Attention), route, ct);

        if (command is null && turn.Value is null && state == ParticipantState.Idle)
            return await CurrentCardAsync(turn, participant, state, position, new Paragraph(
                "I did not understand that; nothing is waiting for a typed answer. Please continue here.", Tone.Attention), route, ct);

        var result = await route(turn);
        return IsStart(turn, command)
            ? Decorate(Restrict(result, position), position, await IdleAsync(participant, ct))
            : await AfterAnswerAsync(turn, participant, result, route, ct);
    }

    /// <summary>Right after consent: the first step's card follows the thanks.</summary>
    public Task<TurnResult> BeginAsync(Turn turn, string participant, Func<Turn, Task<TurnResult>> route, CancellationToken ct)
    {
        var text = $"Thank you for taking part! The study has {options.Value.Protocol.Count} steps, one after the other. Here is the first.";
        return AfterAnswerAsync(turn, participant, TurnResult.Of(new Message(text, [new Paragraph(text, Tone.Good)], [])), route, ct);
    }

    private async Task<(ProtocolPosition Position, ParticipantActivity Done)> LocateAsync(string participant, CancellationToken ct)
    {
        var done = await activities.GetActivityAsync(participant, ct);
        var unit = string.Equals(rating.Value.Mode, RatingModes.Absolute, StringComparison.OrdinalIgnoreCase) ? "rating" : "card";
        return (ProtocolPosition.Locate(options.Value.Protocol, done) with { RateUnit = unit }, done);
    }

    /// <summary>A plain step button or typed step command starts (or restarts) the step: its answer is the step's card.</summary>
    private static bool IsStart(Turn turn, string? command) =>
        command is not null && (turn.Value is null || turn.Value.Count == 1);

    /// <summary>After an answer: the next card when the unit is done, the completion when the protocol is, else the progress line.</summary>
    private async Task<TurnResult> AfterAnswerAsync(Turn turn, string participant, TurnResult result, Func<Turn, Task<TurnResult>> route, CancellationToken ct)
    {
        var (position, done) = await LocateAsync(participant, ct);
        if (position.Complete) return Append(Restrict(result, position, keepSteps: false), await completion.CompleteAsync(participant, done, ct));
        if (!await IdleAsync(participant, ct)) return Decorate(Restrict(result, position), position, idle: false);
        var started = await route(StartTurn(turn, position));
        var next = Decorate(Restrict(started, position), position, await IdleAsync(participant, ct));
        return new TurnResult([.. Restrict(result, position, keepSteps: false).Replies, .. next.Replies],
            result.ReplaceActionSource is { } source ? Strip(source, position, keepSteps: false) : null);
    }

    private async Task<TurnResult> CurrentCardAsync(Turn turn, string participant, ParticipantState state, ProtocolPosition position,
        Paragraph note, Func<Turn, Task<TurnResult>> route, CancellationToken ct)
    {
        var open = await OpenCardAsync(state, position, ct);
        var card = open is not null ? TurnResult.Of(open) : await route(StartTurn(turn, position));
        var decorated = Decorate(Restrict(card, position), position, open is null && await IdleAsync(participant, ct));
        var last = decorated.Replies[^1];
        return new TurnResult([.. decorated.Replies.SkipLast(1), last with { Summary = note.Text + " " + last.Summary, Blocks = [note, .. last.Blocks] }]);
    }

    /// <summary>The card of a unit the participant has open (a prompt, a feelings-check card, a quiz item), unchanged.</summary>
    private async Task<Message?> OpenCardAsync(ParticipantState state, ProtocolPosition position, CancellationToken ct) =>
        position.Step switch
        {
            Commands.Respond when state.AwaitingReplyTo is { } prompt => await respond.ShowAsync(prompt, ct),
            Commands.Appraisal when state.Appraisal is { } progress => await appraisal.ShowAsync(progress, ct),
            Commands.Quiz when state.Understanding is { } progress => await understanding.ShowAsync(progress, ct),
            _ => null,
        };

    private async Task<TurnResult> FinishedAsync(
        Turn turn, string participant, string? command, ParticipantActivity done, Func<Turn, Task<TurnResult>> route, CancellationToken ct) => command switch
    {
        Commands.Reflect => TurnResult.Of(completion.Reflection()),
        Commands.Summary => Restrict(await route(turn), new ProtocolPosition(0, 0, "", 0, 0), keepSteps: false),
        _ => TurnResult.Of(await completion.CompleteAsync(participant, done, ct)),
    };

    /// <summary>True when nothing is open: no prompt awaits a reply and no card awaits its answers.</summary>
    private async Task<bool> IdleAsync(string participant, CancellationToken ct) =>
        (await states.LoadAsync(participant, ct)).State == ParticipantState.Idle;

    private static Turn StartTurn(Turn turn, ProtocolPosition position) =>
        turn with { Kind = TurnKind.Message, Text = position.Step, Value = null };

    private static TurnResult Restrict(TurnResult result, ProtocolPosition position, bool keepSteps = true) =>
        new(result.Replies.Select(m => Strip(m, position, keepSteps)).ToArray(),
            result.ReplaceActionSource is { } source ? Strip(source, position, keepSteps) : null);

    /// <summary>
    /// Takes off the buttons that would start another step (the free menu's); buttons that carry an answer (a rating,
    /// a card's inputs) stay, and so do those for the current step unless the next card follows anyway.
    /// </summary>
    private static Message Strip(Message message, ProtocolPosition position, bool keepSteps) => message with
    {
        Actions = message.Actions.Where(a => a.Url is not null || a.Data.Count != 1 || !a.Data.TryGetValue(ActionKeys.Action, out var c)
            || Anytime.Contains(c) || keepSteps && c == position.Step).ToArray(),
    };

    /// <summary>
    /// The progress line on top of the last message and, when nothing is open and nothing else offers a way on (no card
    /// to rate right now, say), a button to try the step again.
    /// </summary>
    private static TurnResult Decorate(TurnResult result, ProtocolPosition position, bool idle)
    {
        if (result.Replies.Count == 0 || position.Complete) return result;
        var last = result.Replies[^1];
        var line = position.Line();
        var actions = last.Actions.Count > 0 || !idle ? last.Actions : [MessageAction.Command("Continue", position.Step, ActionStyle.Positive)];
        var marked = last with { Summary = $"{line}. {last.Summary}", Blocks = [new Paragraph(line, Tone.Subtle), .. last.Blocks], Actions = actions };
        return result with { Replies = [.. result.Replies.SkipLast(1), marked] };
    }

    /// <summary>An always-allowed command's answer keeps a way back to the current step.</summary>
    private static TurnResult Settle(TurnResult result, ProtocolPosition position)
    {
        if (result.Replies.Count == 0 || position.Complete || result.Replies[^1].Actions.Count > 0) return result;
        var last = result.Replies[^1];
        return result with { Replies = [.. result.Replies.SkipLast(1), last with { Actions = [MessageAction.Command("Continue", position.Step, ActionStyle.Positive)] }] };
    }

    private static TurnResult Append(TurnResult result, Message message) => result with { Replies = [.. result.Replies, message] };
}
