using EmpathyBot.Services.Understanding;
using EmpathyBot.Models.Understanding;

namespace EmpathyBot.Host.Setup;

/// <summary>Stores our two understanding banks (<c>data/understanding/allocation.jsonl</c>, <c>intensity.jsonl</c>) as item sets at start.</summary>
public sealed class UnderstandingBankSeeder(UnderstandingData data, ILogger<UnderstandingBankSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        await data.SeedAsync(ct);
        foreach (var bank in data.Banks) logger.LogInformation("Understanding set {Set}: {Count} {Kind} items (provisional standards)", bank.Name, bank.Count, bank.Kind);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
