using System.Net;
using EmpathyBot.Core.Study;
using EmpathyBot.Host.Dashboard;
using EmpathyBot.Host.Tests.Infrastructure;
using EmpathyBot.Core.Ports;
using EmpathyBot.Storage;
using EmpathyBot.Storage.Sqlite;
using Microsoft.Extensions.Logging;

namespace EmpathyBot.Host.Tests.Summary;

/// <summary>The live stream over real HTTP: closing a tab is quiet, builds are shared, streams are capped, the key is enforced.</summary>
public sealed class DashboardStreamTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static async Task SeedAsync(IStudyStore store)
    {
        await store.UpsertPromptsAsync([new StudyPrompt("s-sad", "sad", "My cat died.", "I miss her.", "test")]);
        await store.AddReplyAsync(new Reply("s-h", "s-sad", Sources.Human, "So sorry, that hurts.", null, T0));
        await store.AddReplyAsync(new Reply("s-g", "s-sad", "gpt", "I am truly sorry for your loss.", null, T0));
        await store.AddRatingAsync(new Rating("s-h", "seed", RatingValue.Good, T0));
    }

    private static async Task<(HttpResponseMessage Response, StreamReader Reader)> OpenAsync(HttpClient client, string path = "api/summary/stream")
    {
        var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, path), HttpCompletionOption.ResponseHeadersRead);
        return (response, new StreamReader(await response.Content.ReadAsStreamAsync()));
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("Timed out waiting until " + what);
            await Task.Delay(20);
        }
    }

    [Fact]
    public async Task Closing_a_dashboard_logs_no_exception()
    {
        var logs = new CapturedLogs();
        await using var host = await BotHost.StartAsync(
            new Dictionary<string, string?> { ["Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information" },
            builder => builder.Logging.AddProvider(logs));
        await SeedAsync(host.Get<IStudyStore>());

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        const int Tabs = 20;
        for (var i = 0; i < Tabs; i++)
        {
            var (response, reader) = await OpenAsync(host.Client);
            await SummaryStream.NextAsync(reader, timeout.Token);
            if (i % 2 == 0) await host.Get<IRatingStore>().AddRatingAsync(new Rating("s-g", $"rater{i}", RatingValue.Okay, T0));
            reader.Dispose();
            response.Dispose();
        }

        // The host logs "Request finished" once the stream's handler has returned, after any exception it logged.
        await WaitUntilAsync(() => logs.Entries.Count(e => e.Message.Contains("Request finished") && e.Message.Contains("/api/summary/stream")) == Tabs,
            "every stream request finished");
        var problems = logs.Entries.Where(e => e.Exception is not null || e.Level >= LogLevel.Error).Select(e => $"{e.Category}: {e.Message} {e.Exception}").ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task A_write_by_another_process_on_the_same_file_reaches_an_open_dashboard_within_two_seconds()
    {
        await using var host = await BotHost.StartAsync();
        await SeedAsync(host.Get<IStudyStore>());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var (response, reader) = await OpenAsync(host.Client);
        using (response)
        using (reader)
        {
            await NextWithRatingsAsync(reader, 1, timeout.Token);

            // What the CLI does: a store of its own on the same file, with no way to tell this host.
            await using (var cli = new SqliteStudyStore(host.DataDirectory))
            {
                await cli.AddRatingAsync(new Rating("s-g", "cli-rater", RatingValue.Good, T0));
            }

            using var twoSeconds = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token);
            twoSeconds.CancelAfter(TimeSpan.FromSeconds(2));
            Assert.Equal(2, await NextWithRatingsAsync(reader, 2, twoSeconds.Token));
        }
    }

    [Fact]
    public async Task Fifty_open_streams_share_one_build_per_change()
    {
        await using var host = await BotHost.StartAsync(new Dictionary<string, string?> { ["Dashboard:UpdateInterval"] = "00:00:00.050" });
        var store = host.Get<IStudyStore>();
        await SeedAsync(store);
        var broadcaster = host.Get<SummaryBroadcaster>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        const int Streams = 50;
        var open = new List<(HttpResponseMessage Response, StreamReader Reader)>();
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Streams + 5 }) { BaseAddress = host.BaseAddress };
        try
        {
            for (var i = 0; i < Streams; i++) open.Add(await OpenAsync(client));
            await Task.WhenAll(open.Select(s => SummaryStream.NextAsync(s.Reader, timeout.Token)));
            var before = broadcaster.Builds;
            Assert.InRange(before, 1, 3);

            const int Changes = 5;
            for (var change = 1; change <= Changes; change++)
            {
                await host.Get<IRatingStore>().AddRatingAsync(new Rating("s-g", $"rater{change}", RatingValue.Okay, T0));
                // Every stream sees this change before the next one is made.
                var seen = await Task.WhenAll(open.Select(s => NextWithRatingsAsync(s.Reader, 1 + change, timeout.Token)));
                Assert.All(seen, ratings => Assert.Equal(1 + change, ratings));
            }

            Assert.InRange(broadcaster.Builds - before, Changes, Changes + 2);
        }
        finally
        {
            foreach (var (response, reader) in open)
            {
                reader.Dispose();
                response.Dispose();
            }
        }
    }

    /// <summary>Reads summaries until one counts <paramref name="ratings"/> ratings overall.</summary>
    private static async Task<int> NextWithRatingsAsync(StreamReader reader, int ratings, CancellationToken ct)
    {
        while (true)
        {
            var summary = await SummaryStream.NextAsync(reader, ct);
            var total = summary["summary"]!["overall"]!["sources"]!.AsObject().Sum(s => (int)s.Value!["ratings"]!);
            if (total >= ratings) return total;
        }
    }

    [Fact]
    public async Task Streams_over_the_cap_get_503_with_retry_after()
    {
        await using var host = await BotHost.StartAsync(new Dictionary<string, string?> { ["Dashboard:MaxStreams"] = "2" });
        await SeedAsync(host.Get<IStudyStore>());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));

        var first = await OpenAsync(host.Client);
        var second = await OpenAsync(host.Client);
        await SummaryStream.NextAsync(second.Reader, timeout.Token);

        using (var third = await host.Client.GetAsync("api/summary/stream", HttpCompletionOption.ResponseHeadersRead))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, third.StatusCode);
            Assert.NotNull(third.Headers.RetryAfter?.Delta);
        }

        // A closed tab frees its slot.
        first.Reader.Dispose();
        first.Response.Dispose();
        await WaitUntilAsync(() => host.Get<SummaryBroadcaster>().Listeners == 1, "the closed stream left");
        var again = await OpenAsync(host.Client);
        Assert.Equal(HttpStatusCode.OK, again.Response.StatusCode);
        await SummaryStream.NextAsync(again.Reader, timeout.Token);
        foreach (var (response, reader) in new[] { second, again })
        {
            reader.Dispose();
            response.Dispose();
        }
    }

    [Theory]
    [InlineData("dashboard")]
    [InlineData("api/summary")]
    [InlineData("api/summary/stream")]
    public async Task The_access_key_is_required_when_set(string path)
    {
        await using var host = await BotHost.StartAsync(new Dictionary<string, string?> { ["Dashboard:AccessKey"] = "s3cret-key" });

        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(host.Client, path, null));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(host.Client, path, "wrong"));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(host.Client, path + "?key=s3cret-kex", null));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(host.Client, path, "s3cret-key"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(host.Client, path + "?key=s3cret-key", null));
        // The page's own script and style carry nothing secret.
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(host.Client, "dashboard.js", null));
    }

    [Fact]
    public async Task Without_an_access_key_the_dashboard_routes_are_public()
    {
        await using var host = await BotHost.StartAsync();
        foreach (var path in new[] { "dashboard", "api/summary", "api/summary/stream" })
            Assert.Equal(HttpStatusCode.OK, await StatusAsync(host.Client, path, null));
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, string path, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (key is not null) request.Headers.Add("X-Access-Key", key);
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        return response.StatusCode;
    }
}
