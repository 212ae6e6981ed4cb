using System.Globalization;

namespace EmpathyBot.Cli.Export;

/// <summary>How values are written as text (CSV cells, JSON strings for times): invariant, round-trip, UTC.</summary>
public static class ExportValues
{
    /// <summary>ISO 8601 in UTC to the microsecond, which Python, pandas and R all parse.</summary>
    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    public static string Text(object value) => value switch
    {
        string s => s,
        long n => n.ToString(CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        DateTimeOffset t => Time(t),
        _ => throw new ArgumentException($"Cannot export a value of type {value.GetType().Name}.", nameof(value)),
    };
}
