namespace EmpathyBot.Services;

/// <summary>
/// Section <c>Data</c>: where our own banks live. Empty <c>Directory</c>: the <c>data</c> folder copied next to the
/// app (the build copies data/templates and data/replies), else the first <c>data</c> folder found walking up from
/// the app and from the working directory.
/// </summary>
public sealed class DataOptions
{
    public const string Section = "Data";

    public string? Directory { get; set; }

    public string Resolve()
    {
        if (!string.IsNullOrWhiteSpace(Directory)) return Path.GetFullPath(Directory);
        foreach (var start in new[] { AppContext.BaseDirectory, System.IO.Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "data");
                if (System.IO.Directory.Exists(Path.Combine(candidate, "templates"))) return candidate;
            }
        }

        throw new InvalidOperationException(
            $"No data folder (with templates/) found next to {AppContext.BaseDirectory} or above it; set Data:Directory.");
    }
}
