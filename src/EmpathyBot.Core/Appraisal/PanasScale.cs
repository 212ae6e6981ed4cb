using System.Text.Json;

namespace EmpathyBot.Core.Appraisal;

/// <summary>The PANAS: 20 adjectives answered 1-5; PA and NA are the sums of their ten items each.</summary>
public sealed class PanasScale
{
    public const int ItemCount = 20;
    public const int Min = 1;
    public const int Max = 5;

    private PanasScale(IReadOnlyList<PanasItem> items, IReadOnlyList<string> anchors)
    {
        Items = items;
        Anchors = anchors;
    }

    /// <summary>Items in the standard order (index = number - 1).</summary>
    public IReadOnlyList<PanasItem> Items { get; }

    /// <summary>What 1..5 mean, e.g. "very slightly or not at all" for 1.</summary>
    public IReadOnlyList<string> Anchors { get; }

    /// <summary>Reads <c>data/appraisal/panas.json</c>: <c>{"anchors":[5 strings],"items":[{"number","word","affect":"positive|negative"}]}</c>.</summary>
    public static PanasScale Parse(string json)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new FormatException($"PANAS file is not valid JSON: {e.Message}", e);
        }

        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("items", out var itemsNode) || itemsNode.ValueKind != JsonValueKind.Array)
                throw new FormatException("PANAS file needs an \"items\" array.");
            var items = new List<PanasItem>();
            foreach (var node in itemsNode.EnumerateArray())
            {
                if (node.ValueKind != JsonValueKind.Object
                    || !node.TryGetProperty("number", out var number) || number.ValueKind != JsonValueKind.Number
                    || !node.TryGetProperty("word", out var word) || word.ValueKind != JsonValueKind.String
                    || !node.TryGetProperty("affect", out var affect) || affect.ValueKind != JsonValueKind.String)
                    throw new FormatException("Each PANAS item needs \"number\", \"word\" and \"affect\".");
                var kind = affect.GetString();
                if (kind is not ("positive" or "negative"))
                    throw new FormatException($"PANAS item {number.GetRawText()}: affect must be \"positive\" or \"negative\", not \"{kind}\".");
                items.Add(new PanasItem(number.GetInt32(), word.GetString()!.Trim(), kind == "positive"));
            }

            var anchors = root.TryGetProperty("anchors", out var a) && a.ValueKind == JsonValueKind.Array
                ? a.EnumerateArray().Select(x => x.GetString() ?? "").ToArray()
                : ["very slightly or not at all", "a little", "moderately", "quite a bit", "extremely"];
            return Create(items, anchors);
        }
    }

    public static PanasScale Create(IEnumerable<PanasItem> items, IReadOnlyList<string> anchors)
    {
        var ordered = items.OrderBy(i => i.Number).ToArray();
        if (ordered.Length != ItemCount || ordered.Select((i, k) => i.Number == k + 1).Any(ok => !ok))
            throw new FormatException($"PANAS needs exactly {ItemCount} items numbered 1 to {ItemCount}.");
        if (ordered.Count(i => i.Positive) != ItemCount / 2)
            throw new FormatException("PANAS needs 10 positive and 10 negative items.");
        if (ordered.Select(i => i.Word.ToLowerInvariant()).Distinct().Count() != ItemCount || ordered.Any(i => i.Word.Length == 0))
            throw new FormatException("PANAS item words must be non-empty and distinct.");
        if (anchors.Count != Max - Min + 1) throw new FormatException("PANAS needs 5 anchors (the meaning of 1 to 5).");
        return new PanasScale(ordered, anchors);
    }

    /// <summary>PA and NA of 20 answers in the standard order; every answer must be 1-5.</summary>
    public PanasScore Score(IReadOnlyList<int> answers)
    {
        if (answers.Count != ItemCount) throw new ArgumentException($"PANAS needs {ItemCount} answers, got {answers.Count}.", nameof(answers));
        int pa = 0, na = 0;
        for (var i = 0; i < ItemCount; i++)
        {
            var v = answers[i];
            if (v is < Min or > Max) throw new ArgumentException($"Answer {i + 1} ({Items[i].Word}) is {v}; answers go from {Min} to {Max}.", nameof(answers));
            if (Items[i].Positive) pa += v;
            else na += v;
        }

        return new PanasScore(pa, na);
    }
}
