using System.Text.Json.Nodes;
using EmpathyBot.Channels.Activities;
using EmpathyBot.Channels.Work;
using EmpathyBot.Conversation.Engine;
using EmpathyBot.Conversation.Messages;
using EmpathyBot.Core.Ports;
using Microsoft.Extensions.Logging;

namespace EmpathyBot.Channels.Teams;

/// <summary>
/// Runs authenticated Teams activities through the engine, once each, and sends the results through the
/// Bot Connector (the SDK's CloudAdapter + TeamsActivityHandler, without the SDK).
/// </summary>
public sealed class TeamsAdapter(
    IConversationEngine engine,
    IIdempotencyStore claims,
    ConnectorClient connector,
    ConversationWorkQueue queue,
    ILogger<TeamsAdapter> logger)
{
    /// <summary>Re-deliveries come within minutes; a day keeps every retry out with room to spare.</summary>
    public static readonly TimeSpan DedupeWindow = TimeSpan.FromDays(1);

    /// <summary>Teams sends both conversationUpdate and installationUpdate on install: greet once.</summary>
    public static readonly TimeSpan WelcomeWindow = TimeSpan.FromMinutes(10);

    private const string ChannelName = "Teams";

    /// <summary>Queues a message, conversationUpdate or installationUpdate to run after the ack; false when the queue did not take it.</summary>
    public bool TryEnqueue(Activity activity) => queue.TryEnqueue(LaneOf(activity), ct => ProcessAsync(activity, ct));

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
            if (!await ClaimAsync(activity, ct)) return;
            if (turn.Kind == TurnKind.ConversationStart
                && !await claims.TryClaimAsync($"welcome:{turn.Channel}:{turn.ConversationId}", WelcomeWindow, ct))
            {
                return;
            }

            result = await engine.HandleAsync(turn, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            result = TurnResult.Of(Message.Text(Apologies.For(e, logger, ChannelName)));
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
            if (!await ClaimAsync(activity, ct)) return InvokeResponse.Text("Already received.");
            result = await engine.HandleAsync(turn, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return InvokeResponse.Text(Apologies.For(e, logger, ChannelName));
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

        // The rating is stored already: if the queue is shutting down, its messages go out now rather than never.
        if (replies.Count > 0 && !queue.TryEnqueue(LaneOf(activity), token => SendRepliesAsync(activity, replies, token)))
            await SendRepliesAsync(activity, replies, ct);
        return response;
    }

    private static string LaneOf(Activity activity) => TeamsTurns.Channel + ":" + activity.Conversation?.Id;

    /// <summary>False when the activity was seen before (a re-delivery), so it must not be processed again.</summary>
    private async Task<bool> ClaimAsync(Activity activity, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(activity.Id)) return true;
        if (await claims.TryClaimAsync($"activity:{TeamsTurns.Channel}:{activity.Id}", DedupeWindow, ct)) return true;
        logger.LogInformation("Ignored re-delivery of Teams activity {Id}", activity.Id);
        return false;
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
}
