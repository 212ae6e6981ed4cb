using EmpathyBot.Conversation.Engine;
using EmpathyBot.Conversation.Flows;
using EmpathyBot.Core.Ports;
using EmpathyBot.Services;
using Microsoft.Extensions.Options;

namespace EmpathyBot.Conversation;

/// <summary>Checks the protocol, the completion code and link, and that the consent and debrief texts exist, at start.</summary>
public sealed class StudyOptionsValidator(IOptions<DataOptions> data) : IValidateOptions<StudyOptions>
{
    /// <summary>The steps a protocol may name: the tasks of the free menu.</summary>
    public static IReadOnlyList<string> Steps { get; } = [Commands.Respond, Commands.Rate, Commands.Quiz, Commands.Appraisal];

    public const int MaxCount = 1000;

    public ValidateOptionsResult Validate(string? name, StudyOptions options)
    {
        var problems = ProtocolProblems(options.Protocol).Concat(CompletionProblems(options)).Concat(TextProblems(options)).ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    public static IEnumerable<string> ProtocolProblems(IReadOnlyList<ProtocolStep> protocol)
    {
        for (var i = 0; i < protocol.Count; i++)
        {
            var step = protocol[i];
            if (!Steps.Contains(step.Step))
                yield return $"Study:Protocol:{i}:Step is '{step.Step}'; a step is one of {string.Join(", ", Steps)}.";
            if (step.Count is { } n && n is < 1 or > MaxCount)
                yield return $"Study:Protocol:{i}:Count is {n}; it must be from 1 to {MaxCount} (or left out for once).";
        }
    }

    private static IEnumerable<string> CompletionProblems(StudyOptions options)
    {
        if (options.CompletionCode.Length > 0 && !ExternalIds.IsWellFormed(options.CompletionCode))
            yield return $"Study:CompletionCode must be 1 to {ExternalIds.MaxLength} letters, digits, '-' or '_'.";
        if (options.CompletionUrl.Length == 0) yield break;
        if (!Uri.TryCreate(options.CompletionUrl.Replace(CompletionLink.CodePlaceholder, "CODE", StringComparison.Ordinal), UriKind.Absolute, out var url)
            || url.Scheme is not ("https" or "http"))
            yield return $"Study:CompletionUrl '{options.CompletionUrl}' is not an absolute http(s) address.";
        if (options.CompletionCode.Length == 0)
            yield return "Study:CompletionUrl is set but Study:CompletionCode is empty; set the code the panel expects.";
    }

    private IEnumerable<string> TextProblems(StudyOptions options)
    {
        foreach (var (setting, path) in new[] { ("Study:ConsentPath", options.ConsentPath), ("Study:DebriefPath", options.DebriefPath) })
        {
            if (string.IsNullOrWhiteSpace(path)) yield return $"{setting} is empty; give the path of the text.";
            else if (!File.Exists(StudyTexts.Resolve(data.Value, path))) yield return $"{setting}: no file at {StudyTexts.Resolve(data.Value, path)}.";
        }
    }
}
