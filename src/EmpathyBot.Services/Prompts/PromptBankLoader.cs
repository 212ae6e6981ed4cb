using EmpathyBot.Core.Prompts;
using EmpathyBot.Core.Ports;
using Microsoft.Extensions.Options;

namespace EmpathyBot.Services.Prompts;

/// <summary>One prompt set of our bank as loaded: <c>data/prompts/NAME.jsonl</c> becomes prompt set NAME.</summary>
public sealed record LoadedPromptSet(string Name, int Prompts, int Added);

/// <summary>Loads our prompt bank into the store; the host does it at start, the CLI when the store has not seen it yet.</summary>
public sealed class PromptBankLoader(IPromptStore store, IOptions<DataOptions> options)
{
    public async Task<IReadOnlyList<LoadedPromptSet>> LoadAsync(CancellationToken ct)
    {
        var folder = Path.Combine(options.Value.Resolve(), "prompts");
        if (!Directory.Exists(folder)) return [];
        var loaded = new List<LoadedPromptSet>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.jsonl").Order(StringComparer.Ordinal))
        {
            var set = Path.GetFileNameWithoutExtension(file);
            var parsed = PromptBank.ParseJsonl(await File.ReadAllTextAsync(file, ct), set);
            if (parsed.Errors.Count > 0)
            {
                var lines = string.Join("; ", parsed.Errors.Take(5).Select(e => $"line {e.Line}: {e.Message}"));
                throw new InvalidOperationException($"The prompt bank {file} has {parsed.Errors.Count} bad line(s): {lines}");
            }

            loaded.Add(new LoadedPromptSet(set, parsed.Prompts.Count, await store.UpsertPromptsAsync(parsed.Prompts, ct)));
        }

        return loaded;
    }

    /// <summary>Loads the bank only when none of its sets is in the store yet (one query otherwise).</summary>
    public async Task EnsureLoadedAsync(CancellationToken ct)
    {
        var folder = Path.Combine(options.Value.Resolve(), "prompts");
        if (!Directory.Exists(folder)) return;
        var sets = await store.GetPromptSetsAsync(ct);
        var missing = Directory.EnumerateFiles(folder, "*.jsonl").Any(f => !sets.ContainsKey(Path.GetFileNameWithoutExtension(f)));
        if (missing) await LoadAsync(ct);
    }
}
