using Microsoft.Extensions.Configuration;

namespace EmpathyBot.Models.Configuration;

/// <summary>The <c>Contenders</c> array of appsettings.</summary>
public sealed class ContendersOptions
{
    public const string Section = "Contenders";

    public List<ContenderOptions> Items { get; } = [];

    /// <summary>The configuration path of each item (disabled entries are skipped, so indexes can differ).</summary>
    public List<string> Paths { get; } = [];

    /// <summary>Entries the binder could not read (e.g. "Temperature": "hot"); reported on start, never skipped silently.</summary>
    public List<string> BindErrors { get; } = [];

    /// <summary>Binds entry by entry: the array binder drops an entry whose value fails to convert, without a word.</summary>
    public void BindFrom(IConfigurationSection section) => BindEntries(section, Items, Paths, BindErrors);

    /// <summary>The entry-by-entry binding shared by <c>Contenders</c> and <c>Judges</c>; disabled entries are left out.</summary>
    internal static void BindEntries<T>(IConfigurationSection section, List<T> items, List<string> paths, List<string> errors)
        where T : ContenderOptions, new()
    {
        foreach (var child in section.GetChildren())
        {
            try
            {
                var item = child.Get<T>() ?? new T();
                if (!item.Enabled) continue;
                items.Add(item);
                paths.Add(child.Path);
            }
            catch (InvalidOperationException e)
            {
                errors.Add($"{child.Path}: {e.Message}");
            }
        }
    }
}
