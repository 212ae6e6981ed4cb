using EmpathyBot.Conversation.Engine;

namespace EmpathyBot.Channels.Slack;

/// <summary>Work acknowledged to Slack and done afterwards by <see cref="SlackWorker"/>.</summary>
/// <param name="ReplyChannel">Slack channel (DM or channel id) that replies are posted to.</param>
/// <param name="ResponseUrl">From a slash command or button press: where the pressed message is replaced and ephemeral notes go.</param>
/// <param name="DedupeKey">Claimed in the idempotency store before the turn runs; a second copy of the request (Slack's retry, a replay) finds it taken and does nothing.</param>
/// <param name="DedupeWindow">How long the claim holds.</param>
public sealed record SlackWork(Turn Turn, string ReplyChannel, string? ResponseUrl, string DedupeKey, TimeSpan DedupeWindow)
{
    /// <summary>One conversation's work runs in order (a reply before its rating).</summary>
    public string Lane => SlackEndpoints.Channel + ":" + Turn.ConversationId;
}
