using EmpathyBot.Conversation.Engine;
using EmpathyBot.Conversation.Integrity;
using EmpathyBot.Conversation.Messages;
using EmpathyBot.Core.Study;
using EmpathyBot.Core.Ports;
using EmpathyBot.Core.Text;
using Microsoft.Extensions.Options;

namespace EmpathyBot.Conversation.Flows;

/// <summary>Shows a prompt (emotion hidden) and takes the participant's own empathetic reply.</summary>
public sealed class RespondFlow(
    IPromptStore prompts,
    IReplyScheduler scheduler,
    IOptions<StudyOptions> options,
    TimeProvider clock,
    ReplyChecks checks)
{
    public async Task<(TurnResult Result, ParticipantState State)> StartAsync(string participant, CancellationToken ct)
    {
        var prompt = await prompts.NextPromptToAnswerAsync(options.Value.PromptSet, participant, ct);
        if (prompt is null)
        {
            return (TurnResult.Of(Menu.WithMenu("You have answered every prompt in this study. Thank you! You can still rate replies.")),
                ParticipantState.Idle);
        }

        // Contenders answer the same prompt in the background; this turn never waits for them.
        scheduler.Schedule(prompt);
        return (TurnResult.Of(PromptCard(prompt, null)), new ParticipantState(AwaitingReplyTo: prompt.Id));
    }

    /// <summary>The open prompt's card again, unchanged; null when the prompt has left the study.</summary>
    public async Task<Message?> ShowAsync(string promptId, CancellationToken ct) =>
        await prompts.GetPromptAsync(promptId, ct) is { } prompt ? PromptCard(prompt, null) : null;

    public async Task<(TurnResult Result, ParticipantState State)> SubmitAsync(
        string participant, string promptId, string? text, CancellationToken ct, bool pasted = false)
    {
        var prompt = await prompts.GetPromptAsync(promptId, ct);
        if (prompt is null) return (TurnResult.Of(Menu.WithMenu("That prompt is no longer part of the study. Choose another step.")), ParticipantState.Idle);

        var reply = (text ?? "").Trim();
        if (Problem(reply) is { } problem)
        {
            return (TurnResult.Of(PromptCard(prompt, problem)), new ParticipantState(AwaitingReplyTo: prompt.Id));
        }

        await checks.StoreAsync(new Reply(ReplyIds.NewHuman(), prompt.Id, Sources.Human, reply, participant, clock.GetUtcNow()), pasted, ct);
        return (TurnResult.Of(Menu.WithMenu("Thank you! Your reply is saved and will be rated blind by others.", Tone.Good)),
            ParticipantState.Idle);
    }

    /// <summary>Why a reply cannot be stored, or null. Raters and exports later show the text, so invisible controls never get in.</summary>
    private string? Problem(string reply)
    {
        var max = options.Value.MaxReplyLength;
        if (reply.Length == 0) return "Your reply was empty.";
        if (reply.Length > max) return $"Your reply has {reply.Length} characters; please keep it to {max}.";
        var at = ControlCharacters.IndexOfRefused(reply);
        return at < 0 ? null
            : $"Your reply contains an invisible control character ({ControlCharacters.Describe(reply[at])}, character {at + 1}); " +
              "please send it again as plain text. Line breaks and tabs are fine.";
    }

    private Message PromptCard(StudyPrompt prompt, string? problem)
    {
        var blocks = new List<MessageBlock>();
        if (problem is not null) blocks.Add(new Paragraph(problem, Tone.Attention));
        blocks.Add(new Heading("Your turn to respond"));
        blocks.Add(new Paragraph("Imagine someone you know shares this with you."));
        if (prompt.Situation.Length > 0) blocks.Add(new Quote("What happened", prompt.Situation));
        blocks.Add(new Quote("They say", prompt.Utterance));
        blocks.Add(new Paragraph($"Type the reply you would give them (up to {options.Value.MaxReplyLength} characters) and send it.", Tone.Subtle));
        return new Message($"{(problem is null ? "" : problem + " ")}They say: \"{prompt.Utterance}\" Type your reply.",
            blocks, [MessageAction.Command("Cancel", Commands.Menu)]);
    }
}
