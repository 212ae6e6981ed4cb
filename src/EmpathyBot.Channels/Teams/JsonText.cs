using System.Text.Json.Nodes;

namespace EmpathyBot.Channels.Teams;

/// <summary>Lenient reads of client-sent JSON: a field of the wrong shape counts as absent instead of throwing.</summary>
internal static class JsonText
{
    public static JsonNode? Field(JsonNode? node, string name) => node is JsonObject o ? o[name] : null;

    public static string? String(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
