using System.Security.Cryptography;
using System.Text;
using EmpathyBot.Core.Study;

namespace EmpathyBot.Models.Running;

/// <summary>Cache key = SHA-256 of (contender settings, template hash, prompt); equal keys mean a re-run would ask the same question.</summary>
public static class CacheKeys
{
    public static string For(IContender contender, StudyPrompt prompt) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            $"v1\n{contender.CacheIdentity}\n{prompt.Id}\n{prompt.Situation}\n{prompt.Utterance}")));
}
