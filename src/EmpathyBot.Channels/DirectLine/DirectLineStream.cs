using System.Net.WebSockets;
using EmpathyBot.Core.Ports;

namespace EmpathyBot.Channels.DirectLine;

/// <summary>
/// Pushes <c>{activities, watermark}</c> frames as the conversation grows; empty frames keep the socket alive.
/// Appends on this instance wake it at once; the store is polled for appends another instance made.
/// </summary>
public sealed class DirectLineStream(
    WebSocket socket, DirectLineConversations conversations, string conversationId, TimeSpan keepAlive, TimeProvider clock)
{
    /// <summary>How soon an activity posted to another instance reaches this stream.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    public async Task RunAsync(long watermark, CancellationToken ct)
    {
        var closed = WatchForCloseAsync(ct);
        var lastSent = clock.GetUtcNow();
        try
        {
            while (socket.State == WebSocketState.Open && !ct.IsCancellationRequested)
            {
                var changed = conversations.Changed(conversationId);
                var frame = await ReadAsync(watermark, ct);
                if (frame is null) break;
                if (frame.Count > 0 || clock.GetUtcNow() - lastSent >= keepAlive)
                {
                    watermark = frame.Watermark;
                    // An empty frame is the keep-alive Web Chat expects.
                    await socket.SendAsync(frame.Count > 0 ? frame.Json : ReadOnlyMemory<byte>.Empty, WebSocketMessageType.Text, true, ct);
                    lastSent = clock.GetUtcNow();
                    if (frame.Count > 0) continue;
                }

                var finished = await Task.WhenAny(changed, closed, Task.Delay(PollInterval, clock, ct));
                conversations.Forget(conversationId, changed);
                if (finished == closed) break;
            }

            if (socket.State == WebSocketState.Open)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "The conversation has ended.", CancellationToken.None);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // The client went away; nothing to clean up beyond the socket.
        }
    }

    // The conversation gone (expired) ends the stream; the store away for a moment does not.
    private async Task<DirectLineActivityFrame?> ReadAsync(long watermark, CancellationToken ct)
    {
        try
        {
            return await conversations.SinceAsync(conversationId, watermark, ct);
        }
        catch (StoreUnavailableException)
        {
            return new DirectLineActivityFrame([], 0, watermark);
        }
    }

    // Web Chat never sends on the stream; a read only completes when it closes.
    private async Task WatchForCloseAsync(CancellationToken ct)
    {
        var buffer = new byte[1024];
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var result = await socket.ReceiveAsync(buffer, ct);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                    return;
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
        }
    }
}
