namespace EmpathyBot.Core.Study;

public sealed record Emotion(string Label, Valence Valence);

/// <summary>The 32 EmpatheticDialogues labels with the valence split used by Welivita &amp; Pu.</summary>
public static class Emotions
{
    private static readonly string[] PositiveLabels =
    [
        "anticipating", "caring", "confident", "content", "excited", "faithful", "grateful",
        "hopeful", "impressed", "joyful", "prepared", "proud", "surprised", "trusting",
    ];

    private static readonly string[] NegativeLabels =
    [
        "afraid", "angry", "annoyed", "anxious", "apprehensive", "ashamed", "devastated", "disappointed",
        "disgusted", "embarrassed", "furious", "guilty", "jealous", "lonely", "nostalgic", "sad",
        "sentimental", "terrified",
    ];

    public static IReadOnlyList<Emotion> All { get; } =
        PositiveLabels.Select(l => new Emotion(l, Valence.Positive))
            .Concat(NegativeLabels.Select(l => new Emotion(l, Valence.Negative)))
            .OrderBy(e => e.Label, StringComparer.Ordinal)
            .ToArray();

    private static readonly Dictionary<string, Emotion> ByLabel =
        All.ToDictionary(e => e.Label, StringComparer.OrdinalIgnoreCase);

    public static bool TryGet(string label, out Emotion emotion) =>
        ByLabel.TryGetValue(label.Trim(), out emotion!);

    public static bool IsKnown(string label) => ByLabel.ContainsKey(label.Trim());

    public static Valence ValenceOf(string label) =>
        TryGet(label, out var e) ? e.Valence : throw new ArgumentException($"Unknown emotion label '{label}'.", nameof(label));
}
