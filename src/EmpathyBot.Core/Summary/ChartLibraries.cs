namespace EmpathyBot.Core.Summary;

/// <summary>
/// The browser libraries the charts are drawn with (Vega, Vega-Lite, vega-embed), read from the folder the build
/// copied them to, so the standalone report can inline them and open offline.
/// </summary>
public sealed record ChartLibraries(string Vega, string VegaLite, string VegaEmbed)
{
    /// <summary>The bundles' file names, in the order the page must load them.</summary>
    public static readonly IReadOnlyList<string> Files = ["vega.min.js", "vega-lite.min.js", "vega-embed.min.js"];

    /// <summary>The three bundles from <paramref name="directory"/>; null when any is missing (built without Node.js/npm).</summary>
    public static ChartLibraries? Load(string directory)
    {
        var paths = Files.Select(f => Path.Combine(directory, f)).ToList();
        if (!paths.All(File.Exists)) return null;
        return new ChartLibraries(File.ReadAllText(paths[0]), File.ReadAllText(paths[1]), File.ReadAllText(paths[2]));
    }

    /// <summary>The bundles in load order.</summary>
    public IEnumerable<string> Scripts => [Vega, VegaLite, VegaEmbed];

    /// <summary>The drawing script shared by the dashboard and the report (embedded in this assembly).</summary>
    public static string RenderScript { get; } = ReadRenderScript();

    private static string ReadRenderScript()
    {
        using var stream = typeof(ChartLibraries).Assembly.GetManifestResourceStream("EmpathyBot.Core.Summary.summary-charts.js")
            ?? throw new InvalidOperationException("The chart drawing script is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
