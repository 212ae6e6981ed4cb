using System.Text;

namespace EmpathyBot.Channels.Rendering;

/// <summary>Plain text made safe for a field that a host may render as markdown.</summary>
public static class MarkdownText
{
    /// <summary>
    /// Backslash-escapes every ASCII punctuation character, which CommonMark allows for each of them: no emphasis,
    /// link, image, HTML tag or entity survives, and the text reads the same once rendered.
    /// </summary>
    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length * 2);
        foreach (var c in text)
        {
            if (IsAsciiPunctuation(c)) escaped.Append('\\');
            escaped.Append(c);
        }

        return escaped.ToString();
    }

    private static bool IsAsciiPunctuation(char c) => c is >= '!' and <= '~' && !char.IsAsciiLetterOrDigit(c);
}
