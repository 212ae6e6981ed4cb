using System.Buffers;
using System.Text;
using EmpathyBot.Core.Text;

namespace EmpathyBot.Core.Interchange;

/// <summary>A CSV record with the 1-based line number it starts on (quoted fields may span lines).</summary>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields);

/// <summary>
/// RFC 4180 reading and writing: quotes, doubled quotes, embedded commas and newlines. Cells are written so a
/// spreadsheet opening the file never runs one as a formula (a single quote goes before a cell that starts like
/// one, as OWASP advises against CSV injection) and never meets a raw control character; reading removes exactly
/// the quote writing added, so a file we wrote reads back to the same values.
/// </summary>
public static class Csv
{
    /// <summary>What makes Excel, LibreOffice or Google Sheets read a cell as a formula (with the full-width forms some locales accept).</summary>
    private static readonly SearchValues<char> FormulaStarts = SearchValues.Create("=+-@\t\r\uFF1D\uFF0B\uFF0D\uFF20");

    public static IEnumerable<CsvRecord> Read(TextReader reader)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var quoted = false;
        var any = false;
        int ch;
        while ((ch = reader.Read()) != -1)
        {
            var c = (char)ch;
            if (quoted)
            {
                if (c == '"')
                {
                    if (reader.Peek() == '"') { reader.Read(); field.Append('"'); }
                    else quoted = false;
                }
                else
                {
                    if (c == '\n') line++;
                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    any = true;
                    break;
                case ',':
                    fields.Add(Restore(field.ToString()));
                    field.Clear();
                    any = true;
                    break;
                case '\r':
                    break;
                case '\n':
                    if (any || field.Length > 0)
                    {
                        fields.Add(Restore(field.ToString()));
                        yield return new CsvRecord(recordLine, fields.ToArray());
                    }

                    fields.Clear();
                    field.Clear();
                    any = false;
                    line++;
                    recordLine = line;
                    break;
                default:
                    field.Append(c);
                    any = true;
                    break;
            }
        }

        if (any || field.Length > 0)
        {
            fields.Add(Restore(field.ToString()));
            yield return new CsvRecord(recordLine, fields.ToArray());
        }
    }

    /// <summary>
    /// A cell that starts like a formula gets a single quote in front. Quotes already leading a value are looked
    /// past, so <c>'=x</c> becomes <c>''=x</c> and <see cref="Restore"/> can always remove exactly one.
    /// </summary>
    public static string Neutralise(string value) => StartsLikeFormula(value) ? "'" + value : value;

    /// <summary>Undoes <see cref="Neutralise"/>: <c>'=x</c> reads as <c>=x</c>, <c>''=x</c> as <c>'=x</c>; any other value is kept.</summary>
    public static string Restore(string value) => value.StartsWith('\'') && StartsLikeFormula(value) ? value[1..] : value;

    private static bool StartsLikeFormula(string value)
    {
        var rest = value.AsSpan().TrimStart('\'');
        return rest.Length > 0 && FormulaStarts.Contains(rest[0]);
    }

    /// <summary>One cell as written: control characters made visible, formulas neutralised, then quoted where RFC 4180 needs it.</summary>
    public static string Escape(string value)
    {
        var cell = Neutralise(ControlCharacters.MakeVisible(value));
        return cell.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + cell.Replace("\"", "\"\"") + "\"" : cell;
    }

    public static void WriteRow(TextWriter writer, IEnumerable<string> fields)
    {
        writer.Write(string.Join(',', fields.Select(Escape)));
        writer.Write('\n');
    }
}
