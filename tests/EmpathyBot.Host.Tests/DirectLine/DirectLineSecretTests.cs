using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EmpathyBot.Host.Tests.Infrastructure;

namespace EmpathyBot.Host.Tests.DirectLine;

/// <summary>With <c>DirectLine:Secret</c> set, its holder (an embedding site's token server) may name the user; nobody else.</summary>
public sealed class DirectLineSecretTests : IAsyncLifetime
{
    private const string Secret = "embedding-site-secret";

    private BotHost host = null!;

    public async Task InitializeAsync() => host = await BotHost.StartAsync(new Dictionary<string, string?>
    {
        ["DirectLine:Secret"] = Secret,
        ["Contenders:0:Enabled"] = "false",
    });

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Theory]
    [InlineData("v3/directline/tokens/generate")]
    [InlineData("v3/directline/conversations")]
    public async Task The_secret_holder_names_the_user_and_the_token_speaks_only_as_them(string path)
    {
        using var minted = await SendAsync(HttpMethod.Post, path, Secret, new JsonObject { ["user"] = new JsonObject { ["id"] = "dl_bob" } });
        minted.EnsureSuccessStatusCode();
        var token = (string)(await minted.Content.ReadFromJsonAsync<JsonObject>())!["token"]!;
        using var started = await SendAsync(HttpMethod.Post, "v3/directline/conversations", token, null);
        started.EnsureSuccessStatusCode();
        var conversation = (await started.Content.ReadFromJsonAsync<JsonObject>())!;
        var (id, bound) = ((string)conversation["conversationId"]!, (string)conversation["token"]!);

        using var posted = await SendAsync(HttpMethod.Post, $"v3/directline/conversations/{id}/activities", bound,
            new JsonObject { ["type"] = "message", ["text"] = "help", ["from"] = new JsonObject { ["id"] = "dl_eve" } });
        posted.EnsureSuccessStatusCode();

        using var read = await SendAsync(HttpMethod.Get, $"v3/directline/conversations/{id}/activities", bound, null);
        var echo = (await read.Content.ReadFromJsonAsync<JsonObject>())!["activities"]!.AsArray().First(a => (string?)a!["text"] == "help")!;
        Assert.Equal("dl_bob", (string?)echo["from"]!["id"]);
    }

    [Fact]
    public async Task Without_the_secret_nobody_mints_a_token_or_names_a_user()
    {
        using var anonymous = await SendAsync(HttpMethod.Post, "v3/directline/tokens/generate", null,
            new JsonObject { ["user"] = new JsonObject { ["id"] = "dl_bob" } });
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        using var wrong = await SendAsync(HttpMethod.Post, "v3/directline/tokens/generate", "guess",
            new JsonObject { ["user"] = new JsonObject { ["id"] = "dl_bob" } });
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);

        // The built-in page needs no secret; it gets a user the server chose.
        var page = new DirectLineClient(host.Client, "page");
        await page.StartAsync();
        Assert.StartsWith("web-", page.UserId);
    }

    [Fact]
    public async Task A_named_user_must_carry_the_Direct_Line_prefix()
    {
        using var minted = await SendAsync(HttpMethod.Post, "v3/directline/tokens/generate", Secret,
            new JsonObject { ["user"] = new JsonObject { ["id"] = "web-someone" } });

        Assert.Equal(HttpStatusCode.BadRequest, minted.StatusCode);
        Assert.Contains("must start with 'dl_'", await minted.Content.ReadAsStringAsync());

        // Posting with the secret itself, the holder names the speaker in from.id, within the same rule.
        using var started = await SendAsync(HttpMethod.Post, "v3/directline/conversations", Secret, null);
        var id = (string)(await started.Content.ReadFromJsonAsync<JsonObject>())!["conversationId"]!;
        using var asPage = await SendAsync(HttpMethod.Post, $"v3/directline/conversations/{id}/activities", Secret,
            new JsonObject { ["type"] = "message", ["text"] = "help", ["from"] = new JsonObject { ["id"] = "web-someone" } });
        Assert.Equal(HttpStatusCode.BadRequest, asPage.StatusCode);
        using var asNamed = await SendAsync(HttpMethod.Post, $"v3/directline/conversations/{id}/activities", Secret,
            new JsonObject { ["type"] = "message", ["text"] = "help", ["from"] = new JsonObject { ["id"] = "dl_carol" } });
        Assert.Equal(HttpStatusCode.OK, asNamed.StatusCode);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? bearer, JsonObject? body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        if (bearer is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        return await host.Client.SendAsync(request);
    }
}
