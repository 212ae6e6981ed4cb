using System.CommandLine;
using EmpathyBot.Models;
using EmpathyBot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EmpathyBot.Cli;

/// <summary>
/// The CLI's composition root: the host's settings (appsettings.json beside the binary, then one in the
/// working directory, then environment variables as the host reads them, e.g. <c>Storage__Provider</c>),
/// overridden by <c>--data-dir</c> and <c>--store</c>. A relative <c>Storage:DataDirectory</c> from the settings resolves
/// against the checkout's root as in the host (<see cref="StudyDataLocation"/>); a relative <c>--data-dir</c> against the
/// working directory, as a shell user means it.
/// </summary>
public static class CliServices
{
    public static Option<string?> DataDir { get; } = new("--data-dir")
    {
        Description = "Data directory of the embedded store (Storage:DataDirectory; default .empathybot in the repository root, where the host keeps it)",
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
        if (parse.GetValue(DataDir) is { Length: > 0 } dir) overrides["Storage:DataDirectory"] = Path.GetFullPath(dir);
        if (parse.GetValue(Store) is { Length: > 0 } store)
        {
            foreach (var (key, value) in StoreLocator.ToConfiguration(store)) overrides[key] = value;
        }

        return builder.AddInMemoryCollection(overrides).Build();
    }

    /// <summary>
    /// The same services the host uses for the study (store, models, study services), without the web server or the chat;
    /// says on stderr where the study data is (stdout carries only results).
    /// </summary>
    public static ServiceProvider Build(ParseResult parse)
    {
        var services = Compose(parse);
        parse.InvocationConfiguration.Error.WriteLine($"Study data: {StudyDataLocation.Describe(Storage(services))}");
        return services;
    }

    /// <summary>
    /// <see cref="Build"/> for commands that only read: null, after saying so on stderr, when there is no study at the
    /// configured place, instead of creating an empty one whose summary would look real.
    /// </summary>
    public static ServiceProvider? BuildExisting(ParseResult parse)
    {
        var services = Build(parse);
        var storage = Storage(services);
        if (StudyDataLocation.HasData(storage)) return services;
        parse.InvocationConfiguration.Error.WriteLine(
            $"error: there is no study data in {storage.DataDirectory}. Start the host from the repository root, import data, or point --data-dir at the study's folder.");
        services.Dispose();
        return null;
    }

    private static StorageOptions Storage(IServiceProvider services) => services.GetRequiredService<IOptions<StorageOptions>>().Value;

    private static ServiceProvider Compose(ParseResult parse)
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
