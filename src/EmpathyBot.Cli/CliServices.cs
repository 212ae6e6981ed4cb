using System.CommandLine;
using EmpathyBot.Models;
using EmpathyBot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EmpathyBot.Cli;

/// <summary>
/// The CLI's composition root: the host's settings (appsettings.json beside the binary, then one in the
/// working directory, then environment variables as the host reads them, e.g. <c>Storage__Provider</c>),
/// overridden by <c>--data-dir</c> and <c>--store</c>.
/// </summary>
public static class CliServices
{
    public static Option<string?> DataDir { get; } = new("--data-dir")
    {
        Description = "Data directory of the embedded store (Storage:DataDirectory; default ./.empathybot)",
        Recursive = true,
    };

    public static Option<string?> Store { get; } = new("--store")
    {
        Description = "Use another store, e.g. redis://host:port",
        Recursive = true,
    };

    public static IConfiguration Configuration(ParseResult parse)
    {
        var builder = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
            .AddEnvironmentVariables();
        var overrides = new Dictionary<string, string?>();
        if (parse.GetValue(DataDir) is { Length: > 0 } dir) overrides["Storage:DataDirectory"] = dir;
        if (parse.GetValue(Store) is { Length: > 0 } store)
        {
            foreach (var (key, value) in StoreLocator.ToConfiguration(store)) overrides[key] = value;
        }

        return builder.AddInMemoryCollection(overrides).Build();
    }

    /// <summary>The same services the host uses for the study (store, models, study services), without the web server or the chat.</summary>
    public static ServiceProvider Build(ParseResult parse)
    {
        var configuration = Configuration(parse);
        var services = new ServiceCollection()
            .AddSingleton(configuration)
            .AddLogging(l => l.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning))
            .AddEmpathyBotStorage(configuration)
            .AddEmpathyBotModels(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }
}
