using System.ComponentModel.DataAnnotations;

namespace EmpathyBot.Models.Configuration;

/// <summary>
/// Section <c>ModelRunner</c>: how hard we retry a contender before recording a failure. The retry settings apply to
/// every model request (replies, appraisal, understanding) through <c>ModelRetryPolicy</c>.
/// </summary>
public sealed class ModelRunnerOptions
{
    public const string Section = "ModelRunner";

    /// <summary>Attempts per model request, the first included.</summary>
    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 4;

    /// <summary>First backoff; doubles each attempt, with full jitter.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Cap on one backoff, Retry-After included.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Prompts the live scheduler works on at once (each still bounded per contender).</summary>
    [Range(1, 1024)]
    public int LivePromptsInFlight { get; set; } = 32;

    /// <summary>Replies waiting for the live judges; when full, a reply is logged and counted, and <c>judge run</c> catches it up.</summary>
    [Range(1, 10_000_000)]
    public int JudgeQueueCapacity { get; set; } = 10_000;
}
