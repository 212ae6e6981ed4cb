using EmpathyBot.Core.Ports;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EmpathyBot.Storage.Sqlite;

/// <summary>
/// Another process writing the same SQLite file (the CLI's import, a second host) never passes this host's
/// <see cref="Events.PublishingStudyStore"/>, so the live dashboard would not hear of it. <c>PRAGMA data_version</c>
/// on a connection of its own changes whenever any other connection commits, and reading it is one cheap call, so it
/// is polled; a change this host did not announce itself is announced as <see cref="StudyEventKind.CountersChanged"/>.
/// </summary>
internal sealed class SqliteChangeWatcher(IStudyStore store, IStudyEvents events, TimeProvider time, ILogger<SqliteChangeWatcher> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    // CountersChanged events heard, and how many of them this watcher sent: the rest are this host's own writes.
    private long heard;
    private long sent;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (store is not SqliteStudyStore sqlite) return;
        var subscription = await events.SubscribeAsync(stoppingToken);
        var listening = CountAsync(subscription, stoppingToken);
        try
        {
            await WatchAsync(sqlite.DatabasePath, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            // The read ends with the token before the subscription goes, so nothing is disposed under a pending read.
            await listening;
            await subscription.DisposeAsync();
        }
    }

    private async Task WatchAsync(string path, CancellationToken ct)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await connection.OpenAsync(ct);
        long? seen = null;
        var ownSeen = Own;
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            var own = Own;
            if (await DataVersionAsync(connection, ct) is not { } version) continue;
            // A change that came with an announcement of this host's own was announced already.
            if (seen is { } last && version != last && own <= ownSeen)
            {
                Interlocked.Increment(ref sent);
                await events.PublishAsync(new StudyEvent(StudyEventKind.CountersChanged, null, null, null, null, time.GetUtcNow()), ct);
            }

            (seen, ownSeen) = (version, Math.Max(own, ownSeen));
        }
        while (await timer.WaitForNextTickAsync(ct));
    }

    private long Own => Interlocked.Read(ref heard) - Interlocked.Read(ref sent);

    private async Task<long?> DataVersionAsync(SqliteConnection connection, CancellationToken ct)
    {
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA data_version";
            return (long)(await command.ExecuteScalarAsync(ct))!;
        }
        catch (SqliteException e)
        {
            log.LogWarning(e, "Could not read the study database's change counter; the dashboard may miss other processes' writes until it can.");
            return null;
        }
    }

    private async Task CountAsync(IStudyEventSubscription subscription, CancellationToken ct)
    {
        try
        {
            await foreach (var e in subscription.ReadAllAsync(ct))
            {
                if (e.Kind == StudyEventKind.CountersChanged) Interlocked.Increment(ref heard);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }
}
