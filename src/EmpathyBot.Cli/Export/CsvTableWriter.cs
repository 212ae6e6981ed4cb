using System.Text;
using CsvHelper;
using EmpathyBot.Core.Interchange;

namespace EmpathyBot.Cli.Export;

/// <summary>
/// A CSV file with a header of the field names. Text cells go through <see cref="Csv.Cell"/> like every CSV we
/// write (formula-like cells get a leading quote, control characters visible stand-ins); numbers, booleans and
/// times are written as they are, so a negative number stays a number.
/// </summary>
public sealed class CsvTableWriter : ITableWriter
{
    private readonly StreamWriter file;
    private readonly CsvWriter csv;
    private readonly IReadOnlyList<TableField> fields;

    public CsvTableWriter(string path, IReadOnlyList<TableField> fields)
    {
        this.fields = fields;
        file = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        csv = Csv.CreateWriter(file);
        Csv.WriteRow(csv, fields.Select(f => f.Name));
    }

    public ValueTask WriteAsync(object?[] row, CancellationToken ct)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            var value = row[i];
            csv.WriteField(value is null ? "" : fields[i].Type == FieldType.String ? Csv.Cell((string)value) : ExportValues.Text(value));
        }

        csv.EndRecord();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await csv.DisposeAsync();
        await file.DisposeAsync();
    }
}
