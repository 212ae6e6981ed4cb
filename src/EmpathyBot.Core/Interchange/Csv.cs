using System.Buffers;
using CsvHelper;
using EmpathyBot.Core.Text;

namespace EmpathyBot.Core.Interchange;

/// <summary>A CSV record with the 1-based line number it starts on (quoted fields may span lines).</summary>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields);

/// <summary>
/// RFC 4180 reading and writing through CsvHelper. Cells are written so a spreadsheet opening the file never runs
/// one as a formula (a single quote goes before a cell that starts like one, as OWASP advises against CSV
/// injection) and never meets a raw control character; reading removes exactly the quote writing added, so a file
/// we wrote reads back to the same values. CsvHelper's own injection escaping is off: it only knows ASCII formula
/// starts and does not look past quotes already there, so it could not be undone exactly.
/// </summary>
public static class Csv
{
    /// <summary>What makes Excel, LibreOffice or Google Sheets read a cell as a formula (with the full-width forms some locales accept).</summary>
    private static readonly SearchValues<char> FormulaStarts = SearchValues.Create("=+-@\t\r\uFF1D\uFF0B\uFF0D\uFF20");

    private static readonly CsvReaderOptions ReadOptions = CsvReaderOptions.Default with
    {
        Separator = ',',
        HasHeader = false,
        TrackLineNumbers = true,
        FieldCountMismatch = CsvFieldCountHandling.Allow,
    };

    private static readonly CsvWriterOptions WriteOptions = CsvWriterOptions.Default with
    {
        NewLine = "\n",
        ValidateFieldCount = false,
        Injection = CsvInjection.None,
    };

    /// <summary>Every non-empty record; a field count that differs from the header's is the caller's to report.</summary>
    public static IEnumerable<CsvRecord> Read(TextReader reader) => Records(reader, ReadOptions, Restore);

    /// <summary>
    /// Records of a file that never quotes (a quote is text), split on commas per line, values as written: the
    /// released EmpatheticDialogues files are like this.
    /// </summary>
    public static IEnumerable<CsvRecord> ReadUnquoted(TextReader reader) =>
        Records(reader, ReadOptions with { Mode = CsvMode.NoEscape }, value => value);

    private static IEnumerable<CsvRecord> Records(TextReader reader, CsvReaderOptions options, Func<string, string> value)
    {
        using var csv = CsvReader.Create(reader, options, leaveOpen: true);
        while (csv.Read())
        {
            var fields = new string[csv.FieldCount];
            for (var i = 0; i < fields.Length; i++) fields[i] = value(csv.GetString(i) ?? "");
            yield return new CsvRecord((int)csv.LineNumber, fields);
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

    /// <summary>The text of a cell before CSV quoting: control characters made visible, formulas neutralised.</summary>
    public static string Cell(string value) => Neutralise(ControlCharacters.MakeVisible(value));

    /// <summary>One cell as written: <see cref="Cell"/>, then quoted where RFC 4180 needs it.</summary>
    public static string Escape(string value)
    {
        var cell = Cell(value);
        if (cell.Length == 0) return cell; // alone on a line CsvHelper writes "" so the record is not an empty line
        using var text = new StringWriter();
        using (var csv = CsvWriter.Create(text, WriteOptions, leaveOpen: true))
        {
            csv.WriteField(cell);
            csv.EndRecord();
        }

        return text.ToString()[..^1];
    }

    public static void WriteRow(TextWriter writer, IEnumerable<string> fields)
    {
        using var csv = CreateWriter(writer);
        WriteRow(csv, fields);
    }

    /// <summary>A writer for many rows (one buffer for the whole file); <paramref name="writer"/> stays open.</summary>
    public static CsvWriter CreateWriter(TextWriter writer) => CsvWriter.Create(writer, WriteOptions, leaveOpen: true);

    /// <summary>One record of <see cref="Cell"/>s; a null field is written empty.</summary>
    public static void WriteRow(CsvWriter csv, IEnumerable<string?> fields)
    {
        foreach (var field in fields) csv.WriteField(Cell(field ?? ""));
        csv.EndRecord();
    }
}
