using EmpathyBot.Services.Prompts;
using EmpathyBot.Models.Prompting;

namespace EmpathyBot.Host.Setup;

/// <summary>Loads our prompt bank into the store at start; a bad bank stops the host with the lines at fault.</summary>
public sealed class PromptBankSeeder(PromptBankLoader loader, ILogger<PromptBankSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        var loaded = await loader.LoadAsync(ct);
        if (loaded.Count == 0) logger.LogWarning("No prompt bank found under Data:Directory/prompts; only imported prompt sets are available");
        foreach (var set in loaded) logger.LogInformation("Prompt set {Set}: {Count} prompts ({Added} new)", set.Name, set.Prompts, set.Added);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
