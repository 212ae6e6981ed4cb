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
    Func<CancellationToken, IAsyncEnumerable<object?[]>> Rows);
