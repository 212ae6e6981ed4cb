namespace EmpathyBot.Channels.Tests;

/// <summary>A body HttpClient cannot measure, so it is sent chunked (no Content-Length).</summary>
public sealed class NonSeekableStream(byte[] data) : MemoryStream(data)
{
    public override bool CanSeek => false;
}
