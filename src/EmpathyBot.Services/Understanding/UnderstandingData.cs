using EmpathyBot.Core.Study;
using EmpathyBot.Core.Summary;
using EmpathyBot.Core.Understanding;
using EmpathyBot.Core.Ports;
using EmpathyBot.Services.Privacy;
using Microsoft.Extensions.Options;

namespace EmpathyBot.Services.Understanding;

/// <summary>The item sets (our two banks from the data folder, imported sets from the store) and the summary section.</summary>
public sealed class UnderstandingData(
    IOptions<UnderstandingOptions> options, IOptions<DataOptions> data, PeopleGroups people, IUnderstandingStore store)
{
    public const string AllocationBank = "allocation";
    public const string IntensityBank = "intensity";

    private readonly Lazy<UnderstandingSet> allocation = new(() => UnderstandingSet.OfAllocation(AllocationBank, "bank", provisional: true,
        UnderstandingBank.ParseAllocationJsonl(ReadData(data.Value.Resolve(), options.Value.AllocationPath))));

    private readonly Lazy<UnderstandingSet> intensity = new(() => UnderstandingSet.OfIntensity(IntensityBank, "bank", provisional: true,
        UnderstandingBank.ParseIntensityJsonl(ReadData(data.Value.Resolve(), options.Value.IntensityPath))));

    public UnderstandingOptions Options => options.Value;

    /// <summary>Privacy:MinGroupSize: people's figures of a set need this many distinct people.</summary>
    public int MinGroupSize => people.MinGroupSize;

    /// <summary>Test moments per (set, source), people's as published (<see cref="PeopleGroups"/>).</summary>
    public async Task<IReadOnlyList<UnderstandingTestCell>> PublishedTestCellsAsync(CancellationToken ct) =>
        await people.PublishAsync(await store.GetUnderstandingTestCellsAsync(ct), ct);

    /// <summary>Our two banks, as read from the data folder.</summary>
    public IReadOnlyList<UnderstandingSet> Banks => [allocation.Value, intensity.Value];

    /// <summary>The named set: a stored one (imported or seeded) wins; our banks are also found without seeding (the CLI). Null when unknown.</summary>
    public async Task<UnderstandingSet?> GetSetAsync(string name, CancellationToken ct)
    {
        if (await store.GetUnderstandingSetAsync(name, ct) is { } json) return UnderstandingSet.FromJson(json);
        return name switch
        {
            AllocationBank => allocation.Value,
            IntensityBank => intensity.Value,
            _ => null,
        };
    }

    public async Task<IReadOnlyList<string>> GetSetNamesAsync(CancellationToken ct) =>
        (await store.GetUnderstandingSetNamesAsync(ct)).Concat([AllocationBank, IntensityBank]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();

    /// <summary>Stores our banks so they are listed and selectable like imported sets.</summary>
    public async Task SeedAsync(CancellationToken ct)
    {
        foreach (var bank in Banks) await store.SaveUnderstandingSetAsync(bank.Name, bank.ToJson(), ct);
    }

    /// <summary>The standard an item is scored against now (people's consensus once MinNorm people answered a bank item).</summary>
    public async Task<IReadOnlyList<double>> StandardAsync(UnderstandingSet set, string itemId, CancellationToken ct)
    {
        var human = set.Provisional
            ? (await store.GetUnderstandingItemStatsAsync(set.Name, ct)).FirstOrDefault(s => Sources.IsHuman(s.Source) && s.ItemId == itemId)
            : null;
        return UnderstandingAnalysis.Standard(set, itemId, human, Options.MinNorm);
    }

    /// <summary>The <c>understanding</c> section: every set with people's or contenders' tests, from counters and the percentile sample.</summary>
    public async Task<UnderstandingSummary> SummariseAsync(CancellationToken ct)
    {
        var cells = await PublishedTestCellsAsync(ct);
        var sets = new SortedDictionary<string, UnderstandingSetSummary>(StringComparer.Ordinal);
        foreach (var group in cells.GroupBy(c => c.Set, StringComparer.Ordinal))
        {
            if (await GetSetAsync(group.Key, ct) is not { } set) continue;
            var stats = await store.GetUnderstandingItemStatsAsync(set.Name, ct);
            var scores = await store.GetUnderstandingScoresAsync(set.Name, Sources.Human, ct);
            sets[set.Name] = UnderstandingAnalysis.SummariseSet(set, group.ToArray(), stats, scores, Options.MinNorm, MinGroupSize);
        }

        return new UnderstandingSummary(Options.MinNorm, sets) { MinGroupSize = MinGroupSize };
    }

    private static string ReadData(string directory, string relative)
    {
        var path = Path.Combine(directory, relative);
        if (!File.Exists(path)) throw new InvalidOperationException($"Understanding bank not found: {path} (check Data:Directory and the Understanding section).");
        return File.ReadAllText(path);
    }
}
