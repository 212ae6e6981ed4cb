using System.Text.Json;

namespace EmpathyBot.Cli.Export;

/// <summary>One flat JSON object per line, keyed by field name, with JSON numbers and booleans and ISO times.</summary>
public sealed class JsonlTableWriter(string path, IReadOnlyList<TableField> fields) : ITableWriter
{
    private static readonly byte[] NewLine = "\n"u8.ToArray();

    private readonly FileStream file = File.Create(path);

    public async ValueTask WriteAsync(object?[] row, CancellationToken ct)
    {
        await using (var json = new Utf8JsonWriter(file))
        {
            json.WriteStartObject();
            for (var i = 0; i < fields.Count; i++) WriteValue(json, fields[i].Name, row[i]);
            json.WriteEndObject();
        }

        await file.WriteAsync(NewLine, ct);
    }

    private static void WriteValue(Utf8JsonWriter json, string name, object? value)
    {
        switch (value)
        {
            case null: json.WriteNull(name); break;
            case long n: json.WriteNumber(name, n); break;
            case double d: json.WriteNumber(name, d); break;
            case bool b: json.WriteBoolean(name, b); break;
            default: json.WriteString(name, ExportValues.Text(value)); break;
        }
    }

    public ValueTask DisposeAsync() => file.DisposeAsync();
}
