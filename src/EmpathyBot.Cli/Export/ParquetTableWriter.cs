using Parquet;
using Parquet.Schema;

namespace EmpathyBot.Cli.Export;

/// <summary>
/// A Parquet file with one nullable column per field (times as UTC timestamps). Rows are buffered and written a
/// row group at a time, so memory stays bounded however large the table.
/// </summary>
public sealed class ParquetTableWriter : ITableWriter
{
    private const int RowsPerGroup = 50_000;

    private readonly IReadOnlyList<TableField> fields;
    private readonly DataField[] columns;
    private readonly FileStream file;
    private readonly List<object?[]> buffer = [];
    private ParquetWriter? writer;

    public ParquetTableWriter(string path, IReadOnlyList<TableField> fields)
    {
        this.fields = fields;
        columns = fields.Select(Column).ToArray();
        file = File.Create(path);
    }

    private static DataField Column(TableField field) => field.Type switch
    {
        FieldType.String => new DataField<string>(field.Name, true),
        FieldType.Integer => new DataField<long?>(field.Name),
        FieldType.Number => new DataField<double?>(field.Name),
        FieldType.Boolean => new DataField<bool?>(field.Name),
        FieldType.DateTime => new DataField<DateTime?>(field.Name),
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    public async ValueTask WriteAsync(object?[] row, CancellationToken ct)
    {
        buffer.Add(row);
        if (buffer.Count >= RowsPerGroup) await FlushAsync(ct);
    }

    private async Task FlushAsync(CancellationToken ct)
    {
        writer ??= await ParquetWriter.CreateAsync(new ParquetSchema(columns), file, cancellationToken: ct);
        if (buffer.Count == 0) return;
        using (var group = writer.CreateRowGroup())
        {
            for (var i = 0; i < fields.Count; i++) await WriteColumnAsync(group, i, ct);
            group.CompleteValidate();
        }

        buffer.Clear();
    }

    private Task WriteColumnAsync(ParquetRowGroupWriter group, int i, CancellationToken ct)
    {
        var field = columns[i];
        return fields[i].Type switch
        {
            FieldType.String => group.WriteAsync(field, buffer.Select(r => (string?)r[i]).ToArray()!),
            FieldType.Integer => group.WriteAsync<long>(field, Values(i, v => (long)v), cancellationToken: ct),
            FieldType.Number => group.WriteAsync<double>(field, Values(i, v => (double)v), cancellationToken: ct),
            FieldType.Boolean => group.WriteAsync<bool>(field, Values(i, v => (bool)v), cancellationToken: ct),
            _ => group.WriteAsync<DateTime>(field, Values(i, v => ((DateTimeOffset)v).UtcDateTime), cancellationToken: ct),
        };
    }

    private ReadOnlyMemory<T?> Values<T>(int column, Func<object, T> convert) where T : struct =>
        buffer.Select(r => r[column] is { } v ? convert(v) : (T?)null).ToArray();

    public async ValueTask DisposeAsync()
    {
        try
        {
            await FlushAsync(CancellationToken.None); // also writes the schema of a table with no rows
            if (writer is not null) await writer.DisposeAsync();
        }
        finally
        {
            await file.DisposeAsync();
        }
    }
}
