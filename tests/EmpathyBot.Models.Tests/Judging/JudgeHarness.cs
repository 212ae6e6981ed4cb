using EmpathyBot.Core.Study;
using EmpathyBot.Models.Judging;
using EmpathyBot.Models.Tests.Infrastructure;
using EmpathyBot.Testing.FakeOpenAi;
using Microsoft.Extensions.DependencyInjection;

namespace EmpathyBot.Models.Tests.Judging;

/// <summary>The models layer with one judge, "judge-a" (model "judge-model"), on the fake server, and replies to judge.</summary>
internal static class JudgeHarness
{
    public const string Model = "judge-model";

    public static Task<ModelsHarness> StartAsync(FakeOpenAiServer server, params (string Key, string? Value)[] extra) =>
        ModelsHarness.StartAsync(server, maxAttempts: 3, extra:
        [
            ("Judges:0:Id", "judge-a"),
            ("Judges:0:Provider", "OpenAICompatible"),
            ("Judges:0:Model", Model),
            ("Judges:0:Endpoint", server.V1.ToString()),
            ("Judges:0:SelfContender", "fake-llm"),
            ("ModelRunner:BaseDelay", "00:00:00.001"),
            .. extra,
        ]);

    public static JudgeRunner Runner(this ModelsHarness h) => h.Services.GetRequiredService<JudgeRunner>();

    /// <summary>Prompt core-0001 with <paramref name="count"/> in-pool human replies h01.. and one excluded contender reply.</summary>
    public static async Task<IReadOnlyList<Reply>> SeedRepliesAsync(this ModelsHarness h, int count)
    {
        await h.SeedAsync(1);
        var at = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
        var replies = Enumerable.Range(1, count)
            .Select(i => new Reply($"h{i:D2}", "core-0001", Sources.Human, $"Reply number {i}: I'm sorry, that sounds worrying.", $"author{i}", at))
            .ToList();
        foreach (var r in replies) await h.Store.AddReplyAsync(r);
        await h.Store.AddReplyAsync(new Reply("m-excluded", "core-0001", "fake-llm", "As an AI, I can't feel.", null, at, "reveals an AI author"));
        return replies;
    }
}
