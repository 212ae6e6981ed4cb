using EmpathyBot.Models.Tests.Infrastructure;
using EmpathyBot.Testing.FakeOpenAi;
using Microsoft.Extensions.Options;

namespace EmpathyBot.Models.Tests.Configuration;

public sealed class JudgeOptionsValidationTests
{
    private static async Task<string> StartFailureAsync(params (string Key, string? Value)[] judge)
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        var e = await Assert.ThrowsAsync<OptionsValidationException>(async () =>
        {
            await using var h = await ModelsHarness.StartAsync(server, extra: judge);
        });
        return e.Message;
    }

    [Fact]
    public async Task A_SelfContender_that_names_no_contender_stops_the_start()
    {
        var message = await StartFailureAsync(("Judges:0:Id", "j"), ("Judges:0:Provider", "OpenAICompatible"), ("Judges:0:Model", "m"),
            ("Judges:0:Endpoint", "http://127.0.0.1:9/v1"), ("Judges:0:SelfContender", "gpt-5"));
        Assert.Contains("Judges:0 ('j'): SelfContender 'gpt-5' is not a configured contender Id (fake-llm)", message);
    }

    [Fact]
    public async Task Repeats_below_one_the_baseline_and_a_missing_model_are_refused_with_their_setting()
    {
        var message = await StartFailureAsync(
            ("Judges:0:Id", "j"), ("Judges:0:Provider", "OpenAICompatible"), ("Judges:0:Model", "m"), ("Judges:0:Endpoint", "http://127.0.0.1:9/v1"),
            ("Judges:0:Repeats", "0"),
            ("Judges:1:Id", "b"), ("Judges:1:Provider", "Baseline"),
            ("Judges:2:Id", "n"), ("Judges:2:Provider", "OpenAICompatible"), ("Judges:2:Endpoint", "http://127.0.0.1:9/v1"),
            ("Judges:3:Id", "t"), ("Judges:3:Provider", "OpenAICompatible"), ("Judges:3:Model", "m"), ("Judges:3:Endpoint", "http://127.0.0.1:9/v1"),
            ("Judges:3:Temperature", "hot"));
        Assert.Contains("Judges:0 ('j'): Repeats must be between 1 and 10.", message);
        Assert.Contains("Judges:1 ('b'): Provider 'Baseline' cannot judge", message);
        Assert.Contains("Judges:2 ('n'): Model is required.", message);
        Assert.Contains("Judges:3:", message);
    }

    [Fact]
    public async Task A_missing_judge_template_stops_the_start()
    {
        var elsewhere = Directory.CreateTempSubdirectory("eb-no-judge-template-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(elsewhere, "templates"));
            File.Copy(TestData.ShippedTemplate, Path.Combine(elsewhere, "templates", "welivita-pu.txt"));
            var message = await StartFailureAsync(("Data:Directory", elsewhere), ("Judges:0:Id", "j"), ("Judges:0:Provider", "OpenAICompatible"),
                ("Judges:0:Model", "m"), ("Judges:0:Endpoint", "http://127.0.0.1:9/v1"));
            Assert.Contains($"Judges: Judge template not found: {Path.Combine(elsewhere, "templates", "judge.txt")}.", message);
        }
        finally
        {
            Directory.Delete(elsewhere, recursive: true);
        }
    }
}
