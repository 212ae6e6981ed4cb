namespace EmpathyBot.Cli.Export;

/// <summary>The Table Schema types the export uses; each writer maps them to its own (CSV text, JSON, Parquet).</summary>
public enum FieldType
{
    String,
    Integer,
    Number,
    Boolean,
    DateTime,
}

/// <summary>One column: its name, type and what it means, as <c>datapackage.json</c> describes it.</summary>
public sealed record TableField(string Name, FieldType Type, string Description)
{
    /// <summary>The Table Schema name of <see cref="Type"/>.</summary>
    public string SchemaType => Type switch
    {
        FieldType.String => "string",
        FieldType.Integer => "integer",
        FieldType.Number => "number",
        FieldType.Boolean => "boolean",
        FieldType.DateTime => "datetime",
        _ => throw new ArgumentOutOfRangeException(nameof(Type)),
    };
}
