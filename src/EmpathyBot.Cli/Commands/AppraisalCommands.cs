using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using EmpathyBot.Core.Appraisal;
using EmpathyBot.Core.Summary;
using EmpathyBot.Models.Appraisal;
using EmpathyBot.Core.Ports;
using Microsoft.Extensions.DependencyInjection;

using EmpathyBot.Cli.Progress;

namespace EmpathyBot.Cli.Commands;

/// <summary>
/// <c>appraisal import FILE [--name NAME]</c>, <c>appraisal run --contender ID [--runs N] [--set NAME]</c> and
/// <c>appraisal compare --input FILE.csv [--json]</c>: EmotionBench's PANAS appraisal.
/// Exit codes: 0 done, 1 some contender requests failed, 2 bad input.
/// </summary>
public static class AppraisalCommands
{
    private static readonly JsonWriterOptions Pretty = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create() => Create(r => CliServices.Build(r), ownsServices: true);

    /// <summary>With services the caller owns (tests); they are not disposed here.</summary>
    public static Command Create(Func<ParseResult, IServiceProvider> services) => Create(services, ownsServices: false);

    private static Command Create(Func<ParseResult, IServiceProvider> services, bool ownsServices) =>
        new("appraisal", "Emotion appraisal: PANAS before and after imagining a situation (EmotionBench)")
        {
            Import(services, ownsServices), Run(services, ownsServices), Compare(),
        };

    private static Command Import(Func<ParseResult, IServiceProvider> services, bool owns)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "EmotionBench's situations.json, or a file in its shape" };
        var name = new Option<string>("--name") { Description = "Name of the situation set (default: emotionbench)", DefaultValueFactory = _ => "emotionbench" };
        var import = new Command("import", "Import a situation set (emotions -> factors -> situations) into the store") { file, name };
        import.SetAction((r, ct) => ServiceActions.WithServices(r, services, owns, async provider =>
        {
            var bank = SituationBank.Parse(await ServiceActions.ReadAllTextAsync(r.GetValue(file)!, ct));
            var set = r.GetValue(name)!.Trim();
            if (set.Length == 0) throw new ArgumentException("--name must not be empty.");
            await provider.GetRequiredService<IAppraisalStore>().SaveSituationSetAsync(set, bank.ToJson(), ct);
            await r.InvocationConfiguration.Output.WriteLineAsync(
                $"Imported situation set '{set}': {bank.Emotions.Count} emotions, {bank.Emotions.Sum(e => e.Factors.Count)} factors, {bank.Situations.Count} situations.");
            return ExitCodes.Ok;
        }));
        return import;
    }

    private static Command Run(Func<ParseResult, IServiceProvider> services, bool owns)
    {
        var contender = new Option<string>("--contender") { Description = "Contender id (Contenders section)", Required = true };
        var runs = new Option<int>("--runs") { Description = "Repetitions of the default and of each evoked questionnaire (run 1 in the standard order, the rest shuffled)", DefaultValueFactory = _ => 1 };
        OptionRules.AtLeastOne(runs);
        var set = new Option<string?>("--set") { Description = "Situation set (default: Appraisal:SituationSet, normally core)" };
        var run = new Command("run", "Ask a contender the PANAS without a situation and after each situation; store the answers") { contender, runs, set };
        run.SetAction((r, ct) => ServiceActions.WithServices(r, services, owns, async provider =>
        {
            var runner = provider.GetRequiredService<AppraisalRunner>();
            var result = await CliProgress.RunAsync(r, "questionnaires", p => runner.RunAsync(r.GetValue(contender)!, r.GetValue(runs), r.GetValue(set), p, ct));
            var output = r.InvocationConfiguration.Output;
            await output.WriteLineAsync($"{result.Contender} on set '{result.Set}': stored {result.Stored}, already stored {result.AlreadyStored}, failed {result.Failed}");
            foreach (var error in result.Errors) await r.InvocationConfiguration.Error.WriteLineAsync("failed: " + error);
            return result.Failed > 0 ? ExitCodes.Failed : ExitCodes.Ok;
        }));
        return run;
    }

    private static Command Compare()
    {
        var input = new Option<FileInfo>("--input") { Description = "CSV with columns source,emotion,factor,condition,pa,na (condition = default|evoked)", Required = true };
        var alpha = new Option<double>("--alpha") { Description = "Significance level (default 0.01)", DefaultValueFactory = _ => AppraisalAnalysis.DefaultAlpha };
        var json = new Option<bool>("--json") { Description = "Print JSON: per source and emotion {paChange,naChange,paP,naP,paMark,naMark}" };
        var compare = new Command("compare", "Evoked minus default PA/NA per source and emotion, with EmotionBench's F then t test") { input, alpha, json };
        compare.SetAction(r =>
        {
            try
            {
                var file = r.GetValue(input)!;
                if (!file.Exists) throw new FileNotFoundException($"file not found: {file.FullName}");
                using var reader = new StreamReader(file.FullName);
                var summary = AppraisalAnalysis.Summarise(AppraisalCsv.Read(reader), r.GetValue(alpha));
                if (r.GetValue(json)) WriteJson(r.InvocationConfiguration.Output, summary);
                else WriteText(r.InvocationConfiguration.Output, summary);
                return ExitCodes.Ok;
            }
            catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException or ArgumentException)
            {
                r.InvocationConfiguration.Error.WriteLine($"error: {e.Message}");
                return ExitCodes.BadInput;
            }
        });
        return compare;
    }

    /// <summary>The compare output: <c>{"source": {"Emotion": {...}, ..., "Overall": {...}}}</c>.</summary>
    public static void WriteJson(TextWriter output, AppraisalSummary summary)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, Pretty))
        {
            w.WriteStartObject();
            foreach (var (source, s) in summary.Sources)
            {
                w.WriteStartObject(source);
                foreach (var (emotion, e) in s.Emotions) WriteChange(w, emotion, e.Change);
                WriteChange(w, "Overall", s.Overall);
                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static void WriteChange(Utf8JsonWriter w, string name, AppraisalChange c)
    {
        w.WriteStartObject(name);
        Number(w, "paChange", c.PaChange);
        Number(w, "naChange", c.NaChange);
        Number(w, "paP", c.PaP);
        Number(w, "naP", c.NaP);
        w.WriteString("paMark", c.PaMark);
        w.WriteString("naMark", c.NaMark);
        w.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v) w.WriteNumber(name, v);
        else w.WriteNull(name);
    }

    private static void WriteText(TextWriter output, AppraisalSummary summary)
    {
        var c = CultureInfo.InvariantCulture;
        foreach (var (source, s) in summary.Sources)
        {
            output.WriteLine(string.Format(c, "{0}: default n={1}, PA {2:0.0} ± {3:0.0}, NA {4:0.0} ± {5:0.0}", source, s.Default.N,
                s.Default.PaMean, s.Default.PaSd, s.Default.NaMean, s.Default.NaSd));
            foreach (var (emotion, e) in s.Emotions) output.WriteLine(Line(c, "  " + emotion, e.Change));
            output.WriteLine(Line(c, "  Overall", s.Overall));
        }
    }

    private static string Line(CultureInfo c, string name, AppraisalChange x) => string.Format(c,
        "{0}: PA {1:+0.0;-0.0;0.0} ({2}, p={3}), NA {4:+0.0;-0.0;0.0} ({5}, p={6}), n={7}",
        name, x.PaChange, x.PaMark, x.PaP?.ToString("0.0000", c) ?? "-", x.NaChange, x.NaMark, x.NaP?.ToString("0.0000", c) ?? "-", x.N);
}
