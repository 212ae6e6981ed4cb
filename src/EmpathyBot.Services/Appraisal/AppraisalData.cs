using EmpathyBot.Core.Appraisal;
using EmpathyBot.Core.Summary;
using EmpathyBot.Core.Ports;
using EmpathyBot.Services.Privacy;
using Microsoft.Extensions.Options;

namespace EmpathyBot.Services.Appraisal;

/// <summary>The PANAS, the contender prompt and the situation sets: our bank ("core") from the data folder, imported sets from the store.</summary>
public sealed class AppraisalData(IOptions<AppraisalOptions> options, IOptions<DataOptions> data, PeopleGroups people, IAppraisalStore store)
{
    public const string CoreSet = "core";

    private readonly Lazy<string> directory = new(() => data.Value.Resolve());
    private readonly Lazy<PanasScale> scale = new(() => PanasScale.Parse(ReadData(data.Value.Resolve(), options.Value.PanasPath)));
    private readonly Lazy<AppraisalTemplate> template = new(() => AppraisalTemplate.Parse(ReadData(data.Value.Resolve(), options.Value.TemplatePath)));
    private readonly Lazy<SituationBank> core = new(() => SituationBank.Parse(ReadData(data.Value.Resolve(), options.Value.SituationsPath)));

    public PanasScale Scale => scale.Value;

    public AppraisalTemplate Template => template.Value;

    public double Alpha => options.Value.Alpha;

    public string DefaultSet => options.Value.SituationSet;

    /// <summary>Privacy:MinGroupSize: people's groups smaller than this are left out of every figure.</summary>
    public int MinGroupSize => people.MinGroupSize;

    /// <summary>The named set; an imported set of that name wins over our bank. Null when no such set exists.</summary>
    public async Task<SituationBank?> GetSetAsync(string? name, CancellationToken ct)
    {
        var set = string.IsNullOrWhiteSpace(name) ? DefaultSet : name.Trim();
        if (await store.GetSituationSetAsync(set, ct) is { } json) return SituationBank.Parse(json);
        return string.Equals(set, CoreSet, StringComparison.OrdinalIgnoreCase) ? core.Value : null;
    }

    /// <summary>The <c>appraisal</c> section of the summary, from the store's counters only: people's groups as published (<see cref="PeopleGroups"/>).</summary>
    public async Task<AppraisalSummary> SummariseAsync(CancellationToken ct) =>
        AppraisalAnalysis.Summarise(await people.PublishAsync(await store.GetAppraisalCellsAsync(ct), ct), Alpha, MinGroupSize);

    private static string ReadData(string directory, string relative)
    {
        var path = Path.Combine(directory, relative);
        if (!File.Exists(path)) throw new InvalidOperationException($"Appraisal data file not found: {path} (check Data:Directory and the Appraisal section).");
        return File.ReadAllText(path);
    }

}
