using System.Text.Json.Serialization;

namespace EmpathyBot.Core.Ports;

[JsonConverter(typeof(JsonStringEnumConverter<StudyEventKind>))]
public enum StudyEventKind
{
    RatingRecorded,
    ReplyAdded,

    /// <summary>Many counters changed at once (an import or a participant forgotten): re-read them all.</summary>
    CountersChanged,
}

/// <summary>A change to the live summary, fanned out to every host instance's dashboards.</summary>
/// <param name="Rating">The rating value (good, okay, bad) for <see cref="StudyEventKind.RatingRecorded"/>; null otherwise.</param>
public sealed record StudyEvent(
    [property: JsonPropertyName("kind")] StudyEventKind Kind,
    [property: JsonPropertyName("replyId")] string? ReplyId,
    [property: JsonPropertyName("emotion")] string? Emotion,
    [property: JsonPropertyName("source")] string? Source,
    [property: JsonPropertyName("rating")] string? Rating,
    [property: JsonPropertyName("at")] DateTimeOffset At);
