using Microsoft.Data.Sqlite;

namespace EmpathyBot.Storage.Sqlite;

// Export snapshots: one WAL read transaction held open for the whole export. Every export stream started in the
// async flow that opened it runs on its connection, so all tables are read from the same commit.
public sealed partial class SqliteStudyStore : Core.Ports.IExportSnapshots
{
    private readonly AsyncLocal<Snapshot?> exportSnapshot = new();

    public Task<IAsyncDisposable> BeginExportSnapshotAsync(CancellationToken ct = default)
    {
        if (exportSnapshot.Value is not null) throw new InvalidOperationException("An export snapshot is already open in this flow.");
        var reader = BeginReadTransaction();
        try
        {
            // A deferred transaction takes its snapshot at its first read, not at BEGIN.
            Scalar(reader.Connection, "SELECT count(*) FROM sqlite_schema;", reader.Transaction);
        }
        catch
        {
            reader.Dispose();
            throw;
        }

        // Set here, outside any async method, so that the value reaches the caller's flow (an async method's changes
        // to an AsyncLocal stay inside it).
        var snapshot = new Snapshot(this, reader);
        exportSnapshot.Value = snapshot;
        return Task.FromResult<IAsyncDisposable>(snapshot);
    }

    /// <summary>
    /// The read transaction an export stream reads in: the open snapshot's (not owned: left open for the next stream),
    /// or one of the stream's own, which it disposes.
    /// </summary>
    private (ReadTransaction Reader, bool Owned) ExportReader() =>
        exportSnapshot.Value is { } snapshot ? (snapshot.Reader, false) : (BeginReadTransaction(), true);

    private ReadTransaction BeginReadTransaction()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        var connection = Open();
        try
        {
            return new ReadTransaction(connection, connection.BeginTransaction(deferred: true));
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>A deferred read transaction on a connection of its own; disposing it ends both.</summary>
    private sealed class ReadTransaction(SqliteConnection connection, SqliteTransaction tx) : IDisposable
    {
        public SqliteConnection Connection => connection;

        public SqliteTransaction Transaction => tx;

        public void Dispose()
        {
            tx.Dispose();
            connection.Dispose();
        }
    }

    private sealed class Snapshot(SqliteStudyStore store, ReadTransaction reader) : IAsyncDisposable
    {
        public ReadTransaction Reader => reader;

        // Not async: the flow that opened the snapshot must see it closed.
        public ValueTask DisposeAsync()
        {
            store.exportSnapshot.Value = null;
            reader.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
