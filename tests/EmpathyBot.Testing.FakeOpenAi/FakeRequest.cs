using System.Text.Json;

namespace EmpathyBot.Testing.FakeOpenAi;

/// <summary>A request the fake server received (kept when <see cref="FakeOpenAiServer.RecordBodies"/> is on).</summary>
/// <param name="Model">The body's <c>model</c>; on Azure's deployment route, the deployment in the path.</param>
public sealed record FakeRequest(int Number, string Path, string? Authorization, string? ApiKeyHeader, string Model, string Body, DateTimeOffset At)
{
    /// <summary>The query string, with its leading '?' (e.g. Azure's <c>?api-version=...</c>), or empty.</summary>
    public string Query { get; init; } = "";

    /// <summary>The text of the last user message.</summary>
    public string UserMessage
    {
        get
        {
            using var doc = JsonDocument.Parse(Body);
            return doc.RootElement.GetProperty("messages").EnumerateArray().Last().GetProperty("content").GetString() ?? "";
        }
    }

    public JsonElement Json => JsonDocument.Parse(Body).RootElement.Clone();
}
