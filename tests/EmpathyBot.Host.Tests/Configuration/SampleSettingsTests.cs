using EmpathyBot.Services.Privacy;
using EmpathyBot.Services.Understanding;
using EmpathyBot.Services.Appraisal;
using EmpathyBot.Services;
using System.Reflection;
using System.Text.Json;
using EmpathyBot.Channels.Teams;
using EmpathyBot.Channels.DirectLine;
using EmpathyBot.Channels.Slack;
using EmpathyBot.Conversation;
using EmpathyBot.Host.Dashboard;
using EmpathyBot.Models.Appraisal;
using EmpathyBot.Models.Configuration;
using EmpathyBot.Models.Understanding;
using EmpathyBot.Storage;

namespace EmpathyBot.Host.Tests.Configuration;

/// <summary>appsettings.sample.json documents every setting: each key it names must be a real option, and each option documented.</summary>
public sealed class SampleSettingsTests
{
    private static readonly Dictionary<string, Type> Sections = new()
    {
        ["Storage"] = typeof(StorageOptions),
        ["Study"] = typeof(StudyOptions),
        ["Rating"] = typeof(RatingOptions),
        ["Quality"] = typeof(EmpathyBot.Conversation.Integrity.QualityOptions),
        ["Understanding"] = typeof(UnderstandingOptions),
        ["Appraisal"] = typeof(AppraisalOptions),
        ["DirectLine"] = typeof(DirectLineOptions),
        ["Bot"] = typeof(BotOptions),
        ["Slack"] = typeof(SlackOptions),
        ["Contenders"] = typeof(ContenderOptions),
        ["Judges"] = typeof(JudgeOptions),
        ["Prompting"] = typeof(PromptingOptions),
        ["ModelRunner"] = typeof(ModelRunnerOptions),
        ["Data"] = typeof(DataOptions),
        ["Dashboard"] = typeof(DashboardOptions),
        ["Privacy"] = typeof(PrivacyOptions),
        ["Pairwise"] = typeof(EmpathyBot.Services.Pairwise.PairwiseOptions),
    };

    private static readonly JsonElement Sample = JsonDocument.Parse(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "appsettings.sample.json")),
        new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }).RootElement;

    public static TheoryData<string> SectionNames => new(Sections.Keys);

    [Theory]
    [MemberData(nameof(SectionNames))]
    public void Every_documented_key_is_an_option_and_every_option_is_documented(string section)
    {
        var documented = Sample.GetProperty(section);
        var sample = documented.ValueKind == JsonValueKind.Array ? documented.EnumerateArray().SelectMany(e => e.EnumerateObject()) : documented.EnumerateObject();
        var keys = sample.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var settable = Settable(Sections[section]);

        Assert.Empty(keys.Except(settable, StringComparer.OrdinalIgnoreCase));
        Assert.Empty(settable.Except(keys, StringComparer.OrdinalIgnoreCase));
    }

    [Fact]
    public void Nested_Redis_settings_are_documented() =>
        Assert.Equal(
            Settable(typeof(StorageOptions.RedisOptions)).Order(),
            Sample.GetProperty("Storage").GetProperty("Redis").EnumerateObject().Select(p => p.Name).Order());

    private static HashSet<string> Settable(Type type) => type
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.SetMethod is { IsPublic: true })
        .Select(p => p.Name)
        .ToHashSet(StringComparer.OrdinalIgnoreCase);

    [Theory]
    [InlineData("Privacy:MinGroupSize", "0")]
    [InlineData("Dashboard:MaxStreams", "0")]
    [InlineData("Dashboard:UpdateInterval", "00:00:00")]
    [InlineData("Study:ShowResults", "sometimes")]
    [InlineData("Rating:Design", "withinSubjects")]
    public async Task A_bad_privacy_or_dashboard_setting_stops_the_host_naming_it(string setting, string value)
    {
        var directory = Directory.CreateTempSubdirectory("empathybot-settings-").FullName;
        try
        {
            var error = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(async () =>
            {
                await using var host = await Infrastructure.BotHost.StartAsync(new Dictionary<string, string?> { [setting] = value }, dataDirectory: directory);
            });
            Assert.Contains(setting, error.Message);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }
}
