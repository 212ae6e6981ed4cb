namespace EmpathyBot.Cli.Export;

/// <summary>Writes one table's rows to one file; <see cref="IAsyncDisposable.DisposeAsync"/> finishes the file.</summary>
public interface ITableWriter : IAsyncDisposable
{
    ValueTask WriteAsync(object?[] row, CancellationToken ct);
}
