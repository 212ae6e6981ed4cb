namespace EmpathyBot.Cli.Export;

/// <summary>The file formats of the export, with what <c>datapackage.json</c> says about each.</summary>
public sealed record ExportFormat(string Name, string MediaType)
{
    public static readonly ExportFormat Csv = new("csv", "text/csv");
    public static readonly ExportFormat Jsonl = new("jsonl", "application/jsonl");
    public static readonly ExportFormat Parquet = new("parquet", "application/vnd.apache.parquet");

    public static readonly IReadOnlyList<ExportFormat> All = [Csv, Jsonl, Parquet];

    public static ExportFormat Named(string name) =>
        All.FirstOrDefault(f => f.Name == name) ?? throw new ArgumentException($"Unknown export format '{name}'; use csv, jsonl or parquet.", nameof(name));

    public string FileName(ExportTable table) => $"{table.Name}.{Name}";

    public ITableWriter Open(string path, ExportTable table) => Name switch
    {
        "csv" => new CsvTableWriter(path, table.Fields),
        "jsonl" => new JsonlTableWriter(path, table.Fields),
        _ => new ParquetTableWriter(path, table.Fields),
    };
}
