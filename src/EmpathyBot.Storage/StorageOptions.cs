using Microsoft.Extensions.Options;

namespace EmpathyBot.Storage;

/// <summary>Settings of section <c>Storage</c>: which study store to use and where it keeps its data.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";
    public const string SqliteProvider = "Sqlite";
    public const string RedisProvider = "Redis";

    /// <summary><c>Sqlite</c> (embedded, the default) or <c>Redis</c> (scale-out).</summary>
    public string Provider { get; set; } = SqliteProvider;

    /// <summary>
    /// Where the SQLite file (and other local data) lives; created when missing. A relative path is resolved by
    /// <see cref="StudyDataLocation.Resolve"/> (against the checkout's root), so host and CLI share one store.
    /// </summary>
    public string DataDirectory { get; set; } = "./.empathybot";

    public RedisOptions Redis { get; set; } = new();

    public bool IsSqlite => string.Equals(Provider, SqliteProvider, StringComparison.OrdinalIgnoreCase);

    public bool IsRedis => string.Equals(Provider, RedisProvider, StringComparison.OrdinalIgnoreCase);

    /// <summary>Section <c>Storage:Redis</c>.</summary>
    public sealed class RedisOptions
    {
        /// <summary>A StackExchange.Redis configuration string, e.g. <c>localhost:6379</c>.</summary>
        public string? Configuration { get; set; }

        /// <summary>Prepended to every key so several studies (or tests) can share one Redis.</summary>
        public string KeyPrefix { get; set; } = "empathybot:";
    }
}

public sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var errors = new List<string>();
        if (!options.IsSqlite && !options.IsRedis)
        {
            errors.Add($"Storage:Provider '{options.Provider}' is not known; use '{StorageOptions.SqliteProvider}' or '{StorageOptions.RedisProvider}'.");
        }

        if (options.IsSqlite && string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            errors.Add("Storage:DataDirectory must name a directory for the SQLite database.");
        }

        if (options.IsRedis && string.IsNullOrWhiteSpace(options.Redis?.Configuration))
        {
            errors.Add("Storage:Redis:Configuration is required when Storage:Provider is 'Redis' (e.g. 'localhost:6379').");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
