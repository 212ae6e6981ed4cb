using EmpathyBot.Services.Prompts;
using System.CommandLine;
using EmpathyBot.Core.Prompts;
using EmpathyBot.Models.Prompting;
using EmpathyBot.Core.Ports;
using Microsoft.Extensions.DependencyInjection;

using EmpathyBot.Cli.Progress;

namespace EmpathyBot.Cli.Commands;

/// <summary><c>prompts import FILE [--set NAME]</c> and <c>prompts list</c>.</summary>
public static class PromptsCommands
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "EmpatheticDialogues CSV (conv_id,utterance_idx,context,prompt,speaker_idx,utterance,...) or our JSON Lines bank" };
        var set = new Option<string?>("--set") { Description = "Name of the prompt set (default: the file name without extension)" };
        var import = new Command("import", "Import prompts into a named prompt set; the first utterance of each conversation becomes a prompt") { file, set };
        import.SetAction(async (r, ct) =>
        {
            var path = r.GetValue(file)!;
            var output = r.InvocationConfiguration.Output;
            var error = r.InvocationConfiguration.Error;
            if (!path.Exists)
            {
                await error.WriteLineAsync($"No such file: {path.FullName}");
                return ExitCodes.BadInput;
            }

            var name = r.GetValue(set) ?? Path.GetFileNameWithoutExtension(path.Name);
            PromptBank.ParseResult parsed;
            if (path.Extension.Equals(".jsonl", StringComparison.OrdinalIgnoreCase))
            {
                parsed = PromptBank.ParseJsonl(await File.ReadAllTextAsync(path.FullName, ct), name);
            }
            else
            {
                using var reader = path.OpenText();
                parsed = EmpatheticDialoguesCsv.Parse(reader, name);
            }

            if (parsed.Errors.Count > 0)
            {
                foreach (var e in parsed.Errors) await error.WriteLineAsync($"{path.Name}:{e.Line}: {e.Message}");
                await error.WriteLineAsync($"Imported nothing: {parsed.Errors.Count} bad row(s). Fix them and run again.");
                return ExitCodes.BadInput;
            }

            await using var services = CliServices.Build(r);
            var store = services.GetRequiredService<IPromptStore>();
            var added = await CliProgress.RunAsync(r, "prompts", p => CliProgress.AllAtOnceAsync(p, parsed.Prompts.Count, () => store.UpsertPromptsAsync(parsed.Prompts, ct)));
            await output.WriteLineAsync($"Prompt set '{name}': {parsed.Prompts.Count} prompts ({added} new, {parsed.Prompts.Count - added} updated).");
            return ExitCodes.Ok;
        });

        var list = new Command("list", "List prompt sets and their sizes");
        list.SetAction(async (r, ct) =>
        {
            await using var services = CliServices.BuildExisting(r);
            if (services is null) return ExitCodes.BadInput;
            await services.GetRequiredService<PromptBankLoader>().EnsureLoadedAsync(ct);
            foreach (var (name, count) in await services.GetRequiredService<IPromptStore>().GetPromptSetsAsync(ct))
            {
                await r.InvocationConfiguration.Output.WriteLineAsync($"{name}\t{count}");
            }

            return ExitCodes.Ok;
        });

        return new Command("prompts", "Prompt sets") { import, list };
    }
}
