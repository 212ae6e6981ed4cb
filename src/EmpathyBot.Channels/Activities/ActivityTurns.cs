using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using EmpathyBot.Conversation.Engine;

namespace EmpathyBot.Channels.Activities;

/// <summary>Maps inbound Activities to engine Turns (the SDK's TurnContext without the channel details).</summary>
public static class ActivityTurns
{
    /// <summary>A turn for the engine, or null when the activity needs no answer (typing, our own join, ...).</summary>
    public static Turn? ToTurn(Activity activity, string channel)
    {
        var user = activity.From?.Id;
        var conversation = activity.Conversation?.Id;
        if (string.IsNullOrEmpty(user) || string.IsNullOrEmpty(conversation)) return null;

        switch (activity.Type)
        {
            case ActivityTypes.Message:
                var value = Flatten(activity.Value);
                // An empty message still gets an answer (e.g. "your reply was empty"), never silence.
                return new Turn(channel, user, conversation, TurnKind.Message, activity.Text?.Trim() ?? "", value, activity.Id, Pasted: Pasted(activity.ChannelData));

            case ActivityTypes.ConversationUpdate:
                // Greet when somebody other than the bot joins (Web Chat sends this on connect).
                var joined = activity.MembersAdded?.Any(m => m.Id != activity.Recipient?.Id) ?? false;
                return joined ? new Turn(channel, user, conversation, TurnKind.ConversationStart, null, null, activity.Id) : null;

            case ActivityTypes.InstallationUpdate when activity.Action is null or "add":
                return new Turn(channel, user, conversation, TurnKind.ConversationStart, null, null, activity.Id);

            case ActivityTypes.Event when activity.Name == "webchat/join":
                return new Turn(channel, user, conversation, TurnKind.ConversationStart, null, null, activity.Id);

            default:
                return null;
        }
    }

    /// <summary>
    /// The built-in page sets <c>channelData.pasted</c> when text was pasted into its send box. The client says so itself:
    /// true flags the reply, anything else (absent, false, another type) proves nothing and flags nothing.
    /// </summary>
    public static bool Pasted(JsonNode? channelData) =>
        channelData is JsonObject data && data["pasted"] is JsonValue flag && flag.GetValueKind() == JsonValueKind.True;

    /// <summary>Card data arrives as a JSON object (Action.Submit merges inputs into it); the engine takes strings.</summary>
    public static IReadOnlyDictionary<string, string>? Flatten(JsonNode? value)
    {
        if (value is not JsonObject obj) return null;
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, node) in obj)
        {
            if (node is null) continue;
            result[key] = node is JsonValue v && v.TryGetValue<string>(out var s)
                ? s
                : node.GetValueKind() is JsonValueKind.Number
                    ? node.GetValue<double>().ToString(CultureInfo.InvariantCulture)
                    : node.ToJsonString();
        }

        return result.Count > 0 ? result : null;
    }
}
