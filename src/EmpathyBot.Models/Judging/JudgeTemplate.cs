using System.Security.Cryptography;
using EmpathyBot.Core.Study;

namespace EmpathyBot.Models.Judging;

/// <summary>
/// The researcher-editable judge prompt (<c>data/templates/judge.txt</c>): what a person's rating card shows, as text.
/// Placeholders: {{situation}}, {{utterance}}, {{reply}}, {{question}} and {{definitions}}; the last two come from the
/// same wording the rating cards use. The reply's source is never shown. The SHA-256 of the file is stored with every verdict.
/// </summary>
public sealed class JudgeTemplate
{
    private static readonly string[] Required = ["{{situation}}", "{{utterance}}", "{{reply}}", "{{question}}", "{{definitions}}"];

    private readonly string _text;

    private JudgeTemplate(string text, string sha256)
    {
        _text = text;
        Sha256 = sha256;
    }

    public string Sha256 { get; }

    public static JudgeTemplate Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Judge template not found: {path}.", path);
        return Parse(File.ReadAllBytes(path), path);
    }

    public static JudgeTemplate Parse(byte[] bytes, string path)
    {
        var text = new System.Text.UTF8Encoding(false).GetString(bytes).TrimStart('\uFEFF').Replace("\r\n", "\n");
        var missing = Required.Where(p => !text.Contains(p, StringComparison.Ordinal)).ToList();
        if (missing.Count > 0) throw new FormatException($"Judge template {path} lacks {string.Join(", ", missing)}.");
        return new JudgeTemplate(text, Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }

    // One pass over the template, so a reply that itself contains "{{question}}" is shown as written.
    public string Render(StudyPrompt prompt, Reply reply)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["{{situation}}"] = prompt.Situation.Trim(),
            ["{{utterance}}"] = prompt.Utterance.Trim(),
            ["{{reply}}"] = reply.Text.Trim(),
            ["{{question}}"] = EmpathyWording.RatingQuestion,
            ["{{definitions}}"] = EmpathyWording.DefinitionsText,
        };
        return System.Text.RegularExpressions.Regex.Replace(_text, @"\{\{(situation|utterance|reply|question|definitions)\}\}", m => values[m.Value]).TrimEnd();
    }
}
