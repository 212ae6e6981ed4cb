using CsvHelper;
using EmpathyBot.Core.Study;
using EmpathyBot.Core.Text;

namespace EmpathyBot.Core.Interchange;

/// <summary>
/// The battles format shared by import and export:
/// <c>prompt_id,emotion,situation,utterance,source_a,response_a_id,response_a,source_b,response_b_id,response_b,rater,winner</c>
/// (<c>winner</c> = a | b | tie | both_bad). Cells follow the rules of <see cref="RatingsCsv"/>: free text is read exactly
/// as written, a raw control character makes the row bad, and the formula quote is removed once.
/// </summary>
public static class BattlesCsv
{
    public static readonly string[] Header =
    [
        "prompt_id", "emotion", "situation", "utterance", "source_a", "response_a_id", "response_a",
        "source_b", "response_b_id", "response_b", "rater", "winner",
    ];

    private static readonly HashSet<string> FreeText = ["situation", "utterance", "response_a", "response_b"];

    private static readonly string[] Required =
        ["prompt_id", "emotion", "utterance", "source_a", "response_a_id", "response_a", "source_b", "response_b_id", "response_b", "rater"];

    public sealed record ParseResult(IReadOnlyList<BattleRow> Rows, IReadOnlyList<RowError> Errors);

    public static ParseResult Parse(TextReader reader)
    {
        var rows = new List<BattleRow>();
        var errors = new List<RowError>();
        Dictionary<string, int>? columns = null;
        foreach (var record in Csv.Read(reader))
        {
            if (columns is null)
            {
                columns = record.Fields.Select((name, i) => (name: name.Trim().ToLowerInvariant(), i))
                    .GroupBy(x => x.name).ToDictionary(g => g.Key, g => g.First().i);
                var missing = Header.Where(h => !columns.ContainsKey(h)).ToArray();
                if (missing.Length > 0)
                {
                    errors.Add(new RowError(record.Line, $"header is missing column(s): {string.Join(", ", missing)}"));
                    return new ParseResult(rows, errors);
                }

                continue;
            }

            var row = ParseRow(record, columns, out var error);
            if (row is null) errors.Add(new RowError(record.Line, error!));
            else rows.Add(row);
        }

        if (columns is null) errors.Add(new RowError(1, "the file is empty: expected a header line"));
        return new ParseResult(rows, errors);
    }

    private static BattleRow? ParseRow(CsvRecord record, Dictionary<string, int> columns, out string? error)
    {
        string Raw(string name) => columns[name] < record.Fields.Count ? record.Fields[columns[name]] : "";
        string Get(string name) => FreeText.Contains(name) ? Raw(name) : Raw(name).Trim();

        error = null;
        if (record.Fields.Count < columns.Count)
        {
            error = $"expected {columns.Count} fields, found {record.Fields.Count}";
            return null;
        }

        var problems = Required.Where(name => string.IsNullOrWhiteSpace(Get(name))).Select(name => $"{name} is empty").ToList();
        foreach (var name in Header)
        {
            var value = Raw(name);
            var at = ControlCharacters.IndexOfRefused(value);
            if (at >= 0) problems.Add($"{name} contains the control character {ControlCharacters.Describe(value[at])} at position {at + 1} (only tab and line breaks are allowed)");
        }

        var emotion = Get("emotion").ToLowerInvariant();
        if (emotion.Length > 0 && !Emotions.IsKnown(emotion)) problems.Add($"unknown emotion '{emotion}'");
        if (Get("source_a").Length > 0 && Get("source_a") == Get("source_b")) problems.Add($"both replies are from '{Get("source_a")}': a battle compares two sources");
        if (Get("response_a_id").Length > 0 && Get("response_a_id") == Get("response_b_id")) problems.Add("response_a_id and response_b_id are the same reply");
        foreach (var id in new[] { "response_a_id", "response_b_id" })
        {
            if (Get(id).Length > ReplyIds.MaxLength) problems.Add($"{id} is longer than {ReplyIds.MaxLength} characters");
        }

        if (!BattleWinners.TryParse(Get("winner"), out var winner)) problems.Add($"winner '{Get("winner")}' is not a, b, tie or both_bad");

        if (problems.Count > 0)
        {
            error = string.Join("; ", problems);
            return null;
        }

        return new BattleRow(Get("prompt_id"), emotion, Get("situation"), Get("utterance"), Get("source_a"), Get("response_a_id"),
            Get("response_a"), Get("source_b"), Get("response_b_id"), Get("response_b"), Get("rater"), winner);
    }

    /// <summary>The header on a writer that takes the whole file (<see cref="Csv.CreateWriter"/>).</summary>
    public static void WriteHeader(CsvWriter csv) => Csv.WriteRow(csv, Header);

    public static void Write(CsvWriter csv, BattleRow row) => Csv.WriteRow(csv,
    [
        row.PromptId, row.Emotion, row.Situation, row.Utterance, row.SourceA, row.ResponseAId, row.ResponseA,
        row.SourceB, row.ResponseBId, row.ResponseB, row.Rater, row.Winner.ToWire(),
    ]);
}
