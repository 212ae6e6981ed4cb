using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using EmpathyBot.Core.Study;

namespace EmpathyBot.Models.Baseline;

/// <summary>
/// The deterministic, non-LLM contender: detect the emotion from the prompt text, then pick one of our own replies
/// for it by a stable hash of the prompt id. Lets a fresh install show the whole comparison without an API key.
/// </summary>
public sealed class BaselineContender(string id, ReplyBank bank, EmotionLexicon lexicon) : IContender
{
    public const string ModelName = "baseline (emotion retrieval)";

    public string Id { get; } = id;

    public bool IsBaseline => true;

    public string TemplateHash { get; } = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(bank.Hash + lexicon.Hash)));

    public string CacheIdentity => $"baseline|{Id}|{TemplateHash}";

    public string? DetectEmotion(StudyPrompt prompt) => lexicon.Detect(prompt.Situation + " " + prompt.Utterance);

    public Task<ContenderReply> ReplyAsync(StudyPrompt prompt, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var replies = bank.For(DetectEmotion(prompt));
        var pick = replies[(int)(StableHash.Sha256(prompt.Id) % (ulong)replies.Count)];
        // No tokens: nothing was generated, and token totals should only count what a model was paid for.
        return Task.FromResult(new ContenderReply(
            pick.Text, ModelName, 0, 0, "stop", Stopwatch.GetElapsedTime(started).TotalMilliseconds));
    }
}
