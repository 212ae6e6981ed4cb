using EmpathyBot.Channels.Activities;
using EmpathyBot.Channels.Work;
using EmpathyBot.Conversation.Engine;
using EmpathyBot.Conversation.Messages;
using EmpathyBot.Core.Ports;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EmpathyBot.Channels.DirectLine;

/// <summary>The adapter between Direct Line and the engine (the SDK's BotAdapter for this channel).</summary>
public sealed class DirectLineBot(
    IConversationEngine engine, DirectLineConversations conversations, ConversationWorkQueue queue, IOptions<DirectLineOptions> options,
    ILogger<DirectLineBot> logger)
{
    public const string Channel = "webchat";

    /// <summary>
    /// Runs the turn on the host's work queue, after the conversation's earlier turns and within the host's bound on
    /// waiting turns; completes as <see cref="ReceiveAsync"/> does once the replies are appended. Null when the queue did
    /// not take it (full or shutting down).
    /// </summary>
    public Task<Activity?>? TryReceive(string conversationId, Activity incoming, ExternalIds? recruitment = null)
    {
        var done = new TaskCompletionSource<Activity?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var queued = queue.TryEnqueue($"{Channel}:{conversationId}", async ct =>
        {
            try
            {
                done.TrySetResult(await ReceiveAsync(conversationId, incoming, ct, recruitment));
            }
            catch (OperationCanceledException)
            {
                done.TrySetCanceled();
            }
            catch (Exception e)
            {
                done.TrySetException(e);
            }
        });
        return queued ? done.Task : null;
    }

    /// <summary>
    /// Echoes the user's activity (Web Chat needs it to mark the message sent), runs the turn, appends the replies.
    /// Null when the conversation is gone (expired).
    /// </summary>
    public async Task<Activity?> ReceiveAsync(string conversationId, Activity incoming, CancellationToken ct, ExternalIds? recruitment = null)
    {
        var bot = new ChannelAccount { Id = options.Value.BotId, Name = options.Value.BotName, Role = "bot" };
        var echoed = await conversations.AppendAsync(conversationId, incoming with { ChannelId = "directline", Recipient = bot, ServiceUrl = null }, ct);
        if (echoed is null) return null;

        var turn = ActivityTurns.ToTurn(echoed, Channel) is { } parsed ? parsed with { Recruitment = recruitment } : null;
        if (turn is null) return echoed;

        foreach (var reply in await RunTurnAsync(turn, ct))
        {
            await conversations.AppendAsync(conversationId, BotActivities.FromMessage(reply, echoed), ct);
        }

        return echoed;
    }

    private async Task<IReadOnlyList<Message>> RunTurnAsync(Turn turn, CancellationToken ct)
    {
        try
        {
            var result = await engine.HandleAsync(turn, ct);
            // Direct Line cannot update a sent card, so a replacement (e.g. "thanks") arrives as a new message.
            return result.ReplaceActionSource is { } replacement ? [replacement, .. result.Replies] : result.Replies;
        }
        catch (Exception e) when (!(e is OperationCanceledException && ct.IsCancellationRequested))
        {
            return [Message.Text(Apologies.For(e, logger, "Web chat"))];
        }
    }
}
