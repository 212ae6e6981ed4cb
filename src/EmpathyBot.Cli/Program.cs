using EmpathyBot.Cli;

return await CliApp.InvokeAsync(CliApp.Root(), args);
