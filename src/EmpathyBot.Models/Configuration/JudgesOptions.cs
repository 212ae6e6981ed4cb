using Microsoft.Extensions.Configuration;

namespace EmpathyBot.Models.Configuration;

/// <summary>The <c>Judges</c> array of appsettings: LLMs that rate replies as people do, held against people's ratings.</summary>
public sealed class JudgesOptions
{
    public const string Section = "Judges";

    /// <summary>The judge prompt, under <c>Data:Directory</c>.</summary>
    public const string TemplatePath = "templates/judge.txt";

    public List<JudgeOptions> Items { get; } = [];

    public List<string> Paths { get; } = [];

    public List<string> BindErrors { get; } = [];

    public void BindFrom(IConfigurationSection section) => ContendersOptions.BindEntries(section, Items, Paths, BindErrors);
}
