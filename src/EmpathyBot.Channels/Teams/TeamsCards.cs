using System.Text.Json.Nodes;
using EmpathyBot.Channels.Activities;
using EmpathyBot.Channels.Rendering;
using EmpathyBot.Conversation.Messages;

namespace EmpathyBot.Channels.Teams;

/// <summary>
/// Teams flavour of the shared Adaptive Card: rating buttons become Action.Execute (an invoke whose answer
/// replaces the card in place, so it cannot be rated twice) with the same Action.Submit as fallback for
/// clients without Execute (Web Chat, older Teams).
/// </summary>
public static class TeamsCards
{
    /// <summary>Card actions sent as Action.Execute; their verb is the action name.</summary>
    public static readonly IReadOnlySet<string> ExecuteVerbs = new HashSet<string>(StringComparer.Ordinal) { "rate" };

    public static JsonObject Render(Message message)
    {
        var card = AdaptiveCardRenderer.Render(message);
        if (card["actions"] is JsonArray actions)
        {
            for (var i = 0; i < actions.Count; i++)
            {
                if (actions[i] is JsonObject submit && JsonText.String(submit["type"]) == "Action.Submit"
                    && JsonText.String(JsonText.Field(submit["data"], ActionKeys.Action)) is { } verb && ExecuteVerbs.Contains(verb))
                {
                    var execute = ToExecute(submit, verb);
                    actions[i] = execute;
                    // Taken out of the array above, the submit action itself is the fallback: no second copy.
                    execute["fallback"] = submit;
                }
            }
        }

        return card;
    }

    private static JsonObject ToExecute(JsonObject submit, string verb)
    {
        var execute = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb };
        foreach (var (key, value) in submit)
        {
            if (key != "type") execute[key] = value?.DeepClone();
        }

        return execute;
    }

    /// <summary>An outbound message activity: plain text stays text; anything richer is a Teams card.</summary>
    public static Activity ToActivity(Message message, Activity inReplyTo) => BotActivities.FromMessage(message, inReplyTo, Render);
}
