using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EmpathyBot.Core.Ports;
using EmpathyBot.Host.Tests.Infrastructure;
using EmpathyBot.Testing.FakeOpenAi;

namespace EmpathyBot.Host.Tests.Judging;

/// <summary>
/// Through the real host: a person's reply and the contenders' replies to the same prompt enter the pool, and the
/// configured judge rates each of them in the background over real HTTP, without any of it counting as a human rating.
/// </summary>
public sealed class LiveJudgingTests
{
    [Fact]
    public async Task Every_reply_entering_the_pool_is_judged_in_the_background()
    {
        await using var llm = await FakeOpenAiServer.StartAsync();
        llm.Responder = r => r.Model == "judge-model"
            ? FakeResponse.Reply(r.UserMessage.Contains("Be kind to yourself") ? "Good" : "Okay")
            : FakeResponse.Reply("Oh, that sounds like such a heavy day. I hope you can rest a little tonight.");
        var settings = FakeContenders.BaselineAndFakeLlm(llm);
        settings["Judges:0:Id"] = "judge-a";
        settings["Judges:0:Provider"] = "OpenAICompatible";
        settings["Judges:0:Model"] = "judge-model";
        settings["Judges:0:Endpoint"] = llm.V1.ToString();
        settings["Judges:0:SelfContender"] = "fake-llm";
        await using var host = await BotHost.StartAsync(settings);

        var writer = new DirectLineClient(host.Client, "writer");
        await writer.StartAsync();
        var greeting = await writer.JoinAsync();
        var menu = await writer.SubmitAsync(BotActivity.Button(greeting, "I am 18 or older and agree"));
        await writer.SubmitAsync(BotActivity.Button(menu, "Respond to a prompt"));
        await writer.SayAsync("I'm so sorry, that sounds exhausting. Be kind to yourself today.");

        JsonObject? judge = null;
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            var summary = await host.Client.GetFromJsonAsync<JsonObject>("api/summary");
            judge = summary!["judging"]?["judges"]?["judge-a"]?.AsObject();
            if (judge is not null && (int)judge["ratings"]! == 3) break;
            await Task.Delay(100);
        }

        Assert.NotNull(judge);
        Assert.Equal(3, (int)judge["ratings"]!);
        Assert.Equal(0, (int)judge["pairs"]!);
        var rates = judge["goodRates"]!.AsObject();
        Assert.Equal((1.0, 0.0, 0.0), ((double)rates["human"]!, (double)rates["baseline"]!, (double)rates["fake-llm"]!));
        var verdicts = await host.Get<IJudgeStore>().ExportVerdictsAsync().ToListAsync();
        Assert.Equal(3, verdicts.Count);
        Assert.All(verdicts, v => Assert.Equal(("judge-a", 0), (v.Judge, v.Repeat)));
        var overall = (await host.Client.GetFromJsonAsync<JsonObject>("api/summary"))!["overall"]!["sources"]!.AsObject();
        Assert.All(overall, s => Assert.Equal(0, (int)s.Value!["ratings"]!));
    }
}
