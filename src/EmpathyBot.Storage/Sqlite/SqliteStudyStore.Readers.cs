using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace EmpathyBot.Storage.Sqlite;

public sealed partial class SqliteStudyStore
{
    // Reads reuse open connections with their prepared statements: opening a connection from the driver's pool
    // runs the connection pragmas again and every read prepared its statement anew, which cost more than the
    // indexed lookups the chat turns make. Beyond this many idle readers, returned ones are closed.
    private const int MaxIdleReaders = 16;

    private readonly ConcurrentStack<SqliteConnection> idleReaders = new();

    private SqliteConnection RentReader()
    {
        if (idleReaders.TryPop(out var idle)) return idle;
        var connection = Open();
        StatementCaches.Add(connection, new Dictionary<string, SqliteCommand>(StringComparer.Ordinal));
        return connection;
    }

    private void ReturnReader(SqliteConnection connection)
    {
        if (disposed || idleReaders.Count >= MaxIdleReaders)
        {
            CloseReader(connection);
            return;
        }

        idleReaders.Push(connection);
        // Dispose may have emptied the stack between the check and the push.
        if (disposed) CloseIdleReaders();
    }

    private static void CloseReader(SqliteConnection connection)
    {
        DisposeStatementCache(connection);
        connection.Dispose();
    }

    private void CloseIdleReaders()
    {
        while (idleReaders.TryPop(out var connection)) CloseReader(connection);
    }
}
