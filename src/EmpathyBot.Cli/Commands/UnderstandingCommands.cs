using System.CommandLine;
using System.Globalization;
using EmpathyBot.Core.Understanding;
using EmpathyBot.Models.Understanding;
using EmpathyBot.Core.Ports;
using Microsoft.Extensions.DependencyInjection;

using EmpathyBot.Cli.Progress;

namespace EmpathyBot.Cli.Commands;

/// <summary>
/// <c>understanding import-eqbench FILE [--name NAME]</c>, <c>understanding import-seceu FILE [--name NAME]</c> and
/// <c>understanding run --contender ID --set NAME</c>. Imported sets become selectable for people
/// (Understanding:AllocationSet / IntensitySet) and contenders. Exit codes: 0 done, 1 some items failed, 2 bad input.
/// </summary>
/// <remarks>
/// The SECEU file is one JSON object: <c>norm_mean_distance</c>, <c>norm_sd_distance</c>, <c>pattern_similarity_norm_mean</c>,
/// <c>pattern_similarity_norm_sd</c>, optional <c>norm_sample</c> (individual scores, for percentiles) and <c>items</c>:
/// <c>[{"item": 1, "story": "...", "options": [4 names], "standard_scores": [4 numbers], "human_template_distance": 2.9}]</c>
/// (see <see cref="SeceuImporter"/>).
/// </remarks>
public static class UnderstandingCommands
{
    public static Command Create() => Create(r => CliServices.Build(r), ownsServices: true);

    /// <summary>With services the caller owns (tests); they are not disposed here.</summary>
    public static Command Create(Func<ParseResult, IServiceProvider> services) => Create(services, ownsServices: false);

    private static Command Create(Func<ParseResult, IServiceProvider> services, bool ownsServices) =>
        new("understanding", "Emotion understanding items: SECEU allocations and EQ-Bench intensities")
        {
            ImportEqBench(services, ownsServices), ImportSeceu(services, ownsServices), Run(services, ownsServices),
        };

    private static Command ImportEqBench(Func<ParseResult, IServiceProvider> services, bool owns)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "EQ-Bench question file (v1 or v2 JSON, object keyed by question id)" };
        var name = new Option<string>("--name") { Description = "Name of the item set (default: eqbench)", DefaultValueFactory = _ => "eqbench" };
        var command = new Command("import-eqbench", "Import EQ-Bench questions as an intensity item set") { file, name };
        command.SetAction((r, ct) => ServiceActions.WithServices(r, services, owns, async provider =>
        {
            var items = EqBenchImporter.Parse(await ServiceActions.ReadAllTextAsync(r.GetValue(file)!, ct));
            var set = UnderstandingSet.OfIntensity(SetName(r.GetValue(name)), "eqbench", provisional: false, items);
            await provider.GetRequiredService<IUnderstandingStore>().SaveUnderstandingSetAsync(set.Name, set.ToJson(), ct);
            var full = items.Count(i => i.Reference.Count == 4);
            await r.InvocationConfiguration.Output.WriteLineAsync(
                $"Imported intensity set '{set.Name}': {items.Count} questions ({full} with a fullscale reference for v2 scoring).");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command ImportSeceu(Func<ParseResult, IServiceProvider> services, bool owns)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "SECEU item file (JSON with items and norm; see seceu_items.json)" };
        var name = new Option<string>("--name") { Description = "Name of the item set (default: seceu)", DefaultValueFactory = _ => "seceu" };
        var command = new Command("import-seceu", "Import SECEU items with their norm as an allocation item set") { file, name };
        command.SetAction((r, ct) => ServiceActions.WithServices(r, services, owns, async provider =>
        {
            var import = SeceuImporter.Parse(await ServiceActions.ReadAllTextAsync(r.GetValue(file)!, ct));
            var set = UnderstandingSet.OfAllocation(SetName(r.GetValue(name)), "seceu", provisional: false, import.Items, import.Norm);
            await provider.GetRequiredService<IUnderstandingStore>().SaveUnderstandingSetAsync(set.Name, set.ToJson(), ct);
            var c = CultureInfo.InvariantCulture;
            await r.InvocationConfiguration.Output.WriteLineAsync(string.Format(c,
                "Imported allocation set '{0}': {1} items, norm M {2} SD {3}{4}.", set.Name, import.Items.Count, import.Norm.Mean, import.Norm.Sd,
                import.Norm.Sample is { } s ? $", {s.Count} norm scores for percentiles" : ", no norm sample (percentiles come from people)"));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Run(Func<ParseResult, IServiceProvider> services, bool owns)
    {
        var contender = new Option<string>("--contender") { Description = "Contender id (Contenders section)", Required = true };
        var set = new Option<string>("--set") { Description = "Item set: allocation, intensity, or an imported set", Required = true };
        var run = new Command("run", "Run an item set through a contender (EQ-Bench's 3 attempts with rising temperature; SECEU's answer rules) and store the results")
        {
            contender, set,
        };
        run.SetAction((r, ct) => ServiceActions.WithServices(r, services, owns, async provider =>
        {
            var output = r.InvocationConfiguration.Output;
            var runner = provider.GetRequiredService<UnderstandingRunner>();
            var result = await CliProgress.RunAsync(r, "items", p => runner.RunAsync(r.GetValue(contender)!, r.GetValue(set)!, p, ct));
            var c = CultureInfo.InvariantCulture;
            var score = result.Score is { } s
                ? string.Format(c, ", {0} score {1:0.00}", result.Kind == UnderstandingSet.AllocationKind ? "SECEU" : "EQ-Bench", s)
                : ", no score yet (some items are missing)";
            await output.WriteLineAsync($"{result.Contender} on '{result.Set}': answered {result.Answered}, already answered {result.AlreadyAnswered}, " +
                $"unscored {result.Unscored}, failed {result.Failed}{score}");
            foreach (var error in result.Errors) await r.InvocationConfiguration.Error.WriteLineAsync("failed: " + error);
            return result.Failed > 0 ? ExitCodes.Failed : ExitCodes.Ok;
        }));
        return run;
    }

    private static string SetName(string? name)
    {
        var set = name?.Trim() ?? "";
        return set.Length == 0 ? throw new ArgumentException("--name must not be empty.") : set;
    }
}
