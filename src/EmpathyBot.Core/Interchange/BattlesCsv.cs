using CsvHelper;
using EmpathyBot.Core.Study;

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
        var (rows, errors) = HeaderedCsv.Parse(reader, Header, FreeText, ParseRow);
        return new ParseResult(rows, errors);
    }

    private static BattleRow? ParseRow(Func<string, string> get, List<string> problems)
    {
        problems.InsertRange(0, Required.Where(name => string.IsNullOrWhiteSpace(get(name))).Select(name => $"{name} is empty"));
        var emotion = get("emotion").ToLowerInvariant();
        if (emotion.Length > 0 && !Emotions.IsKnown(emotion)) problems.Add($"unknown emotion '{emotion}'");
        if (get("source_a").Length > 0 && get("source_a") == get("source_b")) problems.Add($"both replies are from '{get("source_a")}': a battle compares two sources");
        if (get("response_a_id").Length > 0 && get("response_a_id") == get("response_b_id")) problems.Add("response_a_id and response_b_id are the same reply");
        foreach (var id in new[] { "response_a_id", "response_b_id" })
        {
            if (get(id).Length > ReplyIds.MaxLength) problems.Add($"{id} is longer than {ReplyIds.MaxLength} characters");
        }

        if (!BattleWinners.TryParse(get("winner"), out var winner)) problems.Add($"winner '{get("winner")}' is not a, b, tie or both_bad");
        return problems.Count > 0 ? null : new BattleRow(get("prompt_id"), emotion, get("situation"), get("utterance"), get("source_a"),
            get("response_a_id"), get("response_a"), get("source_b"), get("response_b_id"), get("response_b"), get("rater"), winner);
    }

    /// <summary>The header on a writer that takes the whole file (<see cref="Csv.CreateWriter"/>).</summary>
    public static void WriteHeader(CsvWriter csv) => Csv.WriteRow(csv, Header);

    public static void Write(CsvWriter csv, BattleRow row) => Csv.WriteRow(csv,
    [
        row.PromptId, row.Emotion, row.Situation, row.Utterance, row.SourceA, row.ResponseAId, row.ResponseA,
        row.SourceB, row.ResponseBId, row.ResponseB, row.Rater, row.Winner.ToWire(),
    ]);
}
