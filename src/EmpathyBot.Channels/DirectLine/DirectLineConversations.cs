using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using EmpathyBot.Channels.Activities;
using EmpathyBot.Core.Ports;
using Microsoft.Extensions.Options;

namespace EmpathyBot.Channels.DirectLine;

/// <summary>An activity set as Direct Line sends it (<c>{"activities":[...],"watermark":"n"}</c>), with its size and watermark.</summary>
public sealed record DirectLineActivityFrame(byte[] Json, int Count, long Watermark);

/// <summary>
/// Direct Line conversations, kept in the study store so any instance (or a restarted one) continues them.
/// Streams on this instance are woken at once by its own appends; appends made elsewhere reach them by polling.
/// </summary>
public sealed class DirectLineConversations(IDirectLineStore store, IOptions<DirectLineOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> signals = new(StringComparer.Ordinal);

    private DirectLineLimits Limits => options.Value.Limits();

    /// <summary>Creates the conversation or marks it active; false when the store is full.</summary>
    public Task<bool> OpenAsync(string id, CancellationToken ct) => store.OpenConversationAsync(id, clock.GetUtcNow(), Limits, ct);

    /// <summary>Marks the conversation active; false when it is unknown or expired.</summary>
    public Task<bool> TouchAsync(string id, CancellationToken ct) => store.TouchConversationAsync(id, clock.GetUtcNow(), Limits, ct);

    /// <summary>Stamps id, conversation and timestamp, stores the activity and wakes this instance's streams; null when the conversation is gone.</summary>
    public async Task<Activity?> AppendAsync(string id, Activity activity, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var stamped = activity with
        {
            // Unique without a round trip; the order lives in the store's sequence (the watermark).
            Id = id + "|" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)),
            Conversation = new ConversationAccount { Id = id },
            Timestamp = now,
        };
        var json = JsonSerializer.SerializeToUtf8Bytes(stamped, ActivityJson.Options);
        if (await store.AppendActivityAsync(id, json, now, Limits, ct) is null) return null;
        if (signals.TryRemove(id, out var wake)) wake.TrySetResult();
        return stamped;
    }

    /// <summary>The activities after <paramref name="watermark"/>; null when the conversation is unknown or expired.</summary>
    public async Task<DirectLineActivityFrame?> SinceAsync(string id, long watermark, CancellationToken ct)
    {
        var set = await store.GetActivitiesAsync(id, watermark, clock.GetUtcNow(), Limits, ct);
        if (set is null) return null;
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("activities");
            foreach (var json in set.Activities) writer.WriteRawValue(json, skipInputValidation: true);
            writer.WriteEndArray();
            writer.WriteString("watermark", set.Watermark.ToString(CultureInfo.InvariantCulture));
            writer.WriteEndObject();
        }

        return new DirectLineActivityFrame(buffer.WrittenSpan.ToArray(), set.Activities.Count, set.Watermark);
    }

    /// <summary>Completes on this instance's next append to the conversation. Take it before reading, so no append is missed.</summary>
    public Task Changed(string id) =>
        signals.GetOrAdd(id, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    /// <summary>Lets go of a signal nobody waits for any more (a stream closed on a quiet conversation).</summary>
    public void Forget(string id, Task changed)
    {
        if (signals.TryGetValue(id, out var signal) && signal.Task == changed) signals.TryRemove(new KeyValuePair<string, TaskCompletionSource>(id, signal));
    }

    public static long ParseWatermark(string? watermark) =>
        long.TryParse(watermark, NumberStyles.None, CultureInfo.InvariantCulture, out var w) ? w : 0;
}
