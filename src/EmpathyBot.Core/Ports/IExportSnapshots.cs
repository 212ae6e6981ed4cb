namespace EmpathyBot.Core.Ports;

/// <summary>
/// A store that can export every table as of one moment. While a snapshot is open (in the async flow that opened
/// it), each export stream of the store reads the study as it was when the snapshot began, so tables exported one
/// after another still agree with each other (every rating's reply is in the replies table, say) while the bot keeps
/// writing. The streams are read one at a time. A store without snapshots exports each table as of its own moment.
/// </summary>
public interface IExportSnapshots
{
    Task<IAsyncDisposable> BeginExportSnapshotAsync(CancellationToken ct = default);
}
