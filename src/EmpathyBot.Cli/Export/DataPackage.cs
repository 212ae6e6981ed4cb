using System.Text.Json;
using System.Text.Json.Nodes;

namespace EmpathyBot.Cli.Export;

/// <summary>
/// The <c>datapackage.json</c> of an export: a Frictionless Tabular Data Package with a Table Schema per
/// resource, so frictionless, pandas and R read every file with its column types.
/// </summary>
public static class DataPackage
{
    public const string FileName = "datapackage.json";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Build(IReadOnlyList<ExportTable> tables, ExportFormat format, DateTimeOffset created) => new JsonObject
    {
        ["profile"] = "tabular-data-package",
        ["name"] = "empathybot-study",
        ["title"] = "EmpathyBot study export",
        ["created"] = ExportValues.Time(created),
        ["resources"] = new JsonArray(tables.Select(t => (JsonNode)Resource(t, format)).ToArray()),
    }.ToJsonString(Indented);

    private static JsonObject Resource(ExportTable table, ExportFormat format)
    {
        var resource = new JsonObject
        {
            ["name"] = table.Name,
            ["path"] = format.FileName(table),
            ["profile"] = "tabular-data-resource",
            ["format"] = format.Name,
            ["mediatype"] = format.MediaType,
            ["description"] = table.Description,
        };
        if (format != ExportFormat.Parquet) resource["encoding"] = "utf-8";
        if (format == ExportFormat.Csv)
        {
            resource["dialect"] = new JsonObject { ["delimiter"] = ",", ["lineTerminator"] = "\n", ["quoteChar"] = "\"", ["doubleQuote"] = true, ["header"] = true };
        }

        resource["schema"] = Schema(table, format);
        return resource;
    }

    private static JsonObject Schema(ExportTable table, ExportFormat format)
    {
        var csvNote = format == ExportFormat.Csv
            ? " In this CSV a text that starts like a spreadsheet formula (= + - @, tab, CR) has one ' in front, and control characters are shown as visible symbols."
            : "";
        var fields = table.Fields.Select(f => (JsonNode)new JsonObject
        {
            ["name"] = f.Name,
            ["type"] = f.SchemaType,
            ["description"] = f.Type == FieldType.String ? f.Description + "." + csvNote : f.Description + ".",
        }).ToArray();
        var schema = new JsonObject { ["fields"] = new JsonArray(fields), ["missingValues"] = new JsonArray("") };
        if (table.PrimaryKey.Count > 0) schema["primaryKey"] = new JsonArray(table.PrimaryKey.Select(k => (JsonNode)JsonValue.Create(k)!).ToArray());
        return schema;
    }
}
