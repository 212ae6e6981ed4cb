using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using EmpathyBot.Channels.Auth;
using EmpathyBot.Channels.Http;
using Microsoft.Extensions.DependencyInjection;

namespace EmpathyBot.Channels.Tests.Teams;

/// <summary>What the Teams endpoint refuses before any turn runs: unconfigured, oversized, unauthenticated, foreign service URLs.</summary>
public sealed class TeamsEndpointGuardTests : IAsyncLifetime
{
    private const string AppId = "11111111-2222-3333-4444-555555555555";
    private ConnectorRecorder connector = null!;

    public async Task InitializeAsync() => connector = await ConnectorRecorder.StartAsync();

    public async Task DisposeAsync() => await connector.DisposeAsync();

    private JsonObject Activity(string text = "help") => TeamsTestHost.Activity(connector.ServiceUrl, text: text);

    private static Dictionary<string, string?> Authenticated(SigningKeyServer keys) => new()
    {
        ["Bot:MicrosoftAppId"] = AppId,
        ["Bot:MicrosoftAppPassword"] = "secret",
        ["Bot:OpenIdMetadataUrl"] = keys.ChannelMetadataUrl,
        ["Bot:EmulatorOpenIdMetadataUrl"] = keys.EmulatorMetadataUrl,
    };

    [Fact]
    public async Task Without_an_app_id_or_the_development_mode_teams_answers_503()
    {
        await using var host = await TeamsTestHost.StartAsync(new Dictionary<string, string?>());

        var response = await host.PostAsync(Activity());
        await host.DrainAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("Teams is not configured", await response.Content.ReadAsStringAsync());
        Assert.Empty(host.Engine.Turns);
        Assert.Empty(connector.Calls);
    }

    [Fact]
    public async Task An_app_id_together_with_the_unauthenticated_mode_stops_the_host_at_start()
    {
        var error = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => TeamsTestHost.StartAsync(
            new Dictionary<string, string?> { ["Bot:MicrosoftAppId"] = AppId, ["Bot:MicrosoftAppPassword"] = "secret", ["Bot:AllowUnauthenticated"] = "true" }));

        Assert.Contains("Bot:AllowUnauthenticated", error.Message);
    }

    [Theory]
    [InlineData("slack")]
    [InlineData("webchat")]
    [InlineData("directline")]
    [InlineData("")]
    public async Task Whatever_channelId_the_body_names_the_turn_is_a_Teams_turn(string channelId)
    {
        await using var host = await TeamsTestHost.StartAsync();
        var activity = Activity();
        activity["channelId"] = channelId;

        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(activity)).StatusCode);
        await host.DrainAsync();

        Assert.Equal("msteams", Assert.Single(host.Engine.Turns).Channel);
    }

    [Theory]
    [InlineData("ftp://127.0.0.1/")]
    [InlineData("file:///etc/passwd")]
    [InlineData("gopher://localhost:70/")]
    [InlineData("/relative/path")]
    [InlineData("http://user:secret@127.0.0.1/")]
    [InlineData("http://192.0.2.10/")]
    [InlineData("https://smba.trafficmanager.net/emea/")]
    public async Task In_the_development_mode_only_loopback_http_service_urls_are_answered(string serviceUrl)
    {
        await using var host = await TeamsTestHost.StartAsync();
        var activity = Activity();
        activity["serviceUrl"] = serviceUrl;

        var response = await host.PostAsync(activity);
        await host.DrainAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("serviceUrl", await response.Content.ReadAsStringAsync());
        Assert.Empty(host.Engine.Turns);
        Assert.Empty(connector.Calls);
    }

    [Fact]
    public async Task A_body_over_256_KB_gets_413_before_the_token_is_even_looked_at()
    {
        await using var keys = await SigningKeyServer.StartAsync();
        keys.AddChannelKey("k1", "msteams");
        await using var host = await TeamsTestHost.StartAsync(Authenticated(keys));

        var response = await host.Client.SendAsync(Post(Huge(), chunked: false, token: null));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, host.Services.GetRequiredService<TeamsAuthenticator>().ChannelKeys.Fetches);
        Assert.Equal(0, keys.JwksRequests);
        Assert.Empty(host.Engine.Turns);
    }

    [Fact]
    public async Task A_chunked_body_is_read_only_after_the_token_passed_and_only_up_to_256_KB()
    {
        await using var keys = await SigningKeyServer.StartAsync();
        var key = keys.AddChannelKey("k1", "msteams");
        await using var host = await TeamsTestHost.StartAsync(Authenticated(keys));
        var token = SigningKeyServer.ChannelToken(key, AppId, connector.ServiceUrl);

        var anonymous = await host.Client.SendAsync(Post(Huge(), chunked: true, token: null));
        var authenticated = await host.Client.SendAsync(Post(Huge(), chunked: true, token: token));
        await host.DrainAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("", await anonymous.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, authenticated.StatusCode);
        Assert.Empty(host.Engine.Turns);
    }

    [Fact]
    public async Task With_auth_the_activity_must_name_the_channel_and_service_url_its_token_vouches_for()
    {
        await using var keys = await SigningKeyServer.StartAsync();
        var key = keys.AddChannelKey("k1", "msteams");
        await using var elsewhere = await ConnectorRecorder.StartAsync();
        await using var host = await TeamsTestHost.StartAsync(Authenticated(keys));
        var token = "Bearer " + SigningKeyServer.ChannelToken(key, AppId, connector.ServiceUrl);
        var otherServiceUrl = Activity();
        otherServiceUrl["serviceUrl"] = elsewhere.ServiceUrl;
        var otherChannel = Activity();
        otherChannel["channelId"] = "slack";

        var redirected = await host.PostAsync(otherServiceUrl, token);
        var unendorsed = await host.PostAsync(otherChannel, token);
        var valid = await host.PostAsync(Activity(), token);
        await host.DrainAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, redirected.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unendorsed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, valid.StatusCode);
        Assert.Single(host.Engine.Turns);
        Assert.Empty(elsewhere.Calls);
        Assert.Single(connector.Calls);
    }

    [Fact]
    public async Task Turns_queued_before_shutdown_still_run_in_order_and_are_answered()
    {
        await using var host = await TeamsTestHost.StartAsync();
        var hold = new TaskCompletionSource();
        host.Engine.Hold = hold.Task;
        foreach (var text in new[] { "one", "two", "three" })
            Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(Activity(text))).StatusCode);

        var stopping = host.StopAsync(TimeSpan.FromSeconds(20));
        Assert.False(stopping.IsCompleted);
        hold.SetResult();
        await stopping.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(["echo: one", "echo: two", "echo: three"], connector.Calls.Select(c => c.Body["text"]!.GetValue<string>()));
    }

    private static byte[] Huge()
    {
        var activity = TeamsTestHost.Activity("http://127.0.0.1:1/", text: new string('x', 300 * 1024));
        var bytes = Encoding.UTF8.GetBytes(activity.ToJsonString());
        Assert.True(bytes.Length > LimitedBody.MaxBytes);
        return bytes;
    }

    private static HttpRequestMessage Post(byte[] body, bool chunked, string? token)
    {
        HttpContent content = chunked ? new StreamContent(new NonSeekableStream(body)) : new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = content };
        if (chunked) request.Headers.TransferEncodingChunked = true;
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }
}
