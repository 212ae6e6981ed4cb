using Microsoft.Data.Sqlite;

namespace EmpathyBot.Storage.Sqlite;

// Export snapshots: one WAL read transaction held open for the whole export. Every export stream started in the
// async flow that opened it runs on its connection, so all tables are read from the same commit.
public sealed partial class SqliteStudyStore : Core.Ports.IExportSnapshots
{
    private readonly AsyncLocal<Snapshot?> exportSnapshot = new();

    public Task<IAsyncDisposable> BeginExportSnapshotAsync(CancellationToken ct = default)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (exportSnapshot.Value is not null) throw new InvalidOperationException("An export snapshot is already open in this flow.");
        var connection = Open();
        try
        {
            var tx = connection.BeginTransaction(deferred: true);
            // A deferred transaction takes its snapshot at its first read, not at BEGIN.
            Scalar(connection, "SELECT count(*) FROM sqlite_schema;", tx);
            // Set here, outside any async method, so that the value reaches the caller's flow (an async method's
            // changes to an AsyncLocal stay inside it).
            var snapshot = new Snapshot(this, connection, tx);
            exportSnapshot.Value = snapshot;
            return Task.FromResult<IAsyncDisposable>(snapshot);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The connection and transaction an export stream reads in: the open snapshot's (left open for the next
    /// stream), or a read transaction of the stream's own, disposed with it.
    /// </summary>
    private (SqliteConnection Connection, SqliteTransaction? Transaction, IAsyncDisposable? Owned) ExportReader()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (exportSnapshot.Value is { } snapshot) return (snapshot.Connection, snapshot.Transaction, null);
        var connection = Open();
        var tx = connection.BeginTransaction(deferred: true);
        return (connection, tx, new OwnedReader(connection, tx));
    }

    private sealed class OwnedReader(SqliteConnection connection, SqliteTransaction tx) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await tx.DisposeAsync().ConfigureAwait(false);
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    private sealed class Snapshot(SqliteStudyStore store, SqliteConnection connection, SqliteTransaction tx) : IAsyncDisposable
    {
        public SqliteConnection Connection => connection;

        public SqliteTransaction Transaction => tx;

        // Not async: the flow that opened the snapshot must see it closed.
        public ValueTask DisposeAsync()
        {
            store.exportSnapshot.Value = null;
            tx.Dispose();
            connection.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
