using System.CommandLine;
using EmpathyBot.Models;
using EmpathyBot.Storage;
using EmpathyBot.Testing.FakeOpenAi;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EmpathyBot.Cli.Tests;

/// <summary>Runs CLI commands in-process and builds the real services they use, with one contender on a fake OpenAI server.</summary>
internal static class CliRun
{
    public static (int Exit, string Output, string Error) Invoke(RootCommand root, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = CliApp.InvokeAsync(root, args, new InvocationConfiguration { Output = output, Error = error }).GetAwaiter().GetResult();
        return (exit, output.ToString(), error.ToString());
    }

    public static ServiceProvider Services(string dataDirectory, FakeOpenAiServer server, string contender, string model, int? maxConcurrency = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = dataDirectory,
            ["Contenders:0:Id"] = contender,
            ["Contenders:0:Provider"] = "OpenAICompatible",
            ["Contenders:0:Model"] = model,
            ["Contenders:0:Endpoint"] = server.V1.ToString(),
        };
        if (maxConcurrency is { } n) settings["Contenders:0:MaxConcurrency"] = n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Services(settings);
    }

    public static ServiceProvider Services(IReadOnlyDictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging()
            .AddEmpathyBotStorage(configuration).AddEmpathyBotModels(configuration)
            .BuildServiceProvider();
    }
}
