using System.Net;
using EmpathyBot.Storage.Sqlite;
using StackExchange.Redis;

namespace EmpathyBot.Storage;

/// <summary>
/// Where the study data is. A relative <c>Storage:DataDirectory</c> is resolved against the checkout's root (the nearest
/// folder holding <see cref="RootMarker"/>, from the working directory upward), or against the working directory outside
/// a checkout. <c>dotnet run</c> starts the host in its project folder but the CLI wherever it is called, so resolving
/// against the working directory alone gave the two different stores.
/// </summary>
public static class StudyDataLocation
{
    public const string RootMarker = "EmpathyBot.sln";

    /// <summary>The absolute data directory for <paramref name="configured"/> seen from <paramref name="workingDirectory"/>.</summary>
    public static string Resolve(string configured, string workingDirectory)
    {
        if (string.IsNullOrWhiteSpace(configured)) return configured;
        return Path.IsPathRooted(configured)
            ? Path.GetFullPath(configured)
            : Path.GetFullPath(Path.Combine(Root(workingDirectory), configured));
    }

    /// <summary>The nearest folder at or above <paramref name="workingDirectory"/> with <see cref="RootMarker"/>; else the working directory.</summary>
    public static string Root(string workingDirectory)
    {
        var start = Path.GetFullPath(workingDirectory);
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, RootMarker))) return dir.FullName;
        }

        return start;
    }

    /// <summary>
    /// Whether a study exists there: the SQLite database file is present. Redis is always taken as present (its keys
    /// are only known after connecting, and a shared Redis is not created by accident).
    /// </summary>
    public static bool HasData(StorageOptions options) =>
        options.IsRedis || File.Exists(Path.Combine(options.DataDirectory, SqliteStudyStore.FileName));

    /// <summary>One line for people: the SQLite folder, or the Redis endpoints and key prefix (never the password).</summary>
    public static string Describe(StorageOptions options)
    {
        if (!options.IsRedis) return $"{options.DataDirectory} (SQLite)";
        var endpoints = ConfigurationOptions.Parse(options.Redis.Configuration ?? "", ignoreUnknown: true).EndPoints;
        return $"Redis {string.Join(',', endpoints.Select(Format))} (key prefix {options.Redis.KeyPrefix})";
    }

    private static string Format(EndPoint endpoint) => endpoint is DnsEndPoint dns ? $"{dns.Host}:{dns.Port}" : endpoint.ToString() ?? "";
}
