using EmpathyBot.Core.Study;
using Microsoft.Extensions.Options;

namespace EmpathyBot.Models.Configuration;

/// <summary>Runs on start so a bad contender list stops the host with a message, not a failed reply hours later.</summary>
public sealed class ContendersOptionsValidator : IValidateOptions<ContendersOptions>
{
    public ValidateOptionsResult Validate(string? name, ContendersOptions options)
    {
        var errors = new List<string>(options.BindErrors);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.Items.Count; i++)
        {
            var c = options.Items[i];
            var at = i < options.Paths.Count ? options.Paths[i] : $"Contenders:{i}";
            if (string.IsNullOrWhiteSpace(c.Id)) { errors.Add($"{at}:Id is required."); continue; }
            at = $"{at} ('{c.Id}')";
            if (!seen.Add(c.Id)) errors.Add($"{at}: duplicate Id; every contender needs its own.");
            if (string.Equals(c.Id, Core.Study.Sources.Human, StringComparison.OrdinalIgnoreCase))
                errors.Add($"{at}: Id 'human' is reserved for people's replies.");
            if (c.Kind is null)
            {
                errors.Add($"{at}: unknown Provider '{c.Provider}'; use OpenAI, AzureOpenAI, OpenAICompatible or Baseline.");
                continue;
            }

            var looksBaseline = Sources.IsBaseline(c.Id);
            if (c.Kind == ContenderProvider.Baseline && !looksBaseline)
                errors.Add($"{at}: a Baseline contender's Id must contain 'baseline' so it is labelled as one everywhere.");
            if (c.Kind != ContenderProvider.Baseline && looksBaseline)
                errors.Add($"{at}: only the Baseline provider may use 'baseline' in its Id.");
            if (c.Kind == ContenderProvider.Baseline) continue;

            CheckConnection(c, at, errors);
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>The checks of an LLM entry's model, endpoint, key and limits; judges are checked by the same rules.</summary>
    internal static void CheckConnection(ContenderOptions c, string at, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(c.Model)) errors.Add($"{at}: Model is required.");
        if (c.Kind is ContenderProvider.AzureOpenAI or ContenderProvider.OpenAICompatible && string.IsNullOrWhiteSpace(c.Endpoint))
            errors.Add($"{at}: Endpoint is required for {c.Kind}.");
        if (!string.IsNullOrWhiteSpace(c.Endpoint) && !Uri.TryCreate(c.Endpoint, UriKind.Absolute, out _))
            errors.Add($"{at}: Endpoint '{c.Endpoint}' is not an absolute URL.");
        if (c.Kind is ContenderProvider.OpenAI or ContenderProvider.AzureOpenAI && string.IsNullOrWhiteSpace(c.ResolveApiKey()))
        {
            errors.Add(string.IsNullOrWhiteSpace(c.ApiKeyEnv)
                ? $"{at}: ApiKey or ApiKeyEnv is required for {c.Kind}."
                : $"{at}: environment variable '{c.ApiKeyEnv}' (ApiKeyEnv) is not set.");
        }

        if (c.Temperature is < 0 or > 2) errors.Add($"{at}: Temperature must be between 0 and 2.");
        if (c.MaxOutputTokens < 1) errors.Add($"{at}: MaxOutputTokens must be at least 1.");
        if (c.MaxConcurrency < 1) errors.Add($"{at}: MaxConcurrency must be at least 1.");
        if (c.RequestsPerMinute < 0) errors.Add($"{at}: RequestsPerMinute must be 0 (no limit) or more.");
        if (c.Timeout <= TimeSpan.Zero) errors.Add($"{at}: Timeout must be positive.");
    }
}
