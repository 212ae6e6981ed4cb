using EmpathyBot.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace EmpathyBot.Channels.Tests;

/// <summary>A real SQLite study store in its own temporary directory, deleted on dispose.</summary>
public sealed class TempSqliteStore : IAsyncDisposable
{
    private TempSqliteStore(string directory)
    {
        Directory = directory;
        Store = new SqliteStudyStore(directory);
    }

    public string Directory { get; }

    public SqliteStudyStore Store { get; }

    public static TempSqliteStore Create() => new(System.IO.Directory.CreateTempSubdirectory("empathybot-channels-").FullName);

    /// <summary>The idempotency keys claimed so far, read from the database without claiming anything.</summary>
    public IReadOnlyList<string> ClaimedKeys()
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Store.DatabasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT key FROM idempotency ORDER BY key;";
        using var reader = command.ExecuteReader();
        var keys = new List<string>();
        while (reader.Read()) keys.Add(reader.GetString(0));
        return keys;
    }

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a background task; the OS temp cleaner takes it.
        }
    }
}
