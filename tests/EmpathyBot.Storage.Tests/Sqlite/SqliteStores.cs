using EmpathyBot.Core.Ports;
using EmpathyBot.Storage;
using EmpathyBot.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace EmpathyBot.Storage.Tests.Sqlite;

/// <summary>SQLite stores for one test under a fresh temp root; disposing closes them and deletes the root.</summary>
public sealed class SqliteStores(string name) : IDisposable
{
    private readonly List<SqliteStudyStore> stores = [];

    public string Root { get; } = Path.Combine(Path.GetTempPath(), name, Guid.NewGuid().ToString("N"));

    /// <summary>A fresh store in its own directory under <see cref="Root"/>, on <paramref name="time"/> (the system clock when null).</summary>
    public Task<IStudyStore> CreateAsync(TimeProvider? time = null) => Task.FromResult<IStudyStore>(Open(Path.Combine(Root, $"db{stores.Count}"), time));

    /// <summary>A store on <paramref name="directory"/>, closed with the rest.</summary>
    public SqliteStudyStore Open(string directory, TimeProvider? time = null)
    {
        var store = new SqliteStudyStore(directory, time);
        stores.Add(store);
        return store;
    }

    public void Dispose()
    {
        foreach (var store in stores) store.Dispose();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
    }
}
