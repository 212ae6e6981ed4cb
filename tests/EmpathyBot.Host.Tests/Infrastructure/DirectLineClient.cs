using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EmpathyBot.Host.Tests.Infrastructure;

/// <summary>
/// A Direct Line 3.0 client as the built-in page and Web Chat use it: token (the server chooses the user), conversation,
/// post, poll with watermark. <paramref name="name"/> is only the display name; <see cref="UserId"/> is who the server says we are.
/// </summary>
public sealed class DirectLineClient(HttpClient http, string name)
{
    private string? token;
    private string watermark = "";

    public string ConversationId { get; private set; } = "";

    public string StreamUrl { get; private set; } = "";

    public string Token => token ?? throw new InvalidOperationException("Start first.");

    /// <summary>The participant id the server bound our token to.</summary>
    public string UserId { get; private set; } = "";

    /// <summary>The credential to come back as the same participant.</summary>
    public string Resume { get; private set; } = "";

    /// <summary>Starts a conversation as a new participant, or as the one <paramref name="resume"/> names.</summary>
    /// <param name="query">More of the token request's query, as a study link carries it (<c>PROLIFIC_PID=...&amp;STUDY_ID=...</c>).</param>
    public async Task StartAsync(string? resume = null, string? query = null)
    {
        var parts = new[] { resume is null ? null : $"resume={Uri.EscapeDataString(resume)}", query }.OfType<string>().ToArray();
        var url = parts.Length == 0 ? "webchat/token" : "webchat/token?" + string.Join('&', parts);
        using var minted = await http.PostAsync(url, null);
        minted.EnsureSuccessStatusCode();
        var generated = await minted.Content.ReadFromJsonAsync<JsonObject>();
        token = (string)generated!["token"]!;
        UserId = (string)generated["userId"]!;
        Resume = (string)generated["resume"]!;
        using var request = new HttpRequestMessage(HttpMethod.Post, "v3/directline/conversations");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var started = await response.Content.ReadFromJsonAsync<JsonObject>();
        ConversationId = (string)started!["conversationId"]!;
        StreamUrl = (string)started["streamUrl"]!;
        token = (string)started["token"]!;
    }

    /// <summary>The same conversation, token and watermark, continued through another host (a restart or another instance).</summary>
    public DirectLineClient On(HttpClient other) => new(other, name)
    {
        token = token,
        watermark = watermark,
        ConversationId = ConversationId,
        StreamUrl = StreamUrl,
        UserId = UserId,
        Resume = Resume,
    };

    /// <summary>The stream URL on <paramref name="host"/> instead of the host that started the conversation.</summary>
    public Uri StreamUrlOn(Uri host) => new UriBuilder(StreamUrl) { Host = host.Host, Port = host.Port }.Uri;

    /// <summary>Every activity of the conversation from the start, without moving the watermark.</summary>
    public async Task<IReadOnlyList<JsonObject>> TranscriptAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"v3/directline/conversations/{ConversationId}/activities");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var set = await response.Content.ReadFromJsonAsync<JsonObject>();
        return set!["activities"]!.AsArray().Select(a => a!.AsObject()).ToArray();
    }

    public Task<IReadOnlyList<JsonObject>> JoinAsync() =>
        SendAsync(new JsonObject { ["type"] = "event", ["name"] = "webchat/join", ["from"] = From() });

    public Task<IReadOnlyList<JsonObject>> SayAsync(string text) =>
        SendAsync(new JsonObject { ["type"] = "message", ["text"] = text, ["from"] = From() });

    /// <summary>An Action.Submit as Web Chat posts it: a message with no text and the card data as value.</summary>
    public Task<IReadOnlyList<JsonObject>> SubmitAsync(JsonNode data) =>
        SendAsync(new JsonObject { ["type"] = "message", ["value"] = data.DeepClone(), ["from"] = From() });

    /// <summary>Posts a message and returns the HTTP answer as it is (for refusals), without polling.</summary>
    public async Task<HttpResponseMessage> PostAsync(string text)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"v3/directline/conversations/{ConversationId}/activities")
        {
            Content = JsonContent.Create(new JsonObject { ["type"] = "message", ["text"] = text, ["from"] = From() }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await http.SendAsync(request);
    }

    /// <summary>Posts an activity and returns the bot activities that followed it.</summary>
    public async Task<IReadOnlyList<JsonObject>> SendAsync(JsonObject activity)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"v3/directline/conversations/{ConversationId}/activities")
        {
            Content = JsonContent.Create(activity),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await PollAsync()).Where(a => (string?)a["from"]?["role"] == "bot").ToArray();
    }

    public async Task<IReadOnlyList<JsonObject>> PollAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"v3/directline/conversations/{ConversationId}/activities?watermark={watermark}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var set = await response.Content.ReadFromJsonAsync<JsonObject>();
        watermark = (string)set!["watermark"]!;
        return set["activities"]!.AsArray().Select(a => a!.AsObject()).ToArray();
    }

    private JsonObject From() => new() { ["id"] = UserId, ["name"] = name, ["role"] = "user" };
}

/// <summary>Reads what a participant would see in a bot activity.</summary>
public static class BotActivity
{
    public static JsonObject? Card(JsonObject activity) => activity["attachments"]?[0]?["content"]?.AsObject();

    /// <summary>All visible text: the message text and every TextBlock, TextRun and fact in its card.</summary>
    public static string Text(JsonObject activity)
    {
        var parts = new List<string>();
        if ((string?)activity["text"] is { } text) parts.Add(text);
        if (Card(activity) is { } card) Collect(card, parts);
        return string.Join("\n", parts);
    }

    public static string Text(IEnumerable<JsonObject> activities) => string.Join("\n", activities.Select(Text));

    /// <summary>The data of the card button with this title.</summary>
    public static JsonNode Button(IEnumerable<JsonObject> activities, string title) =>
        activities.Select(Card).OfType<JsonObject>()
            .SelectMany(c => c["actions"]?.AsArray() ?? [])
            .First(a => (string?)a?["title"] == title)!["data"]!;

    private static void Collect(JsonNode? node, List<string> parts)
    {
        switch (node)
        {
            case JsonObject o:
                if ((string?)o["type"] is "TextBlock" or "TextRun" && o["text"] is { } t) parts.Add((string)t!);
                if (o["title"] is JsonValue title && o["value"] is JsonValue value) parts.Add($"{title}: {value}");
                foreach (var (_, child) in o) Collect(child, parts);
                break;
            case JsonArray a:
                foreach (var child in a) Collect(child, parts);
                break;
        }
    }
}
