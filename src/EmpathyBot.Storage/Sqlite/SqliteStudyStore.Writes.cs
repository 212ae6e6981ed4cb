using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using Microsoft.Data.Sqlite;

namespace EmpathyBot.Storage.Sqlite;

/// <summary>
/// Group commit. Every write is a unit of work that either happens whole or not at all, and its task completes only
/// once it is committed. Writes that arrive while another commit runs queue up and then share one transaction; a
/// failing write rolls back only itself (the batch then runs again with a savepoint per write: CommitBatch). Under
/// load a commit (its WAL frames for every page touched, its file locks) is paid once per batch instead of once per
/// write; a lone write still commits alone, a thread-pool hop later.
/// </summary>
public sealed partial class SqliteStudyStore
{
    // Bounds how long one transaction holds the write lock against the CLI or a second process.
    private const int MaxWritesPerCommit = 256;

    private readonly ConcurrentQueue<PendingWrite> pendingWrites = new();
    private int committing;
    private long commits;

    /// <summary>Transactions committed since the store opened: fewer than the writes when writes shared commits.</summary>
    public long Commits => Interlocked.Read(ref commits);

    /// <summary>Runs <paramref name="work"/> in a <c>BEGIN IMMEDIATE</c> transaction on the writer connection, possibly shared with other writes.</summary>
    private Task<T> Write<T>(Func<SqliteConnection, SqliteTransaction, T> work, CancellationToken ct)
    {
        if (ct.IsCancellationRequested) return Task.FromCanceled<T>(ct);
        if (disposed) return Task.FromException<T>(new ObjectDisposedException(nameof(SqliteStudyStore)));
        var pending = new PendingWrite<T>(work, ct);
        pendingWrites.Enqueue(pending);
        // Queued behind the turns already waiting on the thread pool, so that their writes join this commit.
        if (Interlocked.CompareExchange(ref committing, 1, 0) == 0)
            ThreadPool.UnsafeQueueUserWorkItem(static store => store.CommitPending(), this, preferLocal: false);
        return pending.Task;
    }

    private Task Write(Action<SqliteConnection, SqliteTransaction> work, CancellationToken ct) =>
        Write<bool>((c, tx) => { work(c, tx); return true; }, ct);

    private void CommitPending()
    {
        while (true)
        {
            while (!pendingWrites.IsEmpty) CommitBatch();
            Volatile.Write(ref committing, 0);
            // A write queued between the last look and the reset found the flag still set: take it over.
            if (pendingWrites.IsEmpty || Interlocked.CompareExchange(ref committing, 1, 0) != 0) return;
        }
    }

    private void CommitBatch()
    {
        var batch = new List<PendingWrite>();
        while (batch.Count < MaxWritesPerCommit && pendingWrites.TryDequeue(out var next))
        {
            if (next.TryStart()) batch.Add(next);
        }

        if (batch.Count == 0) return;
        writeGate.Wait();
        try
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            // Almost no write fails, so a batch first runs bare: a savepoint per write costs two statements and a copy
            // of every page the write touches that an earlier write of the batch had changed (about 3% of a turn's CPU
            // under load, bench/turns). When a write throws, the attempt is undone whole and the batch runs again with
            // each write in a savepoint of its own, so the failing one alone is rolled back. Nothing of the first
            // attempt was committed, and the writes change nothing outside the database, so running them again is safe.
            if (!TryCommitBare(batch)) CommitIsolated(batch);
            NoteWrite();
            Interlocked.Increment(ref commits);
            foreach (var write in batch) write.Complete();
        }
        catch (Exception ex)
        {
            // Nothing of the batch was committed: every write in it fails, with what stopped the commit.
            foreach (var write in batch) write.Fail(ex);
        }
        finally
        {
            writeGate.Release();
        }
    }

    /// <summary>Runs and commits the batch without savepoints; false (and nothing kept) when one of its writes threw.</summary>
    private bool TryCommitBare(List<PendingWrite> batch)
    {
        using var tx = writer.BeginTransaction(deferred: false);
        foreach (var write in batch)
        {
            try
            {
                write.Run(writer, tx);
            }
            catch (Exception ex) when (batch.Count > 1)
            {
                RollBack(tx, ex);
                return false;
            }
            catch (Exception ex)
            {
                // A lone write: undoing the transaction undoes exactly it.
                RollBack(tx, ex);
                write.Reject(ex);
                return true;
            }
        }

        tx.Commit();
        return true;
    }

    private void CommitIsolated(List<PendingWrite> batch)
    {
        using var tx = writer.BeginTransaction(deferred: false);
        foreach (var write in batch) RunInSavepoint(write, tx);
        tx.Commit();
    }

    /// <summary>
    /// Undoes a transaction a write failed in. When SQLite already ended it (disk full, I/O error) the rollback fails
    /// too, and the write's own failure is what the whole batch fails with, as callers expect from a failed write.
    /// </summary>
    private static void RollBack(SqliteTransaction tx, Exception failure)
    {
        try
        {
            tx.Rollback();
        }
        catch (SqliteException)
        {
            ExceptionDispatchInfo.Throw(failure);
        }
    }

    private void RunInSavepoint(PendingWrite write, SqliteTransaction tx)
    {
        Execute(writer, "SAVEPOINT write;", tx);
        try
        {
            write.Run(writer, tx);
        }
        catch (Exception ex)
        {
            // This write alone is undone; the others in the batch go on. When SQLite already ended the whole
            // transaction (disk full, I/O error) the rollback throws and the batch fails as one.
            Execute(writer, "ROLLBACK TO write;", tx);
            write.Reject(ex);
        }

        Execute(writer, "RELEASE write;", tx);
    }

    /// <summary>Fails the writes still queued when the store is disposed.</summary>
    private void FailPendingWrites()
    {
        while (pendingWrites.TryDequeue(out var write))
        {
            if (write.TryStart()) write.Fail(new ObjectDisposedException(nameof(SqliteStudyStore)));
        }
    }

    private abstract class PendingWrite
    {
        private const int Queued = 0, Started = 1, Canceled = 2;
        private int state;

        /// <summary>False when the caller gave up (cancelled) before the write started: it is then never run.</summary>
        public bool TryStart() => Interlocked.CompareExchange(ref state, Started, Queued) == Queued;

        protected bool TryCancel() => Interlocked.CompareExchange(ref state, Canceled, Queued) == Queued;

        public abstract void Run(SqliteConnection connection, SqliteTransaction tx);

        /// <summary>The write threw: it is rolled back and its caller gets the exception once the batch is committed.</summary>
        public abstract void Reject(Exception ex);

        public abstract void Complete();

        public abstract void Fail(Exception ex);
    }

    private sealed class PendingWrite<T> : PendingWrite
    {
        private readonly Func<SqliteConnection, SqliteTransaction, T> work;
        private readonly TaskCompletionSource<T> done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly CancellationTokenRegistration cancellation;
        private T? result;
        private Exception? rejected;

        public PendingWrite(Func<SqliteConnection, SqliteTransaction, T> work, CancellationToken ct)
        {
            this.work = work;
            if (ct.CanBeCanceled) cancellation = ct.Register(() => { if (TryCancel()) done.TrySetCanceled(ct); });
        }

        public Task<T> Task => done.Task;

        public override void Run(SqliteConnection connection, SqliteTransaction tx) => result = work(connection, tx);

        public override void Reject(Exception ex) => rejected = ex;

        public override void Complete()
        {
            cancellation.Dispose();
            if (rejected is null) done.TrySetResult(result!);
            else done.TrySetException(rejected);
        }

        public override void Fail(Exception ex)
        {
            cancellation.Dispose();
            done.TrySetException(ex);
        }
    }
}
