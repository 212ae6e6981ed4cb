using System.Text.Json;
using System.Text.Json.Serialization;
using EmpathyBot.Core.Study;
using EmpathyBot.Core.Summary;
using EmpathyBot.Core.Ports;

namespace EmpathyBot.Cli.Commands;

/// <summary>
/// One flat JSON object per rating, snake_case like the CSV header, so <c>pandas.read_json(lines=True)</c> and
/// R's <c>jsonlite::stream_in</c> give one column per field without unnesting.
/// </summary>
public static class RatingsJsonl
{
    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.Never };

    public static string Line(RatingRecord r)
    {
        var m = r.Reply.Model;
        var row = new Dictionary<string, object?>
        {
            ["prompt_id"] = r.Prompt.Id,
            ["emotion"] = r.Prompt.Emotion,
            ["valence"] = Emotions.TryGet(r.Prompt.Emotion, out var e) ? e.Valence.ToString().ToLowerInvariant() : null,
            ["situation"] = r.Prompt.Situation,
            ["utterance"] = r.Prompt.Utterance,
            ["prompt_set"] = r.Prompt.Set,
            ["source"] = r.Reply.Source,
            ["response_id"] = r.Reply.Id,
            ["response"] = r.Reply.Text,
            ["response_words"] = WordCount.Of(r.Reply.Text),
            ["response_author"] = r.Reply.Author,
            ["response_created_at"] = r.Reply.CreatedAt,
            ["response_excluded_reason"] = r.Reply.ExcludedReason,
            ["model_name"] = m?.ModelName,
            ["template_hash"] = m?.TemplateHash,
            ["cache_key"] = m?.CacheKey,
            ["latency_ms"] = m?.LatencyMs,
            ["prompt_tokens"] = m?.PromptTokens,
            ["completion_tokens"] = m?.CompletionTokens,
            ["finish_reason"] = m?.FinishReason,
            ["rater"] = r.Rater,
            ["rating"] = r.Value.ToWire(),
            ["rating_score"] = (int)r.Value,
            ["at"] = r.At,
            ["rater_excluded"] = r.RaterExcluded,
        };
        return JsonSerializer.Serialize(row, Json);
    }
}
