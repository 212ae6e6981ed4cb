using EmpathyBot.Core.Text;

namespace EmpathyBot.Core.Interchange;

/// <summary>
/// The one reader of our interchange CSVs: the first record names the columns (any order, any case, extra columns
/// ignored); each later record is read through its column names, and every problem of a row is reported against the
/// line it starts on. Free-text columns are read exactly as written, the others trimmed; a raw control character other
/// than tab or a line break makes the row bad.
/// </summary>
public static class HeaderedCsv
{
    /// <summary>Reads the file; <paramref name="parseRow"/> gets a field reader and adds its problems, returning null only with a problem.</summary>
    public static (IReadOnlyList<T> Rows, IReadOnlyList<RowError> Errors) Parse<T>(TextReader reader, IReadOnlyList<string> header,
        IReadOnlySet<string> freeText, Func<Func<string, string>, List<string>, T?> parseRow) where T : class
    {
        var rows = new List<T>();
        var errors = new List<RowError>();
        Dictionary<string, int>? columns = null;
        foreach (var record in Csv.Read(reader))
        {
            if (columns is null)
            {
                columns = record.Fields.Select((name, i) => (name: name.Trim().ToLowerInvariant(), i))
                    .GroupBy(x => x.name).ToDictionary(g => g.Key, g => g.First().i);
                var missing = header.Where(h => !columns.ContainsKey(h)).ToArray();
                if (missing.Length > 0)
                {
                    errors.Add(new RowError(record.Line, $"header is missing column(s): {string.Join(", ", missing)}"));
                    return (rows, errors);
                }

                continue;
            }

            if (record.Fields.Count < columns.Count)
            {
                errors.Add(new RowError(record.Line, $"expected {columns.Count} fields, found {record.Fields.Count}"));
                continue;
            }

            string Raw(string name) => columns[name] < record.Fields.Count ? record.Fields[columns[name]] : "";
            var problems = new List<string>();
            foreach (var name in header)
            {
                var value = Raw(name);
                var at = ControlCharacters.IndexOfRefused(value);
                if (at >= 0) problems.Add($"{name} contains the control character {ControlCharacters.Describe(value[at])} at position {at + 1} (only tab and line breaks are allowed)");
            }

            var row = parseRow(name => freeText.Contains(name) ? Raw(name) : Raw(name).Trim(), problems);
            if (problems.Count > 0 || row is null) errors.Add(new RowError(record.Line, string.Join("; ", problems)));
            else rows.Add(row);
        }

        if (columns is null) errors.Add(new RowError(1, "the file is empty: expected a header line"));
        return (rows, errors);
    }
}
