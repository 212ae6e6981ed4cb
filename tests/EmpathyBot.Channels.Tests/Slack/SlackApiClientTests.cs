using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using EmpathyBot.Channels.Slack;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EmpathyBot.Channels.Tests.Slack;

public sealed class SlackApiClientTests : IAsyncLifetime
{
    private readonly ListLoggerProvider logs = new();
    private FakeSlackApi slack = null!;
    private ServiceProvider services = null!;
    private SlackApiClient client = null!;

    public async Task InitializeAsync()
    {
        slack = await FakeSlackApi.StartAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Slack:SigningSecret"] = "s",
            ["Slack:BotToken"] = "xoxb-1",
            ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl,
        }).Build();
        services = new ServiceCollection().AddLogging(b => b.AddProvider(logs)).AddEmpathyBotSlack(configuration).BuildServiceProvider();
        client = services.GetRequiredService<SlackApiClient>();
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        await slack.DisposeAsync();
    }

    private static SlackMessage Hello => new("hello", [new JsonObject { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = "hello" } }]);

    [Fact]
    public async Task Post_message_sends_json_with_the_bot_token()
    {
        var result = await client.PostMessageAsync("D1", Hello);

        var call = Assert.Single(slack.Calls);
        Assert.Equal("/api/chat.postMessage", call.Path);
        Assert.Equal("Bearer xoxb-1", call.Authorization);
        Assert.Equal("D1", call.Body["channel"]!.GetValue<string>());
        Assert.Equal("hello", call.Body["blocks"]![0]!["text"]!["text"]!.GetValue<string>());
        Assert.StartsWith("1700000000.", result["ts"]!.GetValue<string>());
    }

    [Fact]
    public async Task Posted_messages_never_unfurl_links_a_participant_wrote()
    {
        await client.PostMessageAsync("D1", Hello);

        var call = Assert.Single(slack.Calls);
        Assert.False(call.Body["unfurl_links"]!.GetValue<bool>());
        Assert.False(call.Body["unfurl_media"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Update_sends_channel_and_ts()
    {
        await client.UpdateMessageAsync("D1", "1.5", Hello);

        var call = Assert.Single(slack.Calls);
        Assert.Equal("/api/chat.update", call.Path);
        Assert.Equal("1.5", call.Body["ts"]!.GetValue<string>());
    }

    [Fact]
    public async Task Rate_limited_call_is_retried_after_retry_after()
    {
        slack.Script(async http =>
        {
            http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            http.Response.Headers.RetryAfter = "1";
            await http.Response.WriteAsync("");
            return true;
        });
        var watch = Stopwatch.StartNew();

        await client.PostMessageAsync("D1", Hello);

        Assert.Equal(2, slack.Calls.Count);
        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(0.9), $"retried after {watch.Elapsed}");
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Warning && e.Text.Contains("rate limited"));
    }

    [Fact]
    public async Task Ok_false_is_an_error_with_its_code_in_the_log()
    {
        slack.Script(async http =>
        {
            await http.Response.WriteAsync("""{"ok":false,"error":"channel_not_found"}""");
            return true;
        });

        var ex = await Assert.ThrowsAsync<SlackApiException>(() => client.PostMessageAsync("D404", Hello));

        Assert.Equal("channel_not_found", ex.Error);
        Assert.Equal("chat.postMessage", ex.Method);
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Error && e.Text.Contains("channel_not_found"));
    }

    [Fact]
    public async Task Http_error_is_an_error_too()
    {
        slack.Script(async http =>
        {
            http.Response.StatusCode = 500;
            await http.Response.WriteAsync("boom");
            return true;
        });

        var ex = await Assert.ThrowsAsync<SlackApiException>(() => client.PostMessageAsync("D1", Hello));

        Assert.Equal(500, ex.StatusCode);
    }

    [Fact]
    public async Task Response_url_gets_the_body_without_the_bot_token()
    {
        await client.RespondAsync(slack.ResponseUrl("x"), new JsonObject { ["replace_original"] = true, ["text"] = "done" });

        var call = Assert.Single(slack.Calls);
        Assert.Equal("/respond/x", call.Path);
        Assert.Equal("", call.Authorization);
        Assert.True(call.Body["replace_original"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Response_url_refusal_is_an_error()
    {
        slack.Script(async http =>
        {
            http.Response.StatusCode = 404;
            await http.Response.WriteAsync("expired_url");
            return true;
        });

        var ex = await Assert.ThrowsAsync<SlackApiException>(() => client.RespondAsync(slack.ResponseUrl(), new JsonObject { ["text"] = "late" }));

        Assert.Equal("expired_url", ex.Error);
    }

    public sealed record LogEntry(LogLevel Level, string Text);

    /// <summary>Keeps every log line so tests can check what an operator would see.</summary>
    public sealed class ListLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<LogEntry> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new ListLogger(Entries);

        public void Dispose()
        {
        }

        private sealed class ListLogger(ConcurrentQueue<LogEntry> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                entries.Enqueue(new LogEntry(logLevel, formatter(state, exception)));
        }
    }
}
