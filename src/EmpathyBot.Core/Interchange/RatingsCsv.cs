using CsvHelper;
using EmpathyBot.Core.Study;
using EmpathyBot.Core.Text;

namespace EmpathyBot.Core.Interchange;

/// <summary>
/// The long ratings format shared by import and export:
/// <c>prompt_id,emotion,situation,utterance,source,response_id,response,rater,rating</c>.
/// Free text (situation, utterance, response) is read exactly as written, so exporting what was imported gives
/// the same file; a raw control character other than tab or a line break makes the row bad.
/// </summary>
public static class RatingsCsv
{
    public static readonly string[] Header =
        ["prompt_id", "emotion", "situation", "utterance", "source", "response_id", "response", "rater", "rating"];

    private static readonly HashSet<string> FreeText = ["situation", "utterance", "response"];

    public sealed record ParseResult(IReadOnlyList<RatingRow> Rows, IReadOnlyList<RowError> Errors);

    public static ParseResult Parse(TextReader reader)
    {
        var rows = new List<RatingRow>();
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

    private static RatingRow? ParseRow(CsvRecord record, Dictionary<string, int> columns, out string? error)
    {
        string Raw(string name) => columns[name] < record.Fields.Count ? record.Fields[columns[name]] : "";
        string Get(string name) => FreeText.Contains(name) ? Raw(name) : Raw(name).Trim();

        error = null;
        if (record.Fields.Count < columns.Count)
        {
            error = $"expected {columns.Count} fields, found {record.Fields.Count}";
            return null;
        }

        var problems = new List<string>();
        foreach (var required in new[] { "prompt_id", "emotion", "utterance", "source", "response_id", "response", "rater" })
        {
            if (string.IsNullOrWhiteSpace(Get(required))) problems.Add($"{required} is empty");
        }

        foreach (var name in Header)
        {
            var value = Raw(name);
            var at = ControlCharacters.IndexOfRefused(value);
            if (at >= 0) problems.Add($"{name} contains the control character {ControlCharacters.Describe(value[at])} at position {at + 1} (only tab and line breaks are allowed)");
        }

        var emotion = Get("emotion").ToLowerInvariant();
        if (emotion.Length > 0 && !Emotions.IsKnown(emotion)) problems.Add($"unknown emotion '{emotion}'");
        if (!RatingValues.TryParse(Get("rating"), out var rating))
            problems.Add($"rating '{Get("rating")}' is not good, okay or bad");

        if (problems.Count > 0)
        {
            error = string.Join("; ", problems);
            return null;
        }

        return new RatingRow(Get("prompt_id"), emotion, Get("situation"), Get("utterance"), Get("source"),
            Get("response_id"), Get("response"), Get("rater"), rating);
    }

    public static void WriteHeader(TextWriter writer) => Csv.WriteRow(writer, Header);

    public static void Write(TextWriter writer, RatingRow row) => Csv.WriteRow(writer, Fields(row));

    /// <summary>The header on a writer that takes the whole file (<see cref="Csv.CreateWriter"/>).</summary>
    public static void WriteHeader(CsvWriter csv) => Csv.WriteRow(csv, Header);

    public static void Write(CsvWriter csv, RatingRow row) => Csv.WriteRow(csv, Fields(row));

    private static string[] Fields(RatingRow row) =>
        [row.PromptId, row.Emotion, row.Situation, row.Utterance, row.Source, row.ResponseId, row.Response, row.Rater, row.Rating.ToWire()];
}
