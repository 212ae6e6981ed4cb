using System.Runtime.CompilerServices;
using EmpathyBot.Core.Study;
using EmpathyBot.Core.Ports;
using Microsoft.Data.Sqlite;

namespace EmpathyBot.Storage.Sqlite;

/// <summary>
/// The embedded study store: one SQLite file (<c>empathybot.db</c>) in WAL mode under the data directory.
/// Reads use pooled connections and run concurrently; writes go through one long-lived connection (SQLite has one
/// writer anyway, and queueing in-process avoids busy-wait sleeps), in short <c>BEGIN IMMEDIATE</c> transactions so
/// other processes (the CLI next to the host) serialise with us too. Writes that queue up while one commits share the
/// next commit (SqliteStudyStore.Writes.cs).
/// </summary>
public sealed partial class SqliteStudyStore : IStudyStore, IDisposable, IAsyncDisposable
{
    public const string FileName = "empathybot.db";

    private const string ConnectionPragmas = "PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=5000; PRAGMA temp_store=MEMORY;";

    // The writer keeps B-tree pages cached across transactions, its own commits included, and the turns' lookups run on
    // it (Lookup), so its cache holds what a turn touches. Up to 128 MiB, allocated only as the database grows: at 32 MiB
    // a database past that size (the turn benchmark's after 20 s) evicted pages each turn went on to read again, about 5%
    // of a turn's CPU (bench/turns).
    private const string WriterPragmas = "PRAGMA cache_size=-131072;";

    private readonly string connectionString;
    private readonly SqliteConnection writer;
    private readonly SemaphoreSlim writeGate = new(1, 1);
    private readonly TimeProvider time;
    private volatile bool disposed;

    public SqliteStudyStore(string dataDirectory, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        time = timeProvider ?? TimeProvider.System;
        DataDirectory = EnsureDirectory(dataDirectory);
        DatabasePath = Path.Combine(DataDirectory, FileName);
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();

        writer = Open();
        try
        {
            Execute(writer, WriterPragmas);
            Migrate(writer);
            StartCheckpointer();
            StatementCaches.Add(writer, new Dictionary<string, SqliteCommand>(StringComparer.Ordinal));
        }
        catch
        {
            writer.Dispose();
            throw;
        }
    }

    public string DataDirectory { get; }

    public string DatabasePath { get; }

    public async Task<bool> PingAsync(CancellationToken ct = default)
    {
        try
        {
            return await Read(c => Convert.ToInt64(Scalar(c, "SELECT 1;")) == 1, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is SqliteException or InvalidOperationException)
        {
            return false; // includes ObjectDisposedException: a disposed store does not answer
        }
    }

    private static string EnsureDirectory(string dataDirectory)
    {
        var full = Path.GetFullPath(dataDirectory);
        try
        {
            Directory.CreateDirectory(full);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new InvalidOperationException(
                $"Cannot create the EmpathyBot data directory '{full}' (Storage:DataDirectory): {ex.Message}", ex);
        }

        return full;
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            Execute(connection, ConnectionPragmas);
            return connection;
        }
        catch (SqliteException ex)
        {
            connection.Dispose();
            throw new InvalidOperationException($"Cannot open the study database '{DatabasePath}': {ex.Message}", ex);
        }
    }

    /// <summary>Runs a read on an idle reader connection (WAL readers never block the writer).</summary>
    private Task<T> Read<T>(Func<SqliteConnection, T> work, CancellationToken ct)
    {
        if (ct.IsCancellationRequested) return Task.FromCanceled<T>(ct);
        SqliteConnection? connection = null;
        try
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            connection = RentReader();
            var result = work(connection);
            ReturnReader(connection);
            return Task.FromResult(result);
        }
        catch (Exception ex)
        {
            // A reader that failed mid-statement is not reused.
            if (connection is not null) CloseReader(connection);
            return Task.FromException<T>(ex);
        }
    }

    /// <summary>
    /// A read of a few rows by key, as a turn makes them: run on the writer connection when no commit holds it, else as
    /// <see cref="Read{T}"/>. A reader's page cache is dropped whenever anything commits (under load, between any two
    /// reads), so every lookup on a reader read its pages again from the file; the writer's cache stays valid across
    /// its own commits. This cut the time a turn spends reading by about a third (bench/turns). Long reads never come
    /// here: they would hold up every write.
    /// </summary>
    private Task<T> Lookup<T>(Func<SqliteConnection, T> work, CancellationToken ct)
    {
        if (ct.IsCancellationRequested) return Task.FromCanceled<T>(ct);
        if (!writeGate.Wait(0)) return Read(work, ct);
        try
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            return Task.FromResult(work(writer));
        }
        catch (Exception ex)
        {
            return Task.FromException<T>(ex);
        }
        finally
        {
            writeGate.Release();
        }
    }

    private long NowTicks => time.GetUtcNow().UtcTicks;

    private static DateTimeOffset FromTicks(long ticks) => new(ticks, TimeSpan.Zero);

    private static SqliteCommand Command(SqliteConnection connection, string sql, SqliteTransaction? tx = null, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = tx;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    // Preparing a statement also compiles every trigger on its table, which costs far more than running it;
    // the writer keeps its prepared commands (bounded: the SQL texts are constants).
    private const int MaxCachedStatements = 512;
    private static readonly ConditionalWeakTable<SqliteConnection, Dictionary<string, SqliteCommand>> StatementCaches = new();

    /// <summary>A command for one execution: the writer's cached prepared one, or a fresh one the lease disposes.</summary>
    private readonly struct CommandLease(SqliteCommand command, bool owned) : IDisposable
    {
        public SqliteCommand Command => command;

        public void Dispose()
        {
            if (owned) command.Dispose();
        }
    }

    private static CommandLease Rent(SqliteConnection connection, string sql, SqliteTransaction? tx, (string Name, object? Value)[] parameters)
    {
        if (!StatementCaches.TryGetValue(connection, out var cache)) return new CommandLease(Command(connection, sql, tx, parameters), true);
        if (!cache.TryGetValue(sql, out var command))
        {
            if (cache.Count >= MaxCachedStatements) return new CommandLease(Command(connection, sql, tx, parameters), true);
            command = connection.CreateCommand();
            command.CommandText = sql;
            cache[sql] = command;
        }

        command.Transaction = tx;
        command.Parameters.Clear();
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return new CommandLease(command, false);
    }

    private static void DisposeStatementCache(SqliteConnection connection)
    {
        if (!StatementCaches.TryGetValue(connection, out var cache)) return;
        foreach (var command in cache.Values) command.Dispose();
        cache.Clear();
        StatementCaches.Remove(connection);
    }

    private static int Execute(SqliteConnection connection, string sql, SqliteTransaction? tx = null, params (string, object?)[] parameters)
    {
        using var lease = Rent(connection, sql, tx, parameters);
        return lease.Command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, string sql, SqliteTransaction? tx = null, params (string, object?)[] parameters)
    {
        using var lease = Rent(connection, sql, tx, parameters);
        var value = lease.Command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    private static List<T> Query<T>(SqliteConnection connection, string sql, Func<SqliteDataReader, T> map, SqliteTransaction? tx = null, params (string, object?)[] parameters)
    {
        using var lease = Rent(connection, sql, tx, parameters);
        using var reader = lease.Command.ExecuteReader();
        var list = new List<T>();
        while (reader.Read())
        {
            list.Add(map(reader));
        }

        return list;
    }

    private static string? NullableString(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static string RatingColumn(RatingValue value) => value switch
    {
        RatingValue.Good => "good",
        RatingValue.Okay => "okay",
        RatingValue.Bad => "bad",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "Rating must be good, okay or bad."),
    };

    public void Dispose()
    {
        if (disposed) return;
        writeGate.Wait();
        try
        {
            lock (checkpointLock)
            {
                disposed = true;
            }

            FailPendingWrites();
            StopCheckpointer();
            CloseIdleReaders();
            DisposeStatementCache(writer);
            writer.Dispose();
            // Let tests and tools delete the directory: pooled handles would keep the file open.
            SqliteConnection.ClearPool(new SqliteConnection(connectionString));
        }
        finally
        {
            writeGate.Release();
        }
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
