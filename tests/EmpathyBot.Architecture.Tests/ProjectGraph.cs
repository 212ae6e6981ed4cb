using System.Xml.Linq;

namespace EmpathyBot.Architecture.Tests;

/// <summary>
/// The source projects as their .csproj files declare them: project references, package references and framework
/// references, with what each project reaches through its project references.
/// </summary>
public sealed class ProjectGraph
{
    private readonly Dictionary<string, Project> projects;

    private ProjectGraph(Dictionary<string, Project> projects) => this.projects = projects;

    public sealed record Project(string Name, IReadOnlySet<string> References, IReadOnlySet<string> Packages, IReadOnlySet<string> Frameworks);

    public IReadOnlyCollection<string> Names => projects.Keys;

    public Project this[string name] => projects[name];

    public static ProjectGraph Load(string sourceRoot)
    {
        var projects = new Dictionary<string, Project>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(sourceRoot, "*.csproj", SearchOption.AllDirectories))
        {
            var xml = XDocument.Load(file);
            IReadOnlySet<string> Items(string element) => xml.Descendants(element)
                .Select(e => (string?)e.Attribute("Include"))
                .Where(v => v is not null)
                .Select(v => element == "ProjectReference" ? Path.GetFileNameWithoutExtension(v!.Replace('\\', '/')) : v!)
                .ToHashSet(StringComparer.Ordinal);
            var name = Path.GetFileNameWithoutExtension(file);
            var frameworks = Items("FrameworkReference").ToHashSet(StringComparer.Ordinal);
            if (xml.Root?.Attribute("Sdk")?.Value == "Microsoft.NET.Sdk.Web") frameworks.Add("Microsoft.AspNetCore.App");
            projects[name] = new Project(name, Items("ProjectReference"), Items("PackageReference"), frameworks);
        }

        return new ProjectGraph(projects);
    }

    /// <summary>The projects <paramref name="name"/> reaches through project references, itself included.</summary>
    public IReadOnlySet<string> Reach(string name)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([name]);
        while (pending.TryPop(out var next))
        {
            if (!seen.Add(next) || !projects.TryGetValue(next, out var project)) continue;
            foreach (var reference in project.References) pending.Push(reference);
        }

        return seen;
    }

    /// <summary>True when <paramref name="name"/> or a project it reaches references a package starting with <paramref name="packagePrefix"/>.</summary>
    public bool ReachesPackage(string name, string packagePrefix) =>
        Reach(name).Any(p => projects.TryGetValue(p, out var project) && project.Packages.Any(k => k.StartsWith(packagePrefix, StringComparison.Ordinal)));

    public bool ReachesFramework(string name, string framework) =>
        Reach(name).Any(p => projects.TryGetValue(p, out var project) && project.Frameworks.Contains(framework));

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EmpathyBot.sln"))) return dir.FullName;
        }

        throw new InvalidOperationException($"EmpathyBot.sln not found above {AppContext.BaseDirectory}.");
    }
}
