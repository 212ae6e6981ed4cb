using EmpathyBot.Services.Prompts;
using System.CommandLine;
using EmpathyBot.Core.Study;
using EmpathyBot.Models.Prompting;
using EmpathyBot.Models.Running;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using EmpathyBot.Cli.Progress;

namespace EmpathyBot.Cli.Commands;

/// <summary><c>models run [--contender ID] [--prompt-set NAME] [--limit N]</c>: the LLM arm in batch.</summary>
public static class ModelsCommands
{
    /// <summary>Services from the CLI's usual composition root (honours --data-dir and --store).</summary>
    public static Command Create() => Create(r => CliServices.Build(r));

    public static Command Create(Func<IServiceProvider> services) => Create(_ => services());

    private static Command Create(Func<ParseResult, IServiceProvider> services)
    {
        var contender = new Option<string?>("--contender") { Description = "Only this contender (its Id in appsettings Contenders); default: all" };
        var promptSet = new Option<string?>("--prompt-set") { Description = "Only this prompt set; default: every set in the store" };
        var limit = new Option<int?>("--limit") { Description = "Answer at most N prompts per contender" };
        OptionRules.AtLeastOne(limit);

        var run = new Command("run", "Answer every prompt that lacks a reply from each contender (cached replies are free; failures are retried next run)")
        {
            contender, promptSet, limit,
        };
        run.SetAction(async (ParseResult r, CancellationToken ct) =>
        {
            var output = r.InvocationConfiguration.Output;
            var error = r.InvocationConfiguration.Error;
            var provider = services(r);
            try
            {
                await provider.GetRequiredService<PromptBankLoader>().EnsureLoadedAsync(ct);
                var runner = provider.GetRequiredService<ModelRunner>();
                var request = new RunRequest(r.GetValue(contender), r.GetValue(promptSet), r.GetValue(limit));
                var summary = await CliProgress.RunAsync(r, "replies", p =>
                    runner.RunAsync(request, new SyncProgress<RunProgress>(x => p.Report((x.Completed, x.Total))), ct));
                foreach (var c in summary.Contenders)
                {
                    var label = Sources.IsBaseline(c.ContenderId) ? $"{c.ContenderId} (baseline)" : c.ContenderId;
                    await output.WriteLineAsync(
                        $"{label}: done {c.Done}, cached {c.Cached}, failed {c.Failed}, excluded from blind pool {c.Excluded}; tokens: prompt {c.PromptTokens}, completion {c.CompletionTokens}");
                }

                if (summary.Failed > 0)
                    await output.WriteLineAsync($"{summary.Failed} failed request(s) are recorded with their errors and will be retried on the next run.");
                await output.WriteLineAsync(summary.FinalLine);
                return summary.Failed > 0 ? ExitCodes.Failed : ExitCodes.Ok;
            }
            catch (Exception e) when (e is ArgumentException or OptionsValidationException)
            {
                await error.WriteLineAsync(e.Message);
                return ExitCodes.BadInput;
            }
            finally
            {
                await ServiceActions.ReleaseAsync(provider);
            }
        });

        return new Command("models", "The LLM arm: contenders' replies for the blind rating pool") { run };
    }
}
