using System.Globalization;
using EmpathyBot.Core.Summary;
using StackExchange.Redis;

namespace EmpathyBot.Storage.Redis;

public sealed partial class RedisStudyStore
{
    /// <summary>
    /// The flat "lengths" hash as cells. Fields are "{emotion}|{source}|{words}|{good|other}": the emotion ends at
    /// the first bar and the last two parts are fixed, so a source may itself contain a bar.
    /// </summary>
    private static List<LengthCell> ReadLengths(RedisResult[] flat)
    {
        var cells = new Dictionary<(string Emotion, string Source, long Words), (long Good, long Other)>();
        for (var i = 0; i + 1 < flat.Length; i += 2)
        {
            var field = (string)flat[i]!;
            int first = field.IndexOf('|'), last = field.LastIndexOf('|');
            int middle = last > 0 ? field.LastIndexOf('|', last - 1) : -1;
            if (first < 0 || middle <= first) continue;
            if (!long.TryParse(field[(middle + 1)..last], NumberStyles.None, CultureInfo.InvariantCulture, out var words)) continue;
            var key = (field[..first], field[(first + 1)..middle], words);
            var count = (long)flat[i + 1];
            var sum = cells.GetValueOrDefault(key);
            cells[key] = field[(last + 1)..] == "good" ? (sum.Good + count, sum.Other) : (sum.Good, sum.Other + count);
        }

        return cells.Where(c => c.Value.Good != 0 || c.Value.Other != 0)
            .Select(c => new LengthCell(c.Key.Emotion, c.Key.Source, c.Key.Words, c.Value.Good, c.Value.Other))
            .OrderBy(c => c.Emotion, StringComparer.Ordinal).ThenBy(c => c.Source, StringComparer.Ordinal).ThenBy(c => c.Words)
            .ToList();
    }
}
