using System.Runtime.CompilerServices;

namespace EmpathyBot.Cli.Export;

/// <summary>
/// One table of the export. Each row holds a value per field in field order: string, long, double, bool or
/// DateTimeOffset as the field's type says, or null.
/// </summary>
public sealed record ExportTable(
    string Name,
    string Description,
    IReadOnlyList<TableField> Fields,
    IReadOnlyList<string> PrimaryKey,
    Func<CancellationToken, IAsyncEnumerable<object?[]>> Rows)
{
    /// <summary>The rows of a table read from a store's export stream, one row per record: the one mapping every table uses.</summary>
    public static async IAsyncEnumerable<object?[]> Map<T>(IAsyncEnumerable<T> source, Func<T, object?[]> row, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var item in source.WithCancellation(ct)) yield return row(item);
    }
}
