using EmpathyBot.Core.Study;
using EmpathyBot.Models.Appraisal;
using EmpathyBot.Models.Understanding;
using EmpathyBot.Models.Running;
using EmpathyBot.Core.Ports;
using EmpathyBot.Storage;
using EmpathyBot.Storage.Sqlite;
using EmpathyBot.Testing.FakeOpenAi;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace EmpathyBot.Models.Tests.Infrastructure;

/// <summary>The models layer as the host wires it: AddEmpathyBotModels over a real SQLite store in a temp folder.</summary>
public sealed class ModelsHarness : IAsyncDisposable
{
    private readonly TestData _data;
    private readonly ServiceProvider _services;

    private ModelsHarness(TestData data, ServiceProvider services)
    {
        _data = data;
        _services = services;
    }

    public IServiceProvider Services => _services;

    public IStudyStore Store => _services.GetRequiredService<IStudyStore>();

    public ModelRunner Runner => _services.GetRequiredService<ModelRunner>();

    public TestData Data => _data;

    /// <summary>One fake-server contender "fake-llm" (model "fake-model") plus whatever <paramref name="extra"/> adds.</summary>
    /// <param name="time">The clock every service gets (default: the system clock).</param>
    /// <param name="withQuestionnaires">A one-situation set and a one-item bank for the appraisal and understanding runners.</param>
    public static async Task<ModelsHarness> StartAsync(FakeOpenAiServer? server, int maxConcurrency = 4, string timeout = "00:00:05",
        int maxAttempts = 4, bool withBaseline = false, TimeProvider? time = null, bool withQuestionnaires = false,
        params (string Key, string? Value)[] extra)
    {
        var data = new TestData();
        if (withQuestionnaires) data.AddQuestionnaires();
        var settings = new List<(string, string?)>();
        var i = 0;
        if (withBaseline)
        {
            settings.Add(($"Contenders:{i}:Id", "baseline"));
            settings.Add(($"Contenders:{i}:Provider", "Baseline"));
            i++;
        }

        if (server is not null)
        {
            settings.Add(($"Contenders:{i}:Id", "fake-llm"));
            settings.Add(($"Contenders:{i}:Provider", "OpenAICompatible"));
            settings.Add(($"Contenders:{i}:Model", "fake-model"));
            settings.Add(($"Contenders:{i}:Endpoint", server.V1.ToString()));
            settings.Add(($"Contenders:{i}:MaxConcurrency", maxConcurrency.ToString()));
            settings.Add(($"Contenders:{i}:Timeout", timeout));
        }

        settings.Add(("ModelRunner:MaxAttempts", maxAttempts.ToString()));
        settings.AddRange(extra);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(data.Config([.. settings])).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<IStudyStore>(_ => new SqliteStudyStore(data.StoreDirectory)).AddStudyStorePorts();
        if (time is not null) services.AddSingleton(time);
        services.AddEmpathyBotModels(configuration);

        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        var harness = new ModelsHarness(data, provider);
        // What the host does on start: validate options, then run hosted services.
        provider.GetRequiredService<IStartupValidator>().Validate();
        foreach (var hosted in provider.GetServices<IHostedService>()) await hosted.StartAsync(CancellationToken.None);
        return harness;
    }

    public async Task<IReadOnlyList<StudyPrompt>> SeedAsync(int count, string set = "core")
    {
        var prompts = Enumerable.Range(1, count).Select(n => TestData.Prompt($"{set}-{n:D4}", set)).ToList();
        await Store.UpsertPromptsAsync(prompts);
        return prompts;
    }

    public RegisteredContender Contender(string id) => Runner.Registry.Find(id) ?? throw new InvalidOperationException(id);

    public async ValueTask DisposeAsync()
    {
        foreach (var hosted in _services.GetServices<IHostedService>()) await hosted.StopAsync(CancellationToken.None);
        await _services.DisposeAsync();
        _data.Dispose();
    }
}
