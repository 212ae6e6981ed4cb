using System.Buffers.Text;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using EmpathyBot.Host.Tests.Infrastructure;

namespace EmpathyBot.Host.Tests.DirectLine;

/// <summary>The server decides who a web participant is; a client can neither pick an id nor speak as somebody else.</summary>
public sealed class WebChatIdentityTests : IAsyncLifetime
{
    private BotHost host = null!;

    public async Task InitializeAsync() => host = await BotHost.StartAsync(new Dictionary<string, string?>
    {
        ["Contenders:0:Enabled"] = "false",
    });

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task A_user_parameter_never_chooses_the_identity()
    {
        var asked = await host.Client.PostAsync("webchat/token?user=web-alice", null);

        Assert.Equal(HttpStatusCode.BadRequest, asked.StatusCode);
        Assert.Contains("server chooses the participant id", await asked.Content.ReadAsStringAsync());

        var first = await MintAsync();
        var second = await MintAsync();
        Assert.StartsWith("web-", (string)first["userId"]!);
        Assert.NotEqual((string)first["userId"]!, (string)second["userId"]!);
        Assert.NotEqual("web-alice", (string)first["userId"]!);
        Assert.False(string.IsNullOrEmpty((string?)first["resume"]));
        Assert.False(string.IsNullOrEmpty((string?)first["conversationId"]));
        Assert.Equal(3600, (int)first["expires_in"]!);
    }

    [Fact]
    public async Task A_forged_from_id_speaks_as_the_bound_user_so_forget_me_leaves_the_victim_alone()
    {
        var alice = await ParticipantWithAReplyAsync("alice");
        var mallory = new DirectLineClient(host.Client, "mallory");
        await mallory.StartAsync();
        await mallory.SubmitAsync(BotActivity.Button(await mallory.JoinAsync(), "I am 18 or older and agree"));

        var answer = await mallory.SendAsync(new JsonObject
        {
            ["type"] = "message", ["text"] = "forget me", ["from"] = new JsonObject { ["id"] = alice.UserId, ["role"] = "user" },
        });

        var echo = (await mallory.TranscriptAsync()).Last(a => (string?)a["text"] == "forget me");
        Assert.Equal(mallory.UserId, (string?)echo["from"]!["id"]);
        var confirmed = await mallory.SendAsync(new JsonObject
        {
            ["type"] = "message", ["value"] = BotActivity.Button(answer, "Yes, delete everything").DeepClone(),
            ["from"] = new JsonObject { ["id"] = alice.UserId, ["role"] = "user" },
        });
        Assert.DoesNotContain("1 reply", BotActivity.Text(confirmed));
        Assert.Equal(1, await HumanRepliesAsync());
        Assert.DoesNotContain("Nothing is stored until you agree", BotActivity.Text(await alice.SayAsync("respond")));
    }

    [Fact]
    public async Task A_token_from_tokens_generate_is_bound_to_a_user_the_server_chose()
    {
        var alice = await ParticipantWithAReplyAsync("alice");
        var generated = await host.Client.PostAsJsonAsync("v3/directline/tokens/generate", new { user = new { id = "dl_" + alice.UserId } });
        generated.EnsureSuccessStatusCode();
        var token = (string)(await generated.Content.ReadFromJsonAsync<JsonObject>())!["token"]!;
        var conversation = await SendAsync(HttpMethod.Post, "v3/directline/conversations", token, null);
        var (id, bound) = ((string)conversation["conversationId"]!, (string)conversation["token"]!);

        await SendAsync(HttpMethod.Post, $"v3/directline/conversations/{id}/activities", bound, new JsonObject
        {
            ["type"] = "message", ["text"] = "forget me", ["from"] = new JsonObject { ["id"] = alice.UserId },
        });

        var activities = (await SendAsync(HttpMethod.Get, $"v3/directline/conversations/{id}/activities", bound, null))["activities"]!.AsArray();
        var echo = activities.First(a => (string?)a!["text"] == "forget me")!;
        Assert.StartsWith("web-", (string)echo["from"]!["id"]!);
        Assert.NotEqual(alice.UserId, (string)echo["from"]!["id"]!);
        Assert.Equal(1, await HumanRepliesAsync());
    }

    [Fact]
    public async Task Resume_continues_the_same_participant()
    {
        var alice = await ParticipantWithAReplyAsync("alice");

        var again = new DirectLineClient(host.Client, "alice");
        await again.StartAsync(alice.Resume);

        Assert.Equal(alice.UserId, again.UserId);
        Assert.NotEqual(alice.ConversationId, again.ConversationId);
        Assert.DoesNotContain("Nothing is stored until you agree", BotActivity.Text(await again.SayAsync("respond")));
        var forgotten = await again.SubmitAsync(BotActivity.Button(await again.SayAsync("forget me"), "Yes, delete everything"));
        Assert.Contains("1 reply", BotActivity.Text(forgotten));

        // The renewed credential works as well as the first.
        var third = new DirectLineClient(host.Client, "alice");
        await third.StartAsync(again.Resume);
        Assert.Equal(alice.UserId, third.UserId);
    }

    [Fact]
    public async Task A_forged_or_damaged_resume_gets_401_with_a_clear_message()
    {
        var mallory = new DirectLineClient(host.Client, "mallory");
        await mallory.StartAsync();
        var signature = mallory.Resume[(mallory.Resume.IndexOf('.') + 1)..];
        var claims = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(
            $"{{\"u\":\"web-alice\",\"iat\":{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}}}"));

        foreach (var forged in new[] { claims + "." + signature, mallory.Resume + "x", "not-a-credential", "" })
        {
            var answer = await host.Client.PostAsync($"webchat/token?resume={Uri.EscapeDataString(forged)}", null);
            Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
            Assert.Contains("resume credential is not valid", await answer.Content.ReadAsStringAsync());
        }
    }

    private async Task<DirectLineClient> ParticipantWithAReplyAsync(string name)
    {
        var client = new DirectLineClient(host.Client, name);
        await client.StartAsync();
        await client.SubmitAsync(BotActivity.Button(await client.JoinAsync(), "I am 18 or older and agree"));
        await client.SayAsync("respond");
        Assert.Contains("Your reply is saved", BotActivity.Text(await client.SayAsync("That sounds so hard, I'm sorry.")));
        return client;
    }

    private async Task<int> HumanRepliesAsync()
    {
        var summary = await host.Client.GetFromJsonAsync<JsonObject>("api/summary");
        return (int?)summary!["overall"]!["sources"]!["human"]?["replies"] ?? 0;
    }

    private async Task<JsonObject> MintAsync()
    {
        var response = await host.Client.PostAsync("webchat/token", null);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private async Task<JsonObject> SendAsync(HttpMethod method, string path, string token, JsonObject? body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await host.Client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }
}
