using System.Globalization;
using System.Text;

namespace EmpathyBot.Core.Integrity;

/// <summary>
/// Word 3-gram Jaccard similarity. Words are runs of letters, digits and apostrophes, lower-cased, so punctuation,
/// case and spacing do not hide a copy. A text of one or two words has no 3-gram: it is compared as one whole
/// "gram" (similarity 1 when the word sequences are equal, else 0). A text with no word is never similar to anything.
/// </summary>
public static class NearDuplicate
{
    public const int N = 3;

    public static double Similarity(string a, string b) => Similarity(Grams(a), b);

    /// <summary>
    /// The similarity of a text whose grams are already made (<see cref="Grams"/>) to <paramref name="b"/>: a reply is
    /// compared with every other reply to its prompt, so its own grams are made once.
    /// </summary>
    public static double Similarity(IReadOnlySet<string> x, string b)
    {
        var y = Grams(b);
        if (x.Count == 0 || y.Count == 0) return 0;
        var shared = x.Count(y.Contains);
        return (double)shared / (x.Count + y.Count - shared);
    }

    public static IReadOnlyList<string> Words(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var ch in text.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(ch) || ch is '\'' or '\u2019') word.Append(ch == '\u2019' ? '\'' : ch);
            else Flush();
        }

        Flush();
        return words;

        void Flush()
        {
            var w = word.ToString().Trim('\'');
            if (w.Length > 0) words.Add(w);
            word.Clear();
        }
    }

    public static HashSet<string> Grams(string text)
    {
        var words = Words(text);
        var grams = new HashSet<string>(StringComparer.Ordinal);
        if (words.Count == 0) return grams;
        if (words.Count < N)
        {
            grams.Add(string.Join(' ', words));
            return grams;
        }

        for (var i = 0; i + N <= words.Count; i++) grams.Add(string.Join(' ', words.Skip(i).Take(N)));
        return grams;
    }

    public static string Format(double similarity) => similarity.ToString("0.###", CultureInfo.InvariantCulture);
}
