using EmpathyBot.Host.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace EmpathyBot.Host.Tests.Protocol;

/// <summary>A protocol or completion setting that cannot work stops the host at start, naming the setting.</summary>
public sealed class ProtocolSettingsTests
{
    [Theory]
    [InlineData("Study:Protocol:0:Step", "dance", "Study:Protocol:0:Step")]
    [InlineData("Study:Protocol:0:Count", "0", "Study:Protocol:0:Count")]
    [InlineData("Study:CompletionUrl", "https://app.prolific.com/submissions/complete?cc={code}", "Study:CompletionCode")]
    [InlineData("Study:ConsentPath", "study/missing.md", "Study:ConsentPath")]
    public async Task A_bad_setting_stops_the_host_naming_it(string setting, string value, string named)
    {
        var settings = new Dictionary<string, string?> { ["Study:Protocol:0:Step"] = "respond", [setting] = value };
        var directory = Directory.CreateTempSubdirectory("empathybot-protocol-settings-").FullName;
        try
        {
            var error = await Assert.ThrowsAsync<OptionsValidationException>(async () =>
            {
                await using var host = await BotHost.StartAsync(settings, dataDirectory: directory);
            });
            Assert.Contains(named, error.Message);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }
}
