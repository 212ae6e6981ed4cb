using Microsoft.Data.Sqlite;

namespace EmpathyBot.Storage.Sqlite;

public sealed partial class SqliteStudyStore
{
    // SQLite's auto-checkpoint runs inside the commit that crosses the WAL threshold, so roughly one write in a
    // few hundred pays for copying pages and an fsync (a 10-80 ms p99 spike with a million ratings). The writer
    // turns it off and a background connection checkpoints passively instead; passive checkpoints never block
    // the writer or readers. A checkpoint copies each page changed since the last one once, however often it changed,
    // so under load a longer interval copies fewer pages per turn: every 2 s instead of 500 ms saved about 5% of a
    // turn's CPU (bench/turns). The WAL then grows past 64 MiB between checkpoints at full load (up to about 90 MiB/s of
    // frames); it is truncated back to 256 MiB only, so it is reused in place rather than shrunk and grown again.
    private static readonly TimeSpan CheckpointInterval = TimeSpan.FromSeconds(2);
    private const long WalSizeLimitBytes = 256L * 1024 * 1024;

    private readonly Lock checkpointLock = new();
    private Timer? checkpointTimer;
    private SqliteConnection? checkpointer;
    private long writesSinceCheckpoint;

    private void StartCheckpointer()
    {
        Execute(writer, $"PRAGMA wal_autocheckpoint=0; PRAGMA journal_size_limit={WalSizeLimitBytes};");
        checkpointTimer = new Timer(_ => Checkpoint(), null, CheckpointInterval, CheckpointInterval);
    }

    private void NoteWrite() => Interlocked.Increment(ref writesSinceCheckpoint);

    /// <summary>Copies committed WAL pages into the database file; returns false when nothing was due.</summary>
    internal bool Checkpoint()
    {
        if (Interlocked.Exchange(ref writesSinceCheckpoint, 0) == 0) return false;
        lock (checkpointLock)
        {
            if (disposed) return false;
            try
            {
                checkpointer ??= Open();
                Execute(checkpointer, "PRAGMA wal_checkpoint(PASSIVE);");
                return true;
            }
            catch (Exception ex) when (ex is SqliteException or InvalidOperationException)
            {
                // Transient (e.g. another process checkpointing); retry on the next tick rather than lose it.
                Interlocked.Increment(ref writesSinceCheckpoint);
                return false;
            }
        }
    }

    private void StopCheckpointer()
    {
        checkpointTimer?.Dispose();
        lock (checkpointLock)
        {
            checkpointer?.Dispose();
            checkpointer = null;
        }
    }
}
