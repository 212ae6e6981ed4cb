using EmpathyBot.Core.Interchange;
using EmpathyBot.Core.Study;

namespace EmpathyBot.Core.Prompts;

/// <summary>
/// Reads the EmpatheticDialogues CSV (<c>conv_id,utterance_idx,context,prompt,speaker_idx,utterance,...</c>):
/// the first utterance of each conversation becomes a prompt; <c>_comma_</c> stands for a comma.
/// </summary>
public static class EmpatheticDialoguesCsv
{
    private static readonly string[] Required = ["conv_id", "utterance_idx", "context", "prompt", "utterance"];

    public static PromptBank.ParseResult Parse(TextReader reader, string set)
    {
        var prompts = new Dictionary<string, (int Index, StudyPrompt Prompt)>(StringComparer.Ordinal);
        var errors = new List<RowError>();
        Dictionary<string, int>? columns = null;
        // The released files are not RFC 4180: fields are never quoted, so a stray quote is text.
        foreach (var record in Csv.ReadUnquoted(reader))
        {
            if (columns is null)
            {
                columns = record.Fields.Select((n, i) => (n: n.Trim(), i)).GroupBy(x => x.n).ToDictionary(g => g.Key, g => g.First().i);
                var missing = Required.Where(r => !columns.ContainsKey(r)).ToArray();
                if (missing.Length > 0)
                {
                    errors.Add(new RowError(record.Line, $"header is missing column(s): {string.Join(", ", missing)}"));
                    break;
                }

                continue;
            }

            string Get(string name) => columns[name] < record.Fields.Count ? Unescape(record.Fields[columns[name]]) : "";
            if (record.Fields.Count < Required.Max(r => columns[r]) + 1)
            {
                errors.Add(new RowError(record.Line, $"expected at least {columns.Count} fields, found {record.Fields.Count}"));
                continue;
            }

            if (!int.TryParse(Get("utterance_idx"), out var index))
            {
                errors.Add(new RowError(record.Line, $"utterance_idx '{Get("utterance_idx")}' is not a number"));
                continue;
            }

            var convId = Get("conv_id");
            var prompt = PromptBank.Validate(convId, Get("context"), Get("prompt"), Get("utterance"), set, out var error);
            if (prompt is null)
            {
                errors.Add(new RowError(record.Line, error!));
                continue;
            }

            if (!prompts.TryGetValue(convId, out var existing) || index < existing.Index)
                prompts[convId] = (index, prompt);
        }

        if (columns is null) errors.Add(new RowError(1, "the file is empty: expected a header line"));
        return new PromptBank.ParseResult(prompts.Values.Select(p => p.Prompt).ToArray(), errors);
    }

    private static string Unescape(string field) => field.Replace("_comma_", ",").Trim();
}
