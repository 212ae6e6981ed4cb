using System.Net;
using System.Net.Http.Headers;
using System.Text;
using EmpathyBot.Host.Tests.Infrastructure;

namespace EmpathyBot.Host.Tests.DirectLine;

/// <summary>An activity over 256 KB is refused with 413 before it is read whole; the conversation goes on.</summary>
public sealed class ActivitySizeTests : IAsyncLifetime
{
    private BotHost host = null!;

    public async Task InitializeAsync() => host = await BotHost.StartAsync(new Dictionary<string, string?> { ["Contenders:0:Enabled"] = "false" });

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_activity_over_256_KB_gets_413_and_the_conversation_goes_on(bool declaresLength)
    {
        var client = new DirectLineClient(host.Client, "big");
        await client.StartAsync();
        await client.JoinAsync();
        var text = new string('x', 300 * 1024);
        var json = Encoding.UTF8.GetBytes($"{{\"type\":\"message\",\"text\":\"{text}\"}}");
        HttpContent body = declaresLength ? new ByteArrayContent(json) : new StreamContent(new UnknownLengthStream(json));
        body.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var request = new HttpRequestMessage(HttpMethod.Post, $"v3/directline/conversations/{client.ConversationId}/activities") { Content = body };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", client.Token);
        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("at most 256 KB", await response.Content.ReadAsStringAsync());
        Assert.DoesNotContain(await client.TranscriptAsync(), a => ((string?)a["text"])?.Length > 1000);
        Assert.Contains("Welcome to EmpathyBot", BotActivity.Text(await client.SayAsync("help")));
    }

    [Fact]
    public async Task Eight_20_MB_activities_are_refused_and_leave_nothing_behind()
    {
        var client = new DirectLineClient(host.Client, "flood");
        await client.StartAsync();
        await client.JoinAsync();
        var json = Encoding.UTF8.GetBytes($"{{\"type\":\"message\",\"text\":\"{new string('x', 20 << 20)}\"}}");
        var before = GC.GetTotalMemory(forceFullCollection: true);

        for (var i = 0; i < 8; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"v3/directline/conversations/{client.ConversationId}/activities")
            {
                Content = new StreamContent(new UnknownLengthStream(json)),
            };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", client.Token);
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, await RefusalAsync(request));
        }

        // The host runs in this process: what it kept would show here (the in-memory transcript kept 160 MB).
        var grown = GC.GetTotalMemory(forceFullCollection: true) - before;
        Assert.True(grown < 32 << 20, $"The host kept {grown >> 20} MB after refusing the activities.");
        Assert.Contains("Welcome to EmpathyBot", BotActivity.Text(await client.SayAsync("help")));
    }

    /// <summary>
    /// The status of the answer. Kestrel answers 413 at the limit and then closes the connection; a client still
    /// uploading may see that close before it reads the answer, which is the same refusal.
    /// </summary>
    private async Task<HttpStatusCode> RefusalAsync(HttpRequestMessage request)
    {
        try
        {
            using var response = await host.Client.SendAsync(request);
            return response.StatusCode;
        }
        catch (HttpRequestException e) when (e.InnerException is IOException)
        {
            return HttpStatusCode.RequestEntityTooLarge;
        }
    }

    /// <summary>A body sent chunked, so only the server's own limit stops it.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
