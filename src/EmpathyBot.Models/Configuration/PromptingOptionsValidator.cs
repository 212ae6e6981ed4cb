using EmpathyBot.Services;
using EmpathyBot.Models.Running;
using Microsoft.Extensions.Options;

namespace EmpathyBot.Models.Configuration;

/// <summary>Checks on start that the template file exists and has its placeholders, so a typo never reaches a model.</summary>
public sealed class PromptingOptionsValidator(IOptions<DataOptions> data, IOptions<ContendersOptions> contenders) : IValidateOptions<PromptingOptions>
{
    public ValidateOptionsResult Validate(string? name, PromptingOptions options)
    {
        List<ContenderOptions> items;
        try
        {
            items = contenders.Value.Items;
        }
        catch (OptionsValidationException)
        {
            return ValidateOptionsResult.Success; // The contenders' own validator names those problems.
        }

        var needsTemplate = items.Any(c => c.Kind != ContenderProvider.Baseline);
        var needsBank = items.Any(c => c.Kind == ContenderProvider.Baseline);
        if (!needsTemplate && !needsBank) return ValidateOptionsResult.Success;
        if (options.AverageWords > options.MaxWords)
            return ValidateOptionsResult.Fail($"Prompting:AverageWords ({options.AverageWords}) exceeds Prompting:MaxWords ({options.MaxWords}).");
        try
        {
            var dir = data.Value.Resolve();
            if (needsTemplate) ContenderRegistry.LoadTemplate(options, dir);
            if (needsBank)
            {
                Baseline.ReplyBank.Load(Path.Combine(dir, "replies", "baseline.jsonl"));
                Baseline.EmotionLexicon.Load(Path.Combine(dir, "replies", "lexicon.jsonl"));
            }

            return ValidateOptionsResult.Success;
        }
        catch (Exception e) when (e is IOException or FormatException or InvalidOperationException or UnauthorizedAccessException)
        {
            return ValidateOptionsResult.Fail(e.Message);
        }
    }
}
