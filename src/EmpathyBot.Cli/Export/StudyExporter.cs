namespace EmpathyBot.Cli.Export;

/// <summary>What one table export wrote.</summary>
public sealed record ExportedTable(string Name, string Path, long Rows);

/// <summary>Writes every table in one format into a directory, then the <c>datapackage.json</c> that describes them.</summary>
public static class StudyExporter
{
    /// <param name="progress">Told how many of the tables are written, after each one.</param>
    public static async Task<IReadOnlyList<ExportedTable>> ExportAsync(
        IReadOnlyList<ExportTable> tables, ExportFormat format, DirectoryInfo directory, DateTimeOffset now, CancellationToken ct,
        IProgress<(int Done, int Total)>? progress = null)
    {
        directory.Create();
        var written = new List<ExportedTable>(tables.Count);
        progress?.Report((0, tables.Count));
        foreach (var table in tables)
        {
            var path = Path.Combine(directory.FullName, format.FileName(table));
            long rows = 0;
            await using (var writer = format.Open(path, table))
            {
                await foreach (var row in table.Rows(ct).WithCancellation(ct))
                {
                    if (row.Length != table.Fields.Count)
                        throw new InvalidOperationException($"Table {table.Name}: a row has {row.Length} values for {table.Fields.Count} fields.");
                    await writer.WriteAsync(row, ct);
                    rows++;
                }
            }

            written.Add(new ExportedTable(table.Name, path, rows));
            progress?.Report((written.Count, tables.Count));
        }

        await File.WriteAllTextAsync(Path.Combine(directory.FullName, DataPackage.FileName), DataPackage.Build(tables, format, now), ct);
        return written;
    }
}
