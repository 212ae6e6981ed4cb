using EmpathyBot.Conversation.Engine;
using EmpathyBot.Conversation.Messages;
using EmpathyBot.Core.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EmpathyBot.Channels.Slack;

/// <summary>
/// Runs one acknowledged Slack request: claims its dedupe key, runs the turn through the engine and sends the replies
/// through the Web API. Runs on the <see cref="Work.ConversationWorkQueue"/>.
/// </summary>
public sealed class SlackWorker(
    IIdempotencyStore claims,
    IServiceScopeFactory scopes,
    SlackApiClient slack,
    BlockKitRenderer renderer,
    ILogger<SlackWorker> logger)
{
    private const string ChannelName = "Slack";

    /// <summary>One item; never throws (a failure is logged and, where possible, told to the person).</summary>
    public async Task ProcessAsync(SlackWork work, CancellationToken ct)
    {
        TurnResult result;
        try
        {
            if (!await claims.TryClaimAsync(work.DedupeKey, work.DedupeWindow, ct))
            {
                logger.LogInformation("Dropped a second copy of Slack request {Key} (a retry or a replay)", work.DedupeKey);
                return;
            }

            await using var scope = scopes.CreateAsyncScope();
            var engine = scope.ServiceProvider.GetRequiredService<IConversationEngine>();
            result = await engine.HandleAsync(work.Turn, ct);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            // A claim or turn that failed is told to the person rather than left unanswered.
            await SendAsync(work, Message.Text(Apologies.For(ex, logger, ChannelName)), ct);
            return;
        }

        if (result.ReplaceActionSource is { } replacement)
        {
            if (work.ResponseUrl is { } url)
            {
                var body = renderer.RenderSingle(replacement).ToJson();
                body["replace_original"] = true;
                await TryAsync("replace the pressed message", () => slack.RespondAsync(url, body, ct));
            }
            else
            {
                logger.LogWarning("Slack turn asked to replace its source message but has no response_url; sending it as a new message");
                await SendAsync(work, replacement, ct);
            }
        }

        foreach (var reply in result.Replies)
        {
            await SendAsync(work, reply, ct);
        }
    }

    private async Task SendAsync(SlackWork work, Message message, CancellationToken ct)
    {
        foreach (var part in renderer.Render(message))
        {
            try
            {
                await slack.PostMessageAsync(work.ReplyChannel, part, ct);
            }
            catch (SlackApiException ex) when (ex.Error is "channel_not_found" or "not_in_channel" && work.ResponseUrl is { } url)
            {
                // A slash command in a channel the bot has not joined: answer privately instead.
                var body = part.ToJson();
                body["response_type"] = "ephemeral";
                body["replace_original"] = false;
                await TryAsync("answer through response_url", () => slack.RespondAsync(url, body, ct));
            }
            catch (Exception ex) when (ex is SlackApiException or HttpRequestException && !ct.IsCancellationRequested)
            {
                logger.LogError(ex, "Could not post a Slack reply to {Channel}", work.ReplyChannel);
                return;
            }
        }
    }

    private async Task TryAsync(string what, Func<Task> send)
    {
        try
        {
            await send();
        }
        catch (Exception ex) when (ex is SlackApiException or HttpRequestException)
        {
            logger.LogError(ex, "Could not {What}", what);
        }
    }
}
