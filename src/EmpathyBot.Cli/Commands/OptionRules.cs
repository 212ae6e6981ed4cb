using System.CommandLine;
using System.Globalization;

namespace EmpathyBot.Cli.Commands;

/// <summary>Shared checks of option values, reported by the parser as one line like any other parse error.</summary>
internal static class OptionRules
{
    /// <summary>
    /// "--name must be at least 1." Reads the token rather than the value: a value that does not parse as a number at all
    /// already has the parser's own message, and reading it would throw.
    /// </summary>
    public static void AtLeastOne(Option option) => option.Validators.Add(v =>
    {
        if (v.Tokens.Count > 0 && int.TryParse(v.Tokens[^1].Value, CultureInfo.InvariantCulture, out var n) && n < 1)
            v.AddError($"{option.Name} must be at least 1.");
    });
}
