using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace EmpathyBot.Host.Tests.Teams;

/// <summary>One Teams user in one conversation, posting activities to the bot as the Teams channel service does.</summary>
public sealed class TeamsChat(HttpClient bot, FakeConnector connector, string userId, string conversationId, string conversationType = "personal")
{
    public const string BotId = "28:empathybot";

    /// <summary>Host settings for Teams without an Azure registration: the unauthenticated development mode.</summary>
    public static Dictionary<string, string?> DevelopmentMode() => new() { ["Bot:AllowUnauthenticated"] = "true" };

    public List<JsonObject> InvokeResponses { get; } = [];

    public JsonObject Activity(string type, string? text = null, JsonNode? value = null, string? replyToId = null, string? id = null)
    {
        var activity = new JsonObject
        {
            ["type"] = type,
            ["id"] = id ?? "act-" + Guid.NewGuid().ToString("N")[..12],
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
            ["serviceUrl"] = connector.ServiceUrl,
            ["channelId"] = "msteams",
            ["from"] = new JsonObject { ["id"] = userId, ["name"] = "User " + userId },
            ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "EmpathyBot" },
            ["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = conversationType, ["tenantId"] = "tenant-1" },
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "tenant-1" } },
        };
        if (text is not null) activity["text"] = text;
        if (value is not null) activity["value"] = value.DeepClone();
        if (replyToId is not null) activity["replyToId"] = replyToId;
        return activity;
    }

    public async Task<HttpResponseMessage> PostAsync(JsonObject activity)
    {
        var response = await bot.PostAsJsonAsync("api/messages", activity);
        Assert.True(response.IsSuccessStatusCode, $"{activity["type"]} got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return response;
    }

    /// <summary>Posts and waits for <paramref name="replies"/> more connector calls; returns them.</summary>
    public async Task<IReadOnlyList<FakeConnector.Call>> SendAsync(JsonObject activity, int replies = 1)
    {
        var before = connector.Calls.Count;
        await PostAsync(activity);
        return await connector.WaitForAsync(before + replies, before);
    }

    public async Task<FakeConnector.Call> InstallAsync()
    {
        var before = connector.Calls.Count;
        var install = Activity("installationUpdate");
        install["action"] = "add";
        var added = Activity("conversationUpdate");
        added["membersAdded"] = new JsonArray(new JsonObject { ["id"] = BotId });
        await PostAsync(install);
        await PostAsync(added);
        return (await connector.WaitForAsync(before + 1, before)).Single();
    }

    public async Task<FakeConnector.Call> SayAsync(string text) => (await SendAsync(Activity("message", text))).Single();

    public async Task<FakeConnector.Call> SubmitAsync(JsonObject data, string replyToId) =>
        (await SendAsync(Activity("message", value: data, replyToId: replyToId))).Single();

    /// <summary>Clicks an Action.Execute: the answer is the invoke response itself.</summary>
    public async Task<JsonObject> ExecuteAsync(JsonObject action, string replyToId)
    {
        var invoke = Activity("invoke", value: new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = action["verb"]!.GetValue<string>(), ["data"] = action["data"]!.DeepClone() },
            ["trigger"] = "manual",
        }, replyToId: replyToId);
        invoke["name"] = "adaptiveCard/action";
        var response = await PostAsync(invoke);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        InvokeResponses.Add(body);
        return body;
    }

    public static JsonObject Action(JsonObject card, string title) =>
        card["actions"]!.AsArray().OfType<JsonObject>().Single(a => a["title"]!.GetValue<string>() == title);

    public static string AllText(JsonNode? node) => node switch
    {
        JsonObject o => string.Join(" ", o.Select(p => p.Key is "text" or "title" or "value" && p.Value is JsonValue v && v.TryGetValue<string>(out var s) ? s : AllText(p.Value))),
        JsonArray a => string.Join(" ", a.Select(AllText)),
        _ => "",
    };
}
