using EmpathyBot.Testing.FakeOpenAi;
using Microsoft.Extensions.DependencyInjection;

namespace EmpathyBot.Cli.Tests;

/// <summary>A study directory for the <c>judge</c> commands, with one judge pointed at a local OpenAI-compatible fake.</summary>
public sealed class JudgeCliStudy : IDisposable
{
    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("empathybot-judge-cli-").FullName;

    public ServiceProvider Services(FakeOpenAiServer server) => CliRun.Services(new Dictionary<string, string?>
    {
        ["Storage:DataDirectory"] = Directory,
        ["Judges:0:Id"] = "judge-a",
        ["Judges:0:Provider"] = "OpenAICompatible",
        ["Judges:0:Model"] = "judge-model",
        ["Judges:0:Endpoint"] = server.V1.ToString(),
    });

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
