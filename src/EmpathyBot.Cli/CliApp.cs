using System.CommandLine;
using EmpathyBot.Cli.Commands;

namespace EmpathyBot.Cli;

/// <summary>The command tree and how a command line runs; Program and the tests go through the same path.</summary>
public static class CliApp
{
    public static RootCommand Root() => new("EmpathyBot: empathy studies comparing people with LLMs (batch work on the bot's store).")
    {
        CliServices.DataDir,
        CliServices.Store,
        PromptsCommands.Create(),
        RatingsCommands.Create(),
        BattlesCommands.Create(),
        SummaryCommands.Create(),
        SummaryCommands.Report(),
        ModelsCommands.Create(),
        JudgeCommands.Create(),
        ScoringCommands.EqBench(),
        ScoringCommands.Seceu(),
        AppraisalCommands.Create(),
        UnderstandingCommands.Create(),
        ExportCommand.Create(),
        ParticipantsCommands.Create(),
    };

    /// <summary>
    /// Parses and runs. A command line that does not parse (bad option value, unknown option) gets one line on stderr
    /// and exit code 2: the whole help would bury the one thing that was wrong.
    /// </summary>
    public static Task<int> InvokeAsync(RootCommand root, string[] args, InvocationConfiguration? configuration = null)
    {
        configuration ??= new InvocationConfiguration();
        var parse = root.Parse(args);
        if (parse.Errors.Count == 0) return parse.InvokeAsync(configuration);
        var message = string.Join(" ", parse.Errors.Select(e => OneLine(e.Message)));
        configuration.Error.WriteLine($"error: {message} (--help lists the options)");
        return Task.FromResult(ExitCodes.BadInput);
    }

    // Some parser messages list the allowed values on lines of their own.
    private static string OneLine(string message) =>
        string.Join(" ", message.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
