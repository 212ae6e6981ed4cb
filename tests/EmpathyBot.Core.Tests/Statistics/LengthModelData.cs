using EmpathyBot.Core.Summary;

namespace EmpathyBot.Core.Tests.Statistics;

/// <summary>The datasets of Golden/length_model.py, as (source, words, Good, Okay-or-Bad) cells.</summary>
internal static class LengthModelData
{
    public static readonly (string Source, long Words, long Good, long Other)[] ThreeSources =
    [
        ("human", 12, 3, 5), ("human", 25, 4, 4), ("human", 40, 6, 3), ("human", 8, 1, 4),
        ("human", 60, 5, 2), ("gpt-4o", 55, 7, 3), ("gpt-4o", 90, 9, 2), ("gpt-4o", 120, 6, 1),
        ("gpt-4o", 35, 3, 3), ("llama", 30, 2, 5), ("llama", 70, 6, 4), ("llama", 15, 1, 3),
        ("llama", 100, 5, 2),
    ];

    public static readonly (string Source, long Words, long Good, long Other)[] TiesSmall =
    [
        ("human", 10, 1, 2), ("human", 10, 1, 1), ("human", 20, 2, 1),
        ("model", 20, 1, 1), ("model", 40, 3, 1), ("model", 40, 0, 1), ("model", 10, 1, 2),
    ];

    public static readonly (string Source, long Words, long Good, long Other)[] FourSources =
    [
        ("human", 5, 0, 3), ("human", 18, 2, 3), ("human", 33, 3, 2), ("human", 47, 2, 1),
        ("a", 64, 8, 2), ("a", 80, 5, 1), ("a", 22, 1, 2),
        ("b", 12, 1, 4), ("b", 26, 2, 3), ("b", 150, 4, 1),
        ("c", 44, 3, 3), ("c", 44, 2, 2), ("c", 9, 0, 2), ("c", 77, 4, 2),
    ];

    /// <summary>The cells spread over two emotions (the model pools emotions), so the store's shape is exercised too.</summary>
    public static LengthCell[] Cells((string Source, long Words, long Good, long Other)[] data) =>
        data.Select((c, i) => new LengthCell(i % 2 == 0 ? "sad" : "joyful", c.Source, c.Words, c.Good, c.Other)).ToArray();

    /// <summary>The overall counters that match the cells (Okay and Bad split arbitrarily: the model only sees Good).</summary>
    public static Dictionary<string, SourceCounts> Counted((string Source, long Words, long Good, long Other)[] data) =>
        data.GroupBy(c => c.Source).ToDictionary(g => g.Key, g =>
        {
            long good = g.Sum(c => c.Good), other = g.Sum(c => c.Other);
            return new SourceCounts(g.Count(), good + other, good, other / 2, other - (other / 2));
        }, StringComparer.Ordinal);
}
