using System.Text.Json.Nodes;
using EmpathyBot.Channels.Rendering;

namespace EmpathyBot.Channels.Teams;

/// <summary>The body of an <c>adaptiveCard/action</c> invoke response (the SDK's AdaptiveCardInvokeResponse).</summary>
public static class InvokeResponse
{
    public const string MessageType = "application/vnd.microsoft.activity.message";

    /// <summary>Teams replaces the card that was acted on with this one.</summary>
    public static JsonObject Card(JsonObject card) => new()
    {
        ["statusCode"] = 200,
        ["type"] = AdaptiveCardRenderer.ContentType,
        ["value"] = card,
    };

    /// <summary>Teams shows the text briefly and leaves the card as it was.</summary>
    public static JsonObject Text(string text) => new()
    {
        ["statusCode"] = 200,
        ["type"] = MessageType,
        ["value"] = text,
    };
}
