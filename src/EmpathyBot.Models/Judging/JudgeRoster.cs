using EmpathyBot.Models.Configuration;
using EmpathyBot.Services.Summary;
using Microsoft.Extensions.Configuration;

namespace EmpathyBot.Models.Judging;

/// <summary>
/// The summary's view of the <c>Judges</c> section: only each judge's Id and SelfContender. Read without building the
/// judges' clients or requiring their keys, so <c>empathybot summary</c> works where no judge can be asked; the host
/// still validates the whole section on start.
/// </summary>
public sealed class JudgeRoster(IConfiguration configuration) : IJudgeRoster
{
    private readonly Lazy<IReadOnlyDictionary<string, string?>> _self = new(() =>
    {
        var judges = new JudgesOptions();
        judges.BindFrom(configuration.GetSection(JudgesOptions.Section));
        return judges.Items.Where(j => !string.IsNullOrWhiteSpace(j.Id))
            .GroupBy(j => j.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().SelfContender, StringComparer.Ordinal);
    });

    public IReadOnlyDictionary<string, string?> SelfContenders => _self.Value;
}
