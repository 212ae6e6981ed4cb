using EmpathyBot.Conversation.Messages;
using EmpathyBot.Services;
using Microsoft.Extensions.Options;

namespace EmpathyBot.Conversation.Flows;

/// <summary>
/// The consent and debrief texts the researcher owns, read once from their files. A text is blocks separated by
/// blank lines: "# title" is a heading, lines "- name: value" are facts, anything else a paragraph. {ResearcherName}
/// and {ResearcherContact} are filled in from the settings; a block naming one that is not set is left out.
/// </summary>
public sealed class StudyTexts(IOptions<StudyOptions> study, IOptions<DataOptions> data)
{
    private readonly Lazy<IReadOnlyList<MessageBlock>> consent = new(() => Load(study.Value, data.Value, study.Value.ConsentPath));
    private readonly Lazy<IReadOnlyList<MessageBlock>> debrief = new(() => Load(study.Value, data.Value, study.Value.DebriefPath));

    public IReadOnlyList<MessageBlock> Consent => consent.Value;

    public IReadOnlyList<MessageBlock> Debrief => debrief.Value;

    public static string Resolve(DataOptions data, string path) => Path.IsPathRooted(path) ? path : Path.Combine(data.Resolve(), path);

    private static IReadOnlyList<MessageBlock> Load(StudyOptions study, DataOptions data, string path) =>
        Parse(File.ReadAllText(Resolve(data, path)), new Dictionary<string, string>
        {
            ["{ResearcherName}"] = study.ResearcherName,
            ["{ResearcherContact}"] = study.ResearcherContact,
        });

    public static IReadOnlyList<MessageBlock> Parse(string text, IReadOnlyDictionary<string, string> values)
    {
        var blocks = new List<MessageBlock>();
        foreach (var raw in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (values.Any(v => v.Value.Length == 0 && raw.Contains(v.Key, StringComparison.Ordinal))) continue;
            var block = values.Aggregate(raw, (t, v) => t.Replace(v.Key, v.Value, StringComparison.Ordinal));
            var lines = block.Split('\n', StringSplitOptions.TrimEntries);
            if (lines.All(l => l.StartsWith("- ", StringComparison.Ordinal) && l.Contains(": ", StringComparison.Ordinal)))
                blocks.Add(new Facts(lines.Select(l => l[2..].Split(": ", 2)).Select(p => new Fact(p[0], p[1])).ToArray()));
            else if (lines.Length == 1 && block.StartsWith("# ", StringComparison.Ordinal))
                blocks.Add(new Heading(block[2..].Trim()));
            else
                blocks.Add(new Paragraph(string.Join(' ', lines)));
        }

        return blocks;
    }

    /// <summary>The text of the blocks on one line, for channels that show no cards.</summary>
    public static string PlainText(IEnumerable<MessageBlock> blocks) => string.Join(" ", blocks.Select(b => b switch
    {
        Heading h => h.Text + ".",
        Paragraph p => p.Text,
        Facts f => string.Join(" ", f.Items.Select(i => $"{i.Name}: {i.Value}")),
        _ => "",
    }).Where(s => s.Length > 0));
}
