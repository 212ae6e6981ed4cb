using EmpathyBot.Models.Judging;
using EmpathyBot.Services;
using Microsoft.Extensions.Options;

namespace EmpathyBot.Models.Configuration;

/// <summary>Runs on start: a bad judge list, a SelfContender naming no contender or a broken judge template stops the host with a message.</summary>
public sealed class JudgesOptionsValidator(IOptions<ContendersOptions> contenders, IOptions<DataOptions> data) : IValidateOptions<JudgesOptions>
{
    public const int MaxRepeats = 10;

    public ValidateOptionsResult Validate(string? name, JudgesOptions options)
    {
        var errors = new List<string>(options.BindErrors);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.Items.Count; i++)
        {
            var j = options.Items[i];
            var at = i < options.Paths.Count ? options.Paths[i] : $"{JudgesOptions.Section}:{i}";
            if (string.IsNullOrWhiteSpace(j.Id) || j.Id.Contains('|')) { errors.Add($"{at}:Id is required (and may not contain '|')."); continue; }
            at = $"{at} ('{j.Id}')";
            if (!seen.Add(j.Id)) errors.Add($"{at}: duplicate Id; every judge needs its own.");
            if (j.Kind is null or ContenderProvider.Baseline)
            {
                errors.Add($"{at}: Provider '{j.Provider}' cannot judge; use OpenAI, AzureOpenAI or OpenAICompatible.");
                continue;
            }

            ContendersOptionsValidator.CheckConnection(j, at, errors);
            if (j.Repeats is < 1 or > MaxRepeats) errors.Add($"{at}: Repeats must be between 1 and {MaxRepeats}.");
            CheckSelfContender(j, at, errors);
        }

        if (options.Items.Count > 0) CheckTemplate(errors);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private void CheckSelfContender(JudgeOptions j, string at, List<string> errors)
    {
        if (j.SelfContender is null) return;
        List<ContenderOptions> known;
        try
        {
            known = contenders.Value.Items;
        }
        catch (OptionsValidationException)
        {
            return; // The contenders' own validator names those problems.
        }

        if (!known.Any(c => string.Equals(c.Id, j.SelfContender, StringComparison.Ordinal)))
        {
            errors.Add($"{at}: SelfContender '{j.SelfContender}' is not a configured contender Id ({(known.Count == 0 ? "none configured" : string.Join(", ", known.Select(c => c.Id)))}).");
        }
    }

    private void CheckTemplate(List<string> errors)
    {
        try
        {
            JudgeTemplate.Load(Path.Combine(data.Value.Resolve(), JudgesOptions.TemplatePath));
        }
        catch (Exception e) when (e is IOException or FormatException or UnauthorizedAccessException or InvalidOperationException)
        {
            errors.Add($"{JudgesOptions.Section}: {e.Message}");
        }
    }
}
