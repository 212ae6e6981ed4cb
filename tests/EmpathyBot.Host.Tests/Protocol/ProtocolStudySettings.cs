using EmpathyBot.Core.Study;
using EmpathyBot.Host.Tests.Infrastructure;
using EmpathyBot.Storage;

namespace EmpathyBot.Host.Tests.Protocol;

/// <summary>A two-step protocol (one reply, then one rating) ending in a Prolific completion link.</summary>
internal static class ProtocolStudySettings
{
    public const string Code = "C1A2B3C4";
    public const string CompletionUrl = "https://app.prolific.com/submissions/complete?cc={code}";
    public const string ProlificPid = "5f1e2d3c4b5a69788796a5b4";

    public static Dictionary<string, string?> TwoSteps() => new()
    {
        ["Contenders:0:Enabled"] = "false",
        ["Study:Protocol:0:Step"] = "respond",
        ["Study:Protocol:1:Step"] = "rate",
        ["Study:CompletionCode"] = Code,
        ["Study:CompletionUrl"] = CompletionUrl,
        ["Study:ResearcherName"] = "Dr Ada Example, Example University",
        ["Study:ResearcherContact"] = "ada@example.org",
    };

    /// <summary>A model's reply to every prompt of the core set, so a rater always has a card.</summary>
    public static async Task SeedRepliesAsync(BotHost host)
    {
        var store = host.Get<IStudyStore>();
        foreach (var prompt in await store.GetPromptsAsync("core"))
        {
            await store.AddReplyAsync(new Reply($"m-{prompt.Id}", prompt.Id, "gpt", "That sounds really hard; I'm here for you.", null, DateTimeOffset.UtcNow));
        }
    }

    public static string CompletionLink => CompletionUrl.Replace("{code}", Code, StringComparison.Ordinal);

    /// <summary>Runs <c>empathybot participants export</c> on the host's store and returns the CSV lines.</summary>
    public static async Task<string[]> ExportParticipantsAsync(BotHost host)
    {
        var file = Path.Combine(host.DataDirectory, "participants.csv");
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await Cli.CliApp.InvokeAsync(Cli.CliApp.Root(), ["--data-dir", host.DataDirectory, "participants", "export", file],
            new System.CommandLine.InvocationConfiguration { Output = output, Error = error });
        Assert.True(exit == 0, error.ToString());
        return await File.ReadAllLinesAsync(file);
    }
}
