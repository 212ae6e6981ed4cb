using EmpathyBot.Core.Ports;
using EmpathyBot.Storage;
using EmpathyBot.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EmpathyBot.Storage.Tests;

public sealed class StorageRegistrationTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "empathybot-storage-reg", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddEmpathyBotStorage(configuration).BuildServiceProvider();
    }

    [Fact]
    public async Task Sqlite_is_the_default_and_uses_the_configured_data_directory()
    {
        var directory = Path.Combine(root, "data");
        await using (var services = Build(new() { ["Storage:DataDirectory"] = directory }))
        {
            var store = services.GetRequiredService<IStudyStore>();
            Assert.IsType<SqliteStudyStore>(store);
            Assert.Same(store, services.GetRequiredService<IStudyStore>());
            Assert.True(await store.PingAsync());
            Assert.True(File.Exists(Path.Combine(directory, SqliteStudyStore.FileName)));
        }
    }

    /// <summary>Every role a consumer may take is registered, so nothing outside the composition roots needs the whole store.</summary>
    [Fact]
    public async Task Every_store_port_is_registered()
    {
        var ports = typeof(IRatingStore).Assembly.GetTypes()
            .Where(t => t.IsInterface && t.Namespace == typeof(IRatingStore).Namespace && t.Name.EndsWith("Store", StringComparison.Ordinal))
            .ToArray();
        Assert.True(ports.Length >= 11, $"only {ports.Length} ports found");
        await using var services = Build(new() { ["Storage:DataDirectory"] = Path.Combine(root, "ports") });
        var store = services.GetRequiredService<IStudyStore>();
        Assert.All(ports, port => Assert.True(port.IsInstanceOfType(store) && services.GetService(port) is not null, $"{port.Name} is not registered"));
    }

    [Fact]
    public void Defaults_match_the_documented_settings()
    {
        var options = new StorageOptions();
        Assert.Equal("Sqlite", options.Provider);
        Assert.Equal("./.empathybot", options.DataDirectory);
        Assert.Equal("empathybot:", options.Redis.KeyPrefix);
        Assert.Null(options.Redis.Configuration);
    }

    [Fact]
    public void Binds_the_nested_redis_section()
    {
        using var services = Build(new()
        {
            ["Storage:Provider"] = "redis",
            ["Storage:Redis:Configuration"] = "localhost:6379",
            ["Storage:Redis:KeyPrefix"] = "study7:",
        });
        var options = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        Assert.True(options.IsRedis);
        Assert.Equal("localhost:6379", options.Redis.Configuration);
        Assert.Equal("study7:", options.Redis.KeyPrefix);
    }

    [Theory]
    [InlineData("Mongo", null, "Storage:Provider 'Mongo' is not known")]
    [InlineData("Redis", null, "Storage:Redis:Configuration is required")]
    [InlineData("Redis", " ", "Storage:Redis:Configuration is required")]
    public void Invalid_settings_fail_validation_with_a_clear_message(string provider, string? redis, string expected)
    {
        using var services = Build(new() { ["Storage:Provider"] = provider, ["Storage:Redis:Configuration"] = redis });
        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<StorageOptions>>().Value);
        Assert.Contains(expected, error.Message);
    }
}
