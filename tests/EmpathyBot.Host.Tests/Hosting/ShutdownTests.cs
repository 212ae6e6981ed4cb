using System.Net.WebSockets;
using EmpathyBot.Host.Tests.Infrastructure;

namespace EmpathyBot.Host.Tests.Hosting;

/// <summary>
/// A stopping host ends its long-lived streams (a participant's Direct Line socket, an open dashboard) at once: the
/// clients reconnect, and a restart or scale-in does not wait out the server's whole shutdown timeout for them.
/// </summary>
public sealed class ShutdownTests
{
    // Well under the server's shutdown timeout (30 s), which is what a stream that ignores the stop would take.
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Stopping_ends_an_open_direct_line_stream()
    {
        var host = await BotHost.StartAsync(new Dictionary<string, string?> { ["Contenders:0:Enabled"] = "false" });
        var client = new DirectLineClient(host.Client, "watcher");
        await client.StartAsync();
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(client.StreamUrl), CancellationToken.None);

        var stopping = host.DisposeAsync().AsTask();
        using var timeout = new CancellationTokenSource(Deadline);
        await DrainAsync(socket, timeout.Token);

        await stopping.WaitAsync(Deadline);
    }

    [Fact]
    public async Task Stopping_ends_an_open_dashboard_stream()
    {
        var host = await BotHost.StartAsync(new Dictionary<string, string?> { ["Contenders:0:Enabled"] = "false" });
        var response = await host.Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "api/summary/stream"), HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        Assert.NotNull(await reader.ReadLineAsync()); // the first snapshot: the stream is open

        var stopping = host.DisposeAsync().AsTask();
        using var timeout = new CancellationTokenSource(Deadline);
        await DrainAsync(reader, timeout.Token);

        await stopping.WaitAsync(Deadline);
    }

    /// <summary>Reads until the server ends the socket (a close frame or an aborted connection).</summary>
    private static async Task DrainAsync(ClientWebSocket socket, CancellationToken ct)
    {
        var buffer = new byte[1 << 16];
        try
        {
            while ((await socket.ReceiveAsync(buffer, ct)).MessageType != WebSocketMessageType.Close) { }
        }
        catch (WebSocketException)
        {
            // Aborted by the server: ended all the same.
        }
    }

    /// <summary>Reads until the server ends the response (end of stream or an aborted connection).</summary>
    private static async Task DrainAsync(StreamReader reader, CancellationToken ct)
    {
        try
        {
            while (await reader.ReadLineAsync(ct) is not null) { }
        }
        catch (Exception e) when (e is IOException or HttpRequestException)
        {
            // Aborted by the server: ended all the same.
        }
    }
}
