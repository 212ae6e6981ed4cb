using EmpathyBot.Core.Ports;
using Microsoft.Extensions.Hosting;

namespace EmpathyBot.Storage;

/// <summary>
/// Opens the store when the host starts, so a bad data directory or an unreachable database stops the host
/// with a clear error at start-up instead of failing the first participant's message.
/// </summary>
internal sealed class StudyStoreStartup(IStudyStore store) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!await store.PingAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidOperationException("The study store did not answer at start-up; check the Storage settings.");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
