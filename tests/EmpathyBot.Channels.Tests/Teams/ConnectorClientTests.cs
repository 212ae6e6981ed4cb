using EmpathyBot.Channels.Activities;
using EmpathyBot.Channels.Teams;
using Microsoft.Extensions.Logging.Abstractions;

namespace EmpathyBot.Channels.Tests.Teams;

public sealed class ConnectorClientTests : IAsyncLifetime
{
    private ConnectorRecorder connector = null!;
    private readonly HttpClient http = new();

    public async Task InitializeAsync() => connector = await ConnectorRecorder.StartAsync();

    public async Task DisposeAsync()
    {
        http.Dispose();
        await connector.DisposeAsync();
    }

    private sealed class FixedToken(string? token) : IConnectorTokenProvider
    {
        public Task<string?> GetTokenAsync(CancellationToken ct) => Task.FromResult(token);
    }

    private ConnectorClient Client(string? token = "tok") =>
        new(http, new FixedToken(token), TimeProvider.System, NullLogger<ConnectorClient>.Instance) { BaseDelay = TimeSpan.FromMilliseconds(20) };

    private static Activity Hello => new() { Type = ActivityTypes.Message, Text = "hello" };

    [Fact]
    public async Task Reply_goes_to_the_escaped_activity_url_with_the_bearer_token()
    {
        var id = await Client().ReplyToActivityAsync(connector.ServiceUrl, "a:1;messageid=2", "act/1", Hello, default);

        var call = Assert.Single(connector.Calls);
        Assert.Equal("POST", call.Method);
        Assert.Equal("/v3/conversations/a%3A1%3Bmessageid%3D2/activities/act%2F1", call.Path);
        Assert.Equal("Bearer tok", call.Authorization);
        Assert.Equal("hello", call.Body["text"]!.GetValue<string>());
        Assert.Equal("act/1", call.Body["replyToId"]!.GetValue<string>());
        Assert.Equal("sent-1", id);
    }

    [Fact]
    public async Task Without_a_token_no_authorization_header_is_sent()
    {
        await Client(token: null).SendToConversationAsync(connector.ServiceUrl, "c1", Hello, default);

        var call = Assert.Single(connector.Calls);
        Assert.Equal("/v3/conversations/c1/activities", call.Path);
        Assert.Equal("", call.Authorization);
    }

    [Fact]
    public async Task Update_puts_to_the_activity_with_its_id()
    {
        await Client().UpdateActivityAsync(connector.ServiceUrl, "c1", "card-7", Hello, default);

        var call = Assert.Single(connector.Calls);
        Assert.Equal("PUT", call.Method);
        Assert.Equal("/v3/conversations/c1/activities/card-7", call.Path);
        Assert.Equal("card-7", call.Body["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Throttling_and_server_errors_are_retried_honouring_retry_after()
    {
        connector.Script.Enqueue((429, 1));
        connector.Script.Enqueue((503, null));

        var id = await Client().SendToConversationAsync(connector.ServiceUrl, "c1", Hello, default);

        var calls = connector.Calls.ToArray();
        Assert.Equal(3, calls.Length);
        Assert.Equal("sent-1", id);
        Assert.True(calls[1].At - calls[0].At >= TimeSpan.FromMilliseconds(900), $"waited only {calls[1].At - calls[0].At}");
    }

    [Fact]
    public async Task Client_errors_are_not_retried_and_say_what_failed()
    {
        connector.Script.Enqueue((403, null));

        var error = await Assert.ThrowsAsync<ConnectorException>(() => Client().SendToConversationAsync(connector.ServiceUrl, "c1", Hello, default));

        Assert.Single(connector.Calls);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, error.Status);
        Assert.Contains("/v3/conversations/c1/activities", error.Message);
    }

    [Fact]
    public async Task Retries_stop_after_the_last_attempt()
    {
        for (var i = 0; i < 5; i++) connector.Script.Enqueue((500, null));

        var error = await Assert.ThrowsAsync<ConnectorException>(() => Client().SendToConversationAsync(connector.ServiceUrl, "c1", Hello, default));

        Assert.Equal(5, connector.Calls.Count);
        Assert.Equal(System.Net.HttpStatusCode.InternalServerError, error.Status);
    }
}
