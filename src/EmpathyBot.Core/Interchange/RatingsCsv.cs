using CsvHelper;
using EmpathyBot.Core.Study;

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
        var (rows, errors) = HeaderedCsv.Parse(reader, Header, FreeText, ParseRow);
        return new ParseResult(rows, errors);
    }

    private static RatingRow? ParseRow(Func<string, string> get, List<string> problems)
    {
        problems.InsertRange(0, new[] { "prompt_id", "emotion", "utterance", "source", "response_id", "response", "rater" }
            .Where(name => string.IsNullOrWhiteSpace(get(name))).Select(name => $"{name} is empty"));
        var emotion = get("emotion").ToLowerInvariant();
        if (emotion.Length > 0 && !Emotions.IsKnown(emotion)) problems.Add($"unknown emotion '{emotion}'");
        if (!RatingValues.TryParse(get("rating"), out var rating))
            problems.Add($"rating '{get("rating")}' is not good, okay or bad");

        return problems.Count > 0 ? null : new RatingRow(get("prompt_id"), emotion, get("situation"), get("utterance"), get("source"),
            get("response_id"), get("response"), get("rater"), rating);
    }

    public static void WriteHeader(TextWriter writer) => Csv.WriteRow(writer, Header);

    public static void Write(TextWriter writer, RatingRow row) => Csv.WriteRow(writer, Fields(row));

    /// <summary>The header on a writer that takes the whole file (<see cref="Csv.CreateWriter"/>).</summary>
    public static void WriteHeader(CsvWriter csv) => Csv.WriteRow(csv, Header);

    public static void Write(CsvWriter csv, RatingRow row) => Csv.WriteRow(csv, Fields(row));

    private static string[] Fields(RatingRow row) =>
        [row.PromptId, row.Emotion, row.Situation, row.Utterance, row.Source, row.ResponseId, row.Response, row.Rater, row.Rating.ToWire()];
}
