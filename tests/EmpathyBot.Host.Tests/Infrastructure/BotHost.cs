using EmpathyBot.Host;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EmpathyBot.Host.Tests.Infrastructure;

/// <summary>The real host on Kestrel at a free loopback port, with its own temporary data directory.</summary>
public sealed class BotHost : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly bool ownsDirectory;

    private BotHost(WebApplication app, Uri baseAddress, string dataDirectory, bool ownsDirectory)
    {
        this.app = app;
        this.ownsDirectory = ownsDirectory;
        BaseAddress = baseAddress;
        DataDirectory = dataDirectory;
        Client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => app.Services;

    public string DataDirectory { get; }

    /// <summary>Settings for several hosts sharing one study on Redis: same store prefix, participant secret and token key.</summary>
    public static Dictionary<string, string?> SharedRedisSettings(string redisConfiguration, string keyPrefix) => new()
    {
        ["Storage:Provider"] = "Redis",
        ["Storage:Redis:Configuration"] = redisConfiguration,
        ["Storage:Redis:KeyPrefix"] = keyPrefix + Guid.NewGuid().ToString("N")[..8] + ":",
        ["Study:ParticipantSecret"] = "shared-secret",
        ["DirectLine:TokenSigningKey"] = "shared-signing-key",
        ["Contenders:0:Enabled"] = "false",
    };

    public static async Task<BotHost> StartAsync(
        IDictionary<string, string?>? settings = null, Action<WebApplicationBuilder>? configure = null, string? dataDirectory = null)
    {
        var directory = dataDirectory ?? Directory.CreateTempSubdirectory("empathybot-test-").FullName;
        var values = new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = directory,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Warning",
            // Attention checks appear at random; tests that exercise them turn them on explicitly.
            ["Rating:GoldRate"] = "0",
            ["Rating:FirstCardGoldRate"] = "0",
            // Tests answer at machine speed; the tests of the speed checks turn them on explicitly.
            ["Rating:MinSecondsPerCard"] = "0",
            ["Quality:MaxCharsPerSecond"] = "0",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) values[key] = value;

        var app = EmpathyBotApp.Build(["--urls", "http://127.0.0.1:0"], builder =>
        {
            builder.Configuration.AddInMemoryCollection(values);
            configure?.Invoke(builder);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        // A directory the caller chose outlives the host (a restart test starts another host on it).
        return new BotHost(app, new Uri(address.TrimEnd('/') + "/"), directory, ownsDirectory: dataDirectory is null);
    }

    public T Get<T>() where T : notnull => app.Services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (!ownsDirectory) return;
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a background task; the OS temp cleaner takes it.
        }
    }
}
