namespace EmpathyBot.Cli.Progress;

/// <summary>Reports on the caller's thread, in order (<see cref="Progress{T}"/> posts, so a late report could follow the last).</summary>
internal sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
