using System.Text.Json.Nodes;
using EmpathyBot.Channels.Activities;
using EmpathyBot.Conversation.Engine;
using EmpathyBot.Conversation.Messages;
using EmpathyBot.Core.Ports;
using Microsoft.Extensions.Logging;

namespace EmpathyBot.Channels.BotFramework;

/// <summary>
/// Runs authenticated, deduplicated Teams activities through the engine and sends the results through the
/// Bot Connector (the SDK's CloudAdapter + TeamsActivityHandler, without the SDK).
/// </summary>
public sealed class BotFrameworkAdapter(
    IConversationEngine engine,
    IIdempotencyStore claims,
    IParticipantStore consents,
    Participants participants,
    ConversationReferences references,
    ConnectorClient connector,
    TurnQueue queue,
    ILogger<BotFrameworkAdapter> logger)
{
    public const string StoreUnavailableText = "Sorry, the study store is unavailable right now; please try again shortly.";
    public const string FailureText = "Sorry, something went wrong with that; please try again.";

    /// <summary>Re-deliveries come within minutes; a day keeps every retry out with room to spare.</summary>
    public static readonly TimeSpan DedupeWindow = TimeSpan.FromDays(1);

    /// <summary>Teams sends both conversationUpdate and installationUpdate on install: greet once.</summary>
    public static readonly TimeSpan WelcomeWindow = TimeSpan.FromMinutes(10);

    /// <summary>False when the activity was seen before (a re-delivery), so it must not be processed again.</summary>
    public async Task<bool> ClaimAsync(Activity activity, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(activity.Id)) return true;
        return await claims.TryClaimAsync($"activity:{TeamsTurns.ChannelOf(activity)}:{activity.Id}", DedupeWindow, ct);
    }

    /// <summary>Queues a message, conversationUpdate or installationUpdate to run after the ack.</summary>
    public void Enqueue(Activity activity) =>
        queue.Enqueue(activity.Conversation?.Id ?? "", ct => ProcessAsync(activity, ct));

    /// <summary>Queues an apology for an activity that could not even be claimed (store down).</summary>
    public void EnqueueApology(Activity activity, string text) =>
        queue.Enqueue(activity.Conversation?.Id ?? "", ct => SendRepliesAsync(activity, [Message.Text(text)], ct));

    public async Task ProcessAsync(Activity activity, CancellationToken ct)
    {
        var turn = TeamsTurns.ToTurn(activity);
        if (turn is null)
        {
            logger.LogDebug("Teams activity {Type} {Id} needs no answer", activity.Type, activity.Id);
            return;
        }

        TurnResult result;
        try
        {
            if (turn.Kind == TurnKind.ConversationStart
                && !await claims.TryClaimAsync($"welcome:{turn.Channel}:{turn.ConversationId}", WelcomeWindow, ct))
            {
                return;
            }

            result = await engine.HandleAsync(turn, ct);
            await RememberAsync(turn, activity, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            result = TurnResult.Of(Message.Text(Apology(e)));
        }

        if (result.ReplaceActionSource is { } replacement)
        {
            if (!string.IsNullOrEmpty(activity.ReplyToId))
            {
                await connector.UpdateActivityAsync(activity.ServiceUrl!, activity.Conversation!.Id!, activity.ReplyToId,
                    TeamsCards.ToActivity(replacement, activity), ct);
            }
            else
            {
                await SendRepliesAsync(activity, [replacement], ct);
            }
        }

        await SendRepliesAsync(activity, result.Replies, ct);
    }

    /// <summary>
    /// An Action.Execute runs inline: Teams waits for the invoke response, and the engine answers card
    /// actions from the store without waiting on a model. Further replies go out after the response.
    /// </summary>
    public async Task<JsonObject> InvokeAsync(Activity activity, CancellationToken ct)
    {
        var turn = TeamsTurns.ToInvokeTurn(activity);
        if (turn is null) return InvokeResponse.Text("That card action had no data I could read.");

        TurnResult result;
        try
        {
            result = await engine.HandleAsync(turn, ct);
            await RememberAsync(turn, activity, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return InvokeResponse.Text(Apology(e));
        }

        var replies = result.Replies;
        JsonObject response;
        if (result.ReplaceActionSource is { } replacement)
        {
            response = InvokeResponse.Card(TeamsCards.Render(replacement));
        }
        else if (replies.Count > 0)
        {
            // The card stays; a short note confirms, and the messages follow in the chat.
            response = InvokeResponse.Text(replies[0].Summary);
        }
        else
        {
            response = InvokeResponse.Text("Done.");
        }

        if (replies.Count > 0) queue.Enqueue(activity.Conversation!.Id!, token => SendRepliesAsync(activity, replies, token));
        return response;
    }

    private async Task SendRepliesAsync(Activity inbound, IReadOnlyList<Message> replies, CancellationToken ct)
    {
        foreach (var reply in replies)
        {
            var outbound = TeamsCards.ToActivity(reply, inbound);
            if (string.IsNullOrEmpty(inbound.Id))
                await connector.SendToConversationAsync(inbound.ServiceUrl!, inbound.Conversation!.Id!, outbound, ct);
            else
                await connector.ReplyToActivityAsync(inbound.ServiceUrl!, inbound.Conversation!.Id!, inbound.Id, outbound, ct);
        }
    }

    private async Task RememberAsync(Turn turn, Activity activity, CancellationToken ct)
    {
        if (ConversationReference.From(activity) is not { } reference) return;
        try
        {
            // Nothing is kept before consent, and nothing after "forget me".
            var participant = participants.KeyOf(turn);
            if (await consents.GetConsentAsync(participant, ct) is null)
                await references.DeleteAsync(participant, ct);
            else
                await references.SaveAsync(participant, reference, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The turn itself succeeded; only later proactive notes are affected.
            logger.LogWarning(e, "Could not store the conversation reference for {Conversation}", reference.ConversationId);
        }
    }

    private string Apology(Exception e)
    {
        if (e is StoreUnavailableException)
        {
            logger.LogWarning(e, "Study store unavailable during a Teams turn");
            return StoreUnavailableText;
        }

        logger.LogError(e, "Teams turn failed");
        return FailureText;
    }
}
