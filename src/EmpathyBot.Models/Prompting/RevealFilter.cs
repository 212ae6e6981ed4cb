using System.Text.RegularExpressions;

namespace EmpathyBot.Models.Prompting;

/// <summary>
/// Flags replies that would break blinding: self-identification as an AI, model or vendor names, and refusals
/// (Chatbot Arena filters the same way). Flagged replies are stored but kept out of the pool.
/// </summary>
public static partial class RevealFilter
{
    private static readonly (Regex Pattern, string Reason)[] Rules =
    [
        (SelfAi(), "reveals an AI author"),
        (Vendor(), "names a model or vendor"),
        (Refusal(), "refusal"),
    ];

    /// <summary>The reason to exclude the reply, or null when it may enter the blind pool.</summary>
    public static string? Check(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "empty reply";
        var normalized = text.Replace('\u2019', '\'');
        foreach (var (pattern, reason) in Rules)
        {
            var m = pattern.Match(normalized);
            if (m.Success) return $"{reason}: \"{m.Value}\"";
        }

        return null;
    }

    [GeneratedRegex(@"\b(as an? (AI|artificial intelligence|language model|chatbot|virtual assistant|assistant)\b|(I'?m|I am) (just |only )?an? (AI|artificial intelligence|bot|chatbot|language model)\b|(large )?language model\b|\bLLM\b)", RegexOptions.IgnoreCase)]
    private static partial Regex SelfAi();

    [GeneratedRegex(@"\b(OpenAI|ChatGPT|GPT-?[0-9][a-z0-9.\-]*|GPT\b|Claude|Anthropic|Llama|Gemini|Bard|Mistral|Mixtral|Qwen|DeepSeek|Copilot|Phi-?[0-9]|Gemma|Microsoft Copilot)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Vendor();

    [GeneratedRegex(@"\b(I (can'?t|cannot|can not|won'?t|am unable to|'m unable to|am not able to) (help|assist|provide|answer|respond|comply|do that)|I'?m (not able|unable) to (help|assist|provide)|I'?m sorry,? but I (can'?t|cannot))", RegexOptions.IgnoreCase)]
    private static partial Regex Refusal();
}
