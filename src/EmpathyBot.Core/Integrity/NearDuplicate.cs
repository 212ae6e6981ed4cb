using System.Globalization;

namespace EmpathyBot.Core.Integrity;

/// <summary>
/// Word 3-gram Jaccard similarity. Words are runs of letters, digits and apostrophes, lower-cased, so punctuation,
/// case and spacing do not hide a copy. A text of one or two words has no 3-gram: it is compared as one whole
/// "gram" (similarity 1 when the word sequences are equal, else 0). A text with no word is never similar to anything.
/// </summary>
/// <remarks>
/// A text's grams are kept as its <see cref="Fingerprint"/>: the sorted, distinct 64-bit hashes of its grams. Every
/// reply is compared with every other reply to its prompt as it arrives, so grams as strings (a string per word and
/// per gram, a hash set per reply) were most of a reply turn's allocations. Two different grams share a hash with
/// odds of about n²/2⁶⁵ for n grams in a comparison, far below anything a similarity could show.
/// </remarks>
public static class NearDuplicate
{
    public const int N = 3;

    public static double Similarity(string a, string b) => Similarity(Fingerprint(a), Fingerprint(b));

    /// <summary>Shared grams over all distinct grams of two fingerprints (<see cref="Fingerprint"/>).</summary>
    public static double Similarity(ReadOnlySpan<ulong> x, ReadOnlySpan<ulong> y)
    {
        if (x.IsEmpty || y.IsEmpty) return 0;
        int i = 0, j = 0, shared = 0;
        while (i < x.Length && j < y.Length)
        {
            if (x[i] == y[j])
            {
                shared++;
                i++;
                j++;
            }
            else if (x[i] < y[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return (double)shared / (x.Length + y.Length - shared);
    }

    /// <summary>The sorted, distinct hashes of the text's word 3-grams (of its whole word sequence when it has fewer than three words).</summary>
    public static ulong[] Fingerprint(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = new List<ulong>();
        var reader = new WordReader(text);
        while (reader.Next(out var word)) words.Add(Hash(word));
        if (words.Count == 0) return [];
        if (words.Count < N)
        {
            var whole = Mix(ShortSeed, words[0]);
            for (var i = 1; i < words.Count; i++) whole = Mix(whole, words[i]);
            return [whole];
        }

        var grams = new ulong[words.Count - N + 1];
        for (var i = 0; i < grams.Length; i++) grams[i] = Mix(Mix(Mix(GramSeed, words[i]), words[i + 1]), words[i + 2]);
        Array.Sort(grams);
        var distinct = 1;
        for (var i = 1; i < grams.Length; i++)
        {
            if (grams[i] != grams[distinct - 1]) grams[distinct++] = grams[i];
        }

        return distinct == grams.Length ? grams : grams[..distinct];
    }

    /// <summary>The words as compared: lower-cased, curly apostrophes made straight, apostrophes at either end dropped.</summary>
    public static IReadOnlyList<string> Words(string text)
    {
        var words = new List<string>();
        var reader = new WordReader(text);
        while (reader.Next(out var word)) words.Add(word.ToString());
        return words;
    }

    public static string Format(double similarity) => similarity.ToString("0.###", CultureInfo.InvariantCulture);

    // Different seeds keep a two-word text's one gram apart from any 3-gram.
    private const ulong GramSeed = 0x9E3779B97F4A7C15, ShortSeed = 0xC2B2AE3D27D4EB4F;

    private static ulong Hash(ReadOnlySpan<char> word)
    {
        // FNV-1a over the UTF-16 code units: deterministic across runs and processes.
        var h = 0xCBF29CE484222325UL;
        foreach (var ch in word) h = (h ^ ch) * 0x100000001B3UL;
        return h;
    }

    private static ulong Mix(ulong seed, ulong value)
    {
        // SplitMix64's finaliser over the running value: order matters, so "a b c" and "c b a" differ.
        var z = seed + value + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Reads the words of a text one at a time into one reused buffer.</summary>
    private ref struct WordReader(string text)
    {
        private readonly char[] buffer = new char[text.Length];
        private int at;

        public bool Next(out ReadOnlySpan<char> word)
        {
            while (at < text.Length)
            {
                var length = 0;
                for (; at < text.Length; at++)
                {
                    var ch = char.ToLowerInvariant(text[at]);
                    if (char.IsLetterOrDigit(ch) || ch == '\'') buffer[length++] = ch;
                    else if (ch == '\u2019') buffer[length++] = '\'';
                    else break;
                }

                at++;
                word = buffer.AsSpan(0, length).Trim('\'');
                if (!word.IsEmpty) return true;
            }

            word = default;
            return false;
        }
    }
}
