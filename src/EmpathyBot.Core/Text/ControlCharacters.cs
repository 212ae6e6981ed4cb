using System.Text;

namespace EmpathyBot.Core.Text;

/// <summary>
/// Control characters other than tab and line breaks: nobody types them in a reply, and whatever shows the text
/// later can be misled by them (terminal escape sequences, NUL cutting strings short, bells, the
/// C1 codes some terminals also read as escapes). Replies refuse them; CSV files show them as visible stand-ins.
/// </summary>
public static class ControlCharacters
{
    private const char ReplacementCharacter = '\uFFFD';

    public static bool IsRefused(char c) => char.IsControl(c) && c is not ('\t' or '\n' or '\r');

    /// <summary>The index of the first refused character, or -1 when there is none.</summary>
    public static int IndexOfRefused(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (IsRefused(text[i])) return i;
        }

        return -1;
    }

    /// <summary>How a message names a character, e.g. <c>U+001B</c>.</summary>
    public static string Describe(char c) => $"U+{(int)c:X4}";

    /// <summary>
    /// Each refused character becomes a visible one: its Unicode control picture for C0 and DEL (ESC shows as ␛),
    /// the replacement character for C1, which has no pictures.
    /// </summary>
    public static string MakeVisible(string text)
    {
        if (IndexOfRefused(text) < 0) return text;
        var visible = new StringBuilder(text.Length);
        foreach (var c in text) visible.Append(IsRefused(c) ? Picture(c) : c);
        return visible.ToString();
    }

    private static char Picture(char c) => c switch
    {
        < ' ' => (char)('\u2400' + c),
        '\u007F' => '\u2421',
        _ => ReplacementCharacter,
    };
}
