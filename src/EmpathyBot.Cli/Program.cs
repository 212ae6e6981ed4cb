using System.CommandLine;
using EmpathyBot.Cli;
using EmpathyBot.Cli.Commands;

var root = new RootCommand("EmpathyBot: empathy studies comparing people with LLMs (batch work on the bot's store).")
{
    CliServices.DataDir,
    CliServices.Store,
    PromptsCommands.Create(),
    RatingsCommands.Create(),
    SummaryCommands.Create(),
    SummaryCommands.Report(),
    ModelsCommands.Create(),
    ScoringCommands.EqBench(),
    ScoringCommands.Seceu(),
    AppraisalCommands.Create(),
    UnderstandingCommands.Create(),
    ExportCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
