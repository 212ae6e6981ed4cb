using EmpathyBot.Channels.Activities;
using EmpathyBot.Channels.Work;
using EmpathyBot.Conversation.Engine;
using EmpathyBot.Conversation.Messages;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EmpathyBot.Channels.DirectLine;

/// <summary>The adapter between Direct Line and the engine (the SDK's BotAdapter for this channel).</summary>
public sealed class DirectLineBot(IConversationEngine engine, ConversationWorkQueue queue, IOptions<DirectLineOptions> options, ILogger<DirectLineBot> logger)
{
    public const string Channel = "webchat";

    public const string Unavailable = "Sorry, the study store is unavailable right now; please try again shortly.";

    /// <summary>
    /// Runs the turn on the host's work queue, after the conversation's earlier turns and within the host's bound on
    /// waiting turns; completes once the replies are appended. Null when the queue did not take it (full or shutting down).
    /// </summary>
    public Task<Activity>? TryReceive(DirectLineConversation conversation, Activity incoming)
    {
        var done = new TaskCompletionSource<Activity>(TaskCreationOptions.RunContinuationsAsynchronously);
        var queued = queue.TryEnqueue($"{Channel}:{conversation.Id}", async ct =>
        {
            try
            {
                done.TrySetResult(await ReceiveAsync(conversation, incoming, ct));
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

    /// <summary>Echoes the user's activity (Web Chat needs it to mark the message sent), runs the turn, appends the replies.</summary>
    public async Task<Activity> ReceiveAsync(DirectLineConversation conversation, Activity incoming, CancellationToken ct)
    {
        var bot = new ChannelAccount { Id = options.Value.BotId, Name = options.Value.BotName, Role = "bot" };
        var echoed = conversation.Append(incoming with { ChannelId = "directline", Recipient = bot, ServiceUrl = null });

        var turn = ActivityTurns.ToTurn(echoed, Channel);
        if (turn is null) return echoed;

        IReadOnlyList<Message> replies;
        try
        {
            var result = await engine.HandleAsync(turn, ct);
            // Direct Line cannot update a sent card, so a replacement (e.g. "thanks") arrives as a new message.
            replies = result.ReplaceActionSource is { } replacement ? [replacement, .. result.Replies] : result.Replies;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Turn failed in conversation {Conversation}", conversation.Id);
            replies = [Message.Text(Unavailable)];
        }

        foreach (var reply in replies) conversation.Append(BotActivities.FromMessage(reply, echoed));
        return echoed;
    }
}
