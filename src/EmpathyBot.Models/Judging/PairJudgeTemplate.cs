using System.Security.Cryptography;
using System.Text.RegularExpressions;
using EmpathyBot.Core.Study;

namespace EmpathyBot.Models.Judging;

/// <summary>
/// The researcher-editable pairwise judge prompt (<c>data/templates/judge-pairwise.txt</c>): what a person's pair card
/// shows, as text. Placeholders: {{situation}}, {{utterance}}, {{reply_a}}, {{reply_b}}, {{question}} and
/// {{definitions}}; the last two come from the same wording the cards use. The replies' sources are never shown.
/// The SHA-256 of the file is stored with every pairwise verdict.
/// </summary>
public sealed partial class PairJudgeTemplate
{
    /// <summary>The pairwise judge prompt, under <c>Data:Directory</c>.</summary>
    public const string TemplatePath = "templates/judge-pairwise.txt";

    private static readonly string[] Required = ["{{situation}}", "{{utterance}}", "{{reply_a}}", "{{reply_b}}", "{{question}}", "{{definitions}}"];

    private readonly string _text;

    private PairJudgeTemplate(string text, string sha256)
    {
        _text = text;
        Sha256 = sha256;
    }

    public string Sha256 { get; }

    public static PairJudgeTemplate Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Pairwise judge template not found: {path}.", path);
        return Parse(File.ReadAllBytes(path), path);
    }

    public static PairJudgeTemplate Parse(byte[] bytes, string path)
    {
        var text = new System.Text.UTF8Encoding(false).GetString(bytes).TrimStart('\uFEFF').Replace("\r\n", "\n");
        var missing = Required.Where(p => !text.Contains(p, StringComparison.Ordinal)).ToList();
        if (missing.Count > 0) throw new FormatException($"Pairwise judge template {path} lacks {string.Join(", ", missing)}.");
        return new PairJudgeTemplate(text, Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }

    /// <summary>The prompt with <paramref name="first"/> shown as Reply A and <paramref name="second"/> as Reply B; one pass, so a reply's own braces stay as written.</summary>
    public string Render(StudyPrompt prompt, Reply first, Reply second)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["{{situation}}"] = prompt.Situation.Trim(),
            ["{{utterance}}"] = prompt.Utterance.Trim(),
            ["{{reply_a}}"] = first.Text.Trim(),
            ["{{reply_b}}"] = second.Text.Trim(),
            ["{{question}}"] = EmpathyWording.PairQuestion,
            ["{{definitions}}"] = EmpathyWording.DefinitionsText,
        };
        return Placeholder().Replace(_text, m => values[m.Value]).TrimEnd();
    }

    [GeneratedRegex(@"\{\{(situation|utterance|reply_a|reply_b|question|definitions)\}\}")]
    private static partial Regex Placeholder();
}
